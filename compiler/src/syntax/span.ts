// Where a piece of syntax (and everything derived from it) came from. Offsets are UTF-16 code
// unit indices into the file's text; lines and columns are 1-based, as editors and humans count.
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number; // exclusive
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

export function spanCovering(a: Span, b: Span): Span {
  return { file: a.file, start: a.start, end: b.end, line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
}

/** A zero-width span at the start of a file: for problems that belong to a file as a whole. */
export function fileStart(file: string): Span {
  return { file, start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 };
}

/** Line and column (1-based) of an offset, for spans computed outside the lexer. */
export function positionAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

export function spanAt(file: string, text: string, start: number, end: number): Span {
  const a = positionAt(text, start);
  const b = positionAt(text, end);
  return { file, start, end, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}

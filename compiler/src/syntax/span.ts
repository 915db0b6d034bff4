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

// Offsets of the line starts of recently used texts: positionAt is called once per diagnostic,
// fix or suppression, and a scan from the file's start each time made many of them in one large
// file quadratic. A few texts are kept (one file at a time is the usual pattern).
const lineStarts = new Map<string, number[]>();
function lineStartsOf(text: string): number[] {
  let starts = lineStarts.get(text);
  if (starts === undefined) {
    starts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    if (lineStarts.size >= 4) lineStarts.delete(lineStarts.keys().next().value!);
    lineStarts.set(text, starts);
  }
  return starts;
}

/** Line and column (1-based) of an offset, for spans computed outside the lexer. */
export function positionAt(text: string, offset: number): { line: number; col: number } {
  const at = Math.min(Math.max(offset, 0), text.length);
  const starts = lineStartsOf(text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}

export function spanAt(file: string, text: string, start: number, end: number): Span {
  const a = positionAt(text, start);
  const b = positionAt(text, end);
  return { file, start, end, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}

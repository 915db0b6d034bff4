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
  if (a instanceof TreeSpan && b instanceof TreeSpan && a.index === b.index) return new TreeSpan(a.index, a.start, b.end);
  return { file: a.file, start: a.start, end: b.end, line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
}

/** A file's name and where its lines start: what the spans of its syntax tree share. */
export interface LineIndex {
  readonly file: string;
  readonly starts: readonly number[];
}

export function lineIndex(file: string, text: string): LineIndex {
  return { file, starts: lineStartsOf(text) };
}

/**
 * The spans of the syntax tree: the file's line index and two offsets, with lines and columns
 * worked out (a binary search) when read. A tree has a span per node, ~43 per service of the
 * bench app; as plain objects of seven fields they were 80 bytes each and ~40% of the tree's
 * objects, as these 48. Lines and columns are read for diagnostics, fixes and formatting, rarely
 * enough that computing them on demand costs nothing measurable. Read-only like every span; a
 * copy made with `{ ...span }` would lose the computed fields, so spans are never spread.
 */
export class TreeSpan implements Span {
  constructor(
    readonly index: LineIndex,
    readonly start: number,
    readonly end: number,
  ) {}
  get file(): string {
    return this.index.file;
  }
  get line(): number {
    return lineAt(this.index.starts, this.start) + 1;
  }
  get col(): number {
    return this.start - this.index.starts[lineAt(this.index.starts, this.start)]! + 1;
  }
  get endLine(): number {
    return lineAt(this.index.starts, this.end) + 1;
  }
  get endCol(): number {
    return this.end - this.index.starts[lineAt(this.index.starts, this.end)]! + 1;
  }
  /** As a plain span, for JSON and for tests that compare with object literals. */
  toJSON(): Span {
    return { file: this.file, start: this.start, end: this.end, line: this.line, col: this.col, endLine: this.endLine, endCol: this.endCol };
  }
}

/** The 0-based line of `offset`: the last line start at or before it. */
function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A zero-width span at the start of a file: for problems that belong to a file as a whole. */
export function fileStart(file: string): Span {
  return { file, start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 };
}

/** A source file's span: all of its text, the end position being that of its last token. */
export function wholeFile(file: string, text: string, endLine: number, endCol: number): Span {
  return { file, start: 0, end: text.length, line: 1, col: 1, endLine, endCol };
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
  const lo = lineAt(starts, at);
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}

export function spanAt(file: string, text: string, start: number, end: number): Span {
  const a = positionAt(text, start);
  const b = positionAt(text, end);
  return { file, start, end, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}

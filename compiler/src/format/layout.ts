// Small text helpers shared by the printers: the page width, indentation, and how a comment is
// written on a line of its own or after code. Comments are the only text the formatter copies
// verbatim across lines, so their normalisation lives here, next to the code that places them.
import type { Comment } from "../syntax/ast.ts";
import type { Span } from "../syntax/span.ts";

export const WIDTH = 100;
export const INDENT = 2;

/** What the printers need from the source: its text, to copy literals exactly as written. */
export interface Ctx {
  readonly text: string;
}

export function slice(ctx: Ctx, span: Span): string {
  return ctx.text.slice(span.start, span.end);
}

export function pad(n: number): string {
  return " ".repeat(n);
}

/** Width of the last line of a possibly multi-line piece: where the next text would start. */
export function lastLineWidth(s: string): number {
  const nl = s.lastIndexOf("\n");
  return nl < 0 ? s.length : s.length - nl - 1;
}

/** A piece fits when it is a single line that ends, with what follows it, within the width. */
export function fits(col: number, s: string, tail = 0): boolean {
  return !s.includes("\n") && col + s.length + tail <= WIDTH;
}

/**
 * A comment as it is printed: line comments lose trailing blanks (and the `\r` of CRLF files, which
 * the lexer keeps inside `//...`); block comments keep every line verbatim except trailing blanks
 * and CRLF, so the output has LF endings and no trailing whitespace. Tests compare comments through
 * this same function.
 */
export function normalizeComment(c: Comment): string {
  if (!c.block) return c.text.trimEnd();
  return c.text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .join("\n");
}

/** A comment on its own line. Only the first line of a block comment is re-indented. */
export function ownLine(c: Comment, indent: number): string {
  return pad(indent) + normalizeComment(c);
}

/** Comments after code on the same line, one space before each. */
export function trailingText(cs: readonly Comment[]): string {
  return cs.map((c) => " " + normalizeComment(c)).join("");
}

export function isDoc(c: Comment): boolean {
  return !c.block && c.text.startsWith("///");
}

/** Whether the source has an empty line between two offsets (blank lines are kept, at most one). */
export function blankBetween(ctx: Ctx, from: number, to: number): boolean {
  return from < to && /\n[ \t\r\f]*\n/.test(ctx.text.slice(from, to));
}

// Doc comments: the `///` comments directly above a declaration or field, joined, are its
// documentation (hover text, `kdsl explain`-style pages). Both parsers ask while they parse; the
// comments are the scanner's so far, in text order (those before `offset` are all there).
import type { CommentToken } from "./scanner.ts";

const SPACE = /\s/;

/** The documentation written right above `offset`, or undefined. */
export function docAt(comments: readonly CommentToken[], text: string, offset: number): string | undefined {
  let i = endingAt(comments, backOverSpace(text, offset));
  if (i < 0 || !isDoc(comments[i]!)) return undefined;
  const lines: string[] = [];
  for (;;) {
    const c = comments[i]!;
    lines.unshift(c.image.slice(3).replace(/^ /, ""));
    const prev = comments[i - 1];
    if (prev === undefined || !isDoc(prev) || prev.endOffset! + 1 !== backOverSpace(text, c.startOffset)) break;
    i--;
  }
  return lines.join("\n");
}

const isDoc = (c: CommentToken): boolean => c.image.startsWith("///");

function backOverSpace(text: string, offset: number): number {
  let p = offset;
  while (p > 0 && SPACE.test(text[p - 1]!)) p--;
  return p;
}

/** The index of the comment that ends right before `offset` (a binary search), or -1. */
function endingAt(comments: readonly CommentToken[], offset: number): number {
  let lo = 0;
  let hi = comments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const end = comments[mid]!.endOffset! + 1;
    if (end === offset) return mid;
    if (end < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

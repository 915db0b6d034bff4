// Chevrotain positions are inclusive at the end; spans are exclusive. One conversion, here.
import type { IToken } from "chevrotain";
import type { Span } from "./span.ts";

export function spanOfToken(file: string, t: IToken): Span {
  return {
    file,
    start: t.startOffset,
    end: (t.endOffset ?? t.startOffset) + 1,
    line: t.startLine ?? 1,
    col: t.startColumn ?? 1,
    endLine: t.endLine ?? t.startLine ?? 1,
    endCol: (t.endColumn ?? t.startColumn ?? 0) + 1,
  };
}

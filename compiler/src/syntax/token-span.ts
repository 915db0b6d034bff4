// Chevrotain positions are inclusive at the end; spans are exclusive. One conversion, here.
import type { IToken } from "chevrotain";
import type { Span } from "./span.ts";

/** A token's positions: chevrotain's tokens and the scanner's comments alike. */
export type TokenPositions = Pick<IToken, "startOffset" | "endOffset" | "startLine" | "endLine" | "startColumn" | "endColumn">;

export function spanOfToken(file: string, t: TokenPositions): Span {
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

// Token objects for the parser, made here rather than with chevrotain's createTokenInstance.
//
// chevrotain creates its EOF and recording-phase tokens with createTokenInstance and NaN
// positions when it loads, so in V8 every object of that shape has its numeric fields stored as
// boxed doubles. Tokens made with the same shape inherit that: each position read from them is a
// fresh heap number, and every span built from one stored its seven fields boxed too (measured on
// the 1,000-service bench app: 256,000 heap numbers, ~4 MiB, kept alive by the tree). The same
// fields in another order give the tokens a shape of their own whose fields stay small integers;
// chevrotain reads tokens by property name, so it does not mind.
import type { IToken, TokenType } from "chevrotain";

export function makeToken(tokenType: TokenType, image: string, startOffset: number, endOffset: number, startLine: number, endLine: number, startColumn: number, endColumn: number): IToken {
  return { tokenType, tokenTypeIdx: tokenType.tokenTypeIdx!, image, startOffset, endOffset, startLine, endLine, startColumn, endColumn };
}

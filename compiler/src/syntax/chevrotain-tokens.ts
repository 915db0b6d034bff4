// chevrotain's token types, made from the token kinds of tokens.ts when chevrotain's parser is
// first needed (a file with a syntax error): the recovery side (lexer.ts, parser*.ts,
// recovery.ts) uses these, the scanner and the fast parser the kinds themselves.
import { createToken, Lexer, type TokenType } from "chevrotain";
import * as K from "./tokens.ts";

const made = new Map<K.TokenKind, TokenType>();

/** chevrotain's token type for `kind` (categories and longer alternatives first). */
export function chevrotainType(kind: K.TokenKind): TokenType {
  let t = made.get(kind);
  if (t === undefined) {
    t = createToken({
      name: kind.name,
      pattern: kind.CATEGORY_ONLY ? Lexer.NA : kind.PATTERN,
      ...(kind.LABEL !== undefined ? { label: kind.LABEL } : {}),
      ...(kind.GROUP === "skipped" ? { group: Lexer.SKIPPED } : kind.GROUP ? { group: kind.GROUP } : {}),
      ...(kind.LINE_BREAKS ? { line_breaks: true } : {}),
      ...(kind.CATEGORIES ? { categories: kind.CATEGORIES.map(chevrotainType) } : {}),
      ...(kind.LONGER_ALT ? { longer_alt: chevrotainType(kind.LONGER_ALT) } : {}),
    });
    made.set(kind, t);
  }
  return t;
}

// In the order of tokens.ts's ALL_TOKENS, so that chevrotain numbers them as before.
export const ALL_TOKENS: TokenType[] = K.ALL_TOKENS.map(chevrotainType);
export const WhiteSpace = chevrotainType(K.WhiteSpace);
export const DocComment = chevrotainType(K.DocComment);
export const LineComment = chevrotainType(K.LineComment);
export const BlockComment = chevrotainType(K.BlockComment);
export const UnterminatedBlockComment = chevrotainType(K.UnterminatedBlockComment);
export const StringTok = chevrotainType(K.StringTok);
export const UnterminatedString = chevrotainType(K.UnterminatedString);
export const Quantity = chevrotainType(K.Quantity);
export const NumberTok = chevrotainType(K.NumberTok);
export const AnyName = chevrotainType(K.AnyName);
export const Ident = chevrotainType(K.Ident);
export const App = chevrotainType(K.App);
export const Use = chevrotainType(K.Use);
export const Template = chevrotainType(K.Template);
export const Profile = chevrotainType(K.Profile);
export const Kind = chevrotainType(K.Kind);
export const From = chevrotainType(K.From);
export const For = chevrotainType(K.For);
export const To = chevrotainType(K.To);
export const True = chevrotainType(K.True);
export const False = chevrotainType(K.False);
export const If = chevrotainType(K.If);
export const Then = chevrotainType(K.Then);
export const Else = chevrotainType(K.Else);
export const And = chevrotainType(K.And);
export const Or = chevrotainType(K.Or);
export const In = chevrotainType(K.In);
export const NotIn = chevrotainType(K.NotIn);
export const LBrace = chevrotainType(K.LBrace);
export const RBrace = chevrotainType(K.RBrace);
export const LBracket = chevrotainType(K.LBracket);
export const RBracket = chevrotainType(K.RBracket);
export const LParen = chevrotainType(K.LParen);
export const RParen = chevrotainType(K.RParen);
export const Arrow = chevrotainType(K.Arrow);
export const EqEq = chevrotainType(K.EqEq);
export const NotEq = chevrotainType(K.NotEq);
export const Bang = chevrotainType(K.Bang);
export const Equals = chevrotainType(K.Equals);
export const Comma = chevrotainType(K.Comma);
export const Semi = chevrotainType(K.Semi);
export const Dot = chevrotainType(K.Dot);
export const Colon = chevrotainType(K.Colon);
export const Question = chevrotainType(K.Question);
export const Slash = chevrotainType(K.Slash);
export const Lt = chevrotainType(K.Lt);
export const Gt = chevrotainType(K.Gt);

// Text → chevrotain tokens and comments, for chevrotain's parser (recovery.ts). Never throws:
// unknown characters become KD1001 diagnostics and are skipped; unterminated strings and comments
// are reported once here and parsed on as if closed.
import type { IToken } from "chevrotain";
import { UnterminatedBlockComment, UnterminatedString } from "./tokens.ts";
import { chevrotainType } from "./chevrotain-tokens.ts";
import { commentOf, Scanner, type CommentToken, type ScanError } from "./scanner.ts";
import { makeToken } from "./token.ts";
import type { Comment } from "./ast.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { spanOfToken } from "./token-span.ts";
import { spanAt } from "./span.ts";

/** Beyond this many lexical errors in one file the rest are summarised: junk input must stay cheap. */
const MAX_LEX_ERRORS = 20;

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: Comment[];
  /** The comments as the scanner's tokens, for doc comments (docs.ts). */
  readonly commentTokens: readonly CommentToken[];
  readonly diagnostics: Diagnostic[];
}

export function lex(file: string, text: string): LexResult {
  const result = scan(text);
  const diagnostics: Diagnostic[] = [];
  let shown = 0;
  for (const e of result.errors) {
    if (shown++ === MAX_LEX_ERRORS) {
      const rest = result.errors.length - MAX_LEX_ERRORS;
      diagnostics.push(diag("KD1001", spanAt(file, text, e.offset, e.offset + e.length), `${rest} more unexpected characters not shown`));
      break;
    }
    const bad = text.slice(e.offset, e.offset + Math.min(e.length, 12));
    diagnostics.push(
      diag("KD1001", spanAt(file, text, e.offset, e.offset + e.length), `unexpected character ${JSON.stringify(bad[0] ?? "")}`, {
        label: "not part of the kdsl language",
      }),
    );
  }
  const comments: Comment[] = [];
  for (const t of result.comments) {
    const comment = commentOf(file, t);
    if (t.tokenType === UnterminatedBlockComment) {
      const span = comment.span;
      diagnostics.push(diag("KD1003", { ...span, end: span.start + 2, endLine: span.line, endCol: span.col + 2 }, "unterminated block comment", { label: "this `/*` is never closed" }));
    }
    comments.push(comment);
  }
  for (const t of result.unterminated) {
    diagnostics.push(diag("KD1002", spanOfToken(file, t), "unterminated string", { label: "this string has no closing quote", hints: ['strings end on the same line with `"`.'] }));
  }
  return { tokens: result.tokens, comments, commentTokens: result.comments, diagnostics };
}

export interface ScanResult {
  readonly tokens: IToken[];
  readonly comments: CommentToken[];
  readonly errors: ScanError[];
  /** The strings among `tokens` that have no closing quote (the lexer reports them). */
  readonly unterminated: IToken[];
}

/** Every token of `text` as a chevrotain token (of chevrotain-tokens.ts), for chevrotain's parser. */
export function scan(text: string): ScanResult {
  const s = new Scanner(text);
  const tokens: IToken[] = [];
  const unterminated: IToken[] = [];
  while (s.next()) {
    const t = makeToken(chevrotainType(s.type!), text.slice(s.start, s.end), s.start, s.end - 1, s.line, s.line, s.col, s.col + (s.end - s.start) - 1);
    tokens.push(t);
    if (s.type === UnterminatedString) unterminated.push(t);
  }
  return { tokens, comments: s.comments, errors: s.errors, unterminated };
}

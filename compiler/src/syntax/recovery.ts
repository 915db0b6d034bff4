// chevrotain's parse, for files the fast parser gives up on: every syntax error it can find, and
// a partial tree. Guards run before chevrotain so that hostile input (very deep nesting) costs
// bounded time and never overflows the stack, and the parser counts levels as it goes
// (ExprParser.enter: brackets, `if`s, `and`/`or`): past MAX_DEPTH it stops, and the input is cut
// at that token and parsed again. Reached through recovery-link.ts, so that a
// well-formed project need not load chevrotain at all.
import type { IToken, IRecognitionException } from "chevrotain";
import { EOF } from "chevrotain";
import { makeToken } from "./token.ts";
import { lex } from "./lexer.ts";
import { docAt } from "./docs.ts";
import { parserInstance } from "./parser.ts";
import { TooDeep } from "./parser-expr.ts";
import type * as A from "./ast.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { spanOfToken } from "./token-span.ts";
import { fileStart, lineIndex, wholeFile, type Span } from "./span.ts";
import * as T from "./chevrotain-tokens.ts";
import { MAX_DEPTH } from "./limits.ts";
import { emptyFile, type ParseResult } from "./parse-result.ts";

/** chevrotain's parse of `text`: every syntax error it can find, and a partial tree. */
export function parseWithRecovery(file: string, text: string): ParseResult {
  const lexed = lex(file, text);
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  let nesting = checkNesting(lexed.tokens, lexed.tokens.length);
  if (nesting.tokens.length === 0 && lexed.diagnostics.length === 0 && !nesting.tooDeep) {
    const onlyComments = lexed.comments.length > 0;
    diagnostics.push(diag("KD1009", fileStart(file), onlyComments ? "file has only comments, no declarations" : "file is empty", { hints: ["start with `app <name>`, then declare services."] }));
    return { ast: emptyFile(file, lexed.comments), diagnostics };
  }

  const parser = parserInstance();
  parser.file = file;
  parser.lines = lineIndex(file, text);
  parser.docs = (offset) => docAt(lexed.commentTokens, text, offset);
  let items: A.Item[];
  for (;;) {
    parser.extra = [];
    parser.depth = 0;
    parser.input = nesting.tokens;
    try {
      items = parser.sourceFile() ?? [];
      break;
    } catch (e) {
      if (!(e instanceof TooDeep)) throw e;
      // The brackets alone were within the limit, but with the `if`s and `and`/`or`s around them
      // the parser counted one level too many at e.token: the input is cut there and parsed again.
      // The cut moves back every time, so this ends.
      const at = lexed.tokens.findIndex((t) => t.startOffset >= e.token.startOffset);
      nesting = checkNesting(lexed.tokens, at >= 0 && at < nesting.cut ? at : nesting.cut - 1);
    }
  }
  const { tokens, unclosed, tooDeep } = nesting;
  if (tooDeep) diagnostics.push(tooDeepDiagnostic(file, tooDeep));
  diagnostics.push(...parser.extra);
  for (const open of unclosed) {
    const close = CLOSER_OF[open.image]!;
    diagnostics.push(diag("KD1005", spanOfToken(file, open), `this \`${open.image}\` is never closed`, { label: "opened here", hints: [`add the missing \`${close}\`.`] }));
  }
  // Input cut off at MAX_DEPTH ends inside its open brackets: the complaints at its end add nothing.
  diagnostics.push(...syntaxErrors(file, parser.errors, unclosed.length > 0 || tooDeep !== undefined));
  parser.input = []; // release the tokens
  return { ast: { kind: "SourceFile", file, items: items.filter(Boolean), comments: lexed.comments, span: fileSpan(file, text, tokens) }, diagnostics };
}

function fileSpan(file: string, text: string, tokens: readonly IToken[]): Span {
  const last = tokens[tokens.length - 1];
  if (!last) return fileStart(file);
  const end = spanOfToken(file, last);
  return wholeFile(file, text, end.endLine, end.endCol);
}

function tooDeepDiagnostic(file: string, at: IToken): Diagnostic {
  const label = "the rest of the file is not read";
  const message = `nesting deeper than ${MAX_DEPTH} levels`;
  if (at.tokenType === T.If) return diag("KD1006", spanOfToken(file, at), message, { label, hints: ["each `if` nests its branches one level deeper: join the conditions that give the same value with `or`, or test a list with `in [...]`."] });
  if (at.tokenType === T.And || at.tokenType === T.Or) return diag("KD1006", spanOfToken(file, at), message, { label, hints: [`each \`and\` and \`or\` nests the condition one level deeper: test a list instead, e.g. \`profile in ["a", "b"]\`.`] });
  return diag("KD1006", spanOfToken(file, at), message, { label });
}

const CLOSER_OF: Record<string, string> = { "{": "}", "[": "]", "(": ")" };

interface Nesting {
  /** The tokens to parse: `all` up to `cut`, then a virtual closer for each bracket still open. */
  readonly tokens: IToken[];
  readonly cut: number;
  readonly unclosed: IToken[];
  /** The token where nesting passed MAX_DEPTH, when the input is cut there. */
  readonly tooDeep?: IToken;
}

/**
 * Brackets are matched before parsing: an opener never closed is reported once at the opener
 * (where the fix goes), and input nested past MAX_DEPTH is cut off so recursion stays bounded.
 * `limit` cuts the input at that index too (where the parser found the limit passed).
 */
function checkNesting(all: IToken[], limit: number): Nesting {
  const stack: IToken[] = [];
  let cut = all.length;
  let tooDeep: IToken | undefined;
  for (let i = 0; i < all.length; i++) {
    if (i === limit) {
      cut = i;
      tooDeep = all[i];
      break;
    }
    const t = all[i]!;
    const type = t.tokenType;
    if (type === T.LBrace || type === T.LBracket || type === T.LParen) {
      if (stack.length >= MAX_DEPTH) {
        cut = i;
        tooDeep = t;
        break;
      }
      stack.push(t);
    } else if (type === T.RBrace || type === T.RBracket || type === T.RParen) {
      const want = type === T.RBrace ? "{" : type === T.RBracket ? "[" : "(";
      let at = stack.length - 1;
      while (at >= 0 && stack[at]!.image !== want) at--;
      if (at >= 0) stack.length = at; // openers above it were never closed; the parser says where
    }
  }
  // Openers still open at the end get virtual closers, innermost first, so that recovery keeps
  // the tree (one unclosed block must not lose the whole file); the opener itself is reported.
  // A copy only when the list changes (cut, or closers added): the common case keeps the scanner's.
  const tokens = cut < all.length ? all.slice(0, cut) : stack.length > 0 ? all.slice() : all;
  const last = tokens[tokens.length - 1];
  for (let k = stack.length - 1; k >= 0; k--) {
    const open = stack[k]!;
    const close = CLOSER_OF[open.image]!;
    const at = last ? (last.endOffset ?? last.startOffset) + 1 : 0;
    const col = (last?.endColumn ?? 0) + 1;
    // Zero width (end before start): the span it gives is empty, right after the last token.
    tokens.push(makeToken(close === "}" ? T.RBrace : close === "]" ? T.RBracket : T.RParen, "", at, at - 1, last?.endLine ?? 1, last?.endLine ?? 1, col, col - 1));
  }
  return tooDeep ? { tokens, cut, unclosed: [], tooDeep } : { tokens, cut, unclosed: stack.slice() };
}

function syntaxErrors(file: string, errors: IRecognitionException[], haveUnclosed: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    const previous = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
    const tok: IToken = e.token.tokenType === EOF && previous ? previous : e.token;
    // An unclosed block is reported once, at its `{`; the complaint at end of input adds nothing.
    if (e.token.tokenType === EOF && haveUnclosed) continue;
    // Lexer already reported an unterminated string; the parser's view of it adds nothing.
    if (tok.tokenType === T.UnterminatedString) continue;
    // A virtual closer added for an unclosed opener is not something the user wrote.
    if (e.token.image === "" && e.token.tokenType !== EOF) continue;
    if (seen.has(tok.startOffset)) continue;
    seen.add(tok.startOffset);
    let span = spanOfToken(file, tok);
    if (e.token.tokenType === EOF) span = { ...span, start: span.end, col: span.endCol, line: span.endLine };
    out.push(diag("KD1004", span, e.message));
  }
  return out;
}

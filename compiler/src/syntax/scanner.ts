// The scanner, hand-written: a cursor over the text that steps from token to token (Scanner). The
// fast parser (fast-parser.ts) reads the cursor directly: a token object per token (220,000 of
// them at N = 5,000, alive until the parse ends) was most of what the garbage collector had to
// copy while parsing. lexer.ts's scan() collects the tokens as chevrotain token objects for
// chevrotain's parser (custom lexers are a supported use). chevrotain's own lexer tries a regular
// expression per candidate token at each position; on the benchmark's 5,000-service app it took
// ~4× longer than this single pass over character codes.
//
// Semantics match the token definitions in tokens.ts (tests/syntax/scanner.test.ts compares the
// two on varied input): longest match, keywords only as whole names, comments kept in their own
// list, unterminated strings and block comments as tokens of their own. Only `\n` ends a line
// (`\r\n` counts once, a lone `\r` is whitespace), as in spanAt/positionAt and the code frames.
import * as T from "./tokens.ts";
import type { TokenKind } from "./tokens.ts";
import type { Comment } from "./ast.ts";
import { spanOfToken } from "./token-span.ts";

export interface ScanError {
  readonly offset: number;
  readonly length: number;
  readonly line: number;
  readonly column: number;
}

/** A comment as the scanner found it, in chevrotain's token fields (chevrotain never sees it). */
export interface CommentToken {
  readonly tokenType: TokenKind;
  readonly image: string;
  readonly startOffset: number;
  readonly endOffset: number;
  readonly startLine: number;
  readonly endLine: number;
  readonly startColumn: number;
  readonly endColumn: number;
}

export function commentOf(file: string, t: CommentToken): Comment {
  return { text: t.image, span: spanOfToken(file, t), block: t.tokenType === T.BlockComment || t.tokenType === T.UnterminatedBlockComment };
}

// Keywords and punctuation come from tokens.ts, so that a token added there is scanned here too.
const KEYWORD_BY_TEXT = new Map<string, TokenKind>(T.KEYWORDS.map((k) => [(k.PATTERN as RegExp).source, k]));
const LONGEST_KEYWORD = Math.max(...[...KEYWORD_BY_TEXT.keys()].map((k) => k.length));
/** Fixed-text tokens by first character, longest first (`->` before `-`, `==` before `=`). */
interface Punct {
  readonly text: string;
  readonly type: TokenKind;
}
const PUNCT = new Map<number, Punct[]>();
for (const t of T.ALL_TOKENS) {
  if (typeof t.PATTERN !== "string") continue;
  const list = PUNCT.get(t.PATTERN.charCodeAt(0)) ?? [];
  list.push({ text: t.PATTERN, type: t });
  list.sort((a, b) => b.text.length - a.text.length);
  PUNCT.set(t.PATTERN.charCodeAt(0), list);
}

// The runs inside a token are matched with sticky regular expressions: V8 compiles those to
// machine code at once, while a loop over character codes runs in the interpreter until the
// optimizing compiler has finished with the whole scanner, which on a cold start took ~70 ms of
// the ~80 ms the 1,000-service bench app's scan cost (about 6 ms once optimized).
/** Spaces, tabs, form feeds and carriage returns (a lone `\r` is whitespace, not a line break). */
const SPACES = /[ \t\f\r]*/y;
/** A name after its first character: name characters, and inner hyphens followed by one. */
const NAME_REST = /(?:[A-Za-z0-9_]|-(?=[A-Za-z0-9_]))*/y;
/** Digits, an optional fraction, then an optional `%` or unit, and compound units such as `1h30m`. */
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:%|[A-Za-z]+(?:[0-9]+(?:\.[0-9]+)?[A-Za-z]+)*)?/y;
/**
 * A string's body after its opening quote: anything but a quote, a backslash or a line feed, and
 * escapes of any character a regex `.` matches (so `\` before a line break ends the string,
 * unterminated, as chevrotain's token pattern does).
 */
const STRING_BODY = /(?:[^"\\\n]|\\[^\n\r\u2028\u2029])*/y;
/** The rest of a line comment. */
const TO_LINE_END = /[^\n]*/y;

/** Where the sticky `re`, which can match the empty string, stops when it starts at `from`. */
function skip(re: RegExp, text: string, from: number): number {
  re.lastIndex = from;
  re.test(text);
  return re.lastIndex;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameStart = (c: number) => isAlpha(c) || c === 95;

/** The fixed-text token at `i` (longest first), if any. */
function punctAt(text: string, i: number, c: number): Punct | undefined {
  const candidates = PUNCT.get(c);
  if (candidates === undefined) return undefined;
  for (const x of candidates) if (x.text.length === 1 || text.startsWith(x.text, i)) return x;
  return undefined;
}

/**
 * The current token is text[start, end), of `type`, at (line, col); no token spans lines (block
 * comments, which can, are comments). next() moves to the following token and returns false at
 * the end of the text. Comments, unexpected-character runs and unterminated tokens are collected
 * on the way.
 */
export class Scanner {
  type: TokenKind | undefined = undefined;
  start = 0;
  end = 0;
  line = 1;
  col = 1;
  readonly comments: CommentToken[] = [];
  readonly errors: ScanError[] = [];
  /** Unterminated strings and block comments seen so far: each is a lexical error. */
  unterminated = 0;
  private i = 0;
  /** The line the scan is on, and the offset of its first character. */
  private atLine = 1;
  private lineStart = 0;

  constructor(readonly text: string) {}

  // One method with its state in locals, written back at the end: V8 keeps locals in registers,
  // and the loop below runs once per character of whitespace and once per token.
  next(): boolean {
    const text = this.text;
    const n = text.length;
    let i = this.i;
    let line = this.atLine;
    let lineStart = this.lineStart;
    let errorStart = -1;
    let errorLine = 0;
    let errorCol = 0;
    let type: TokenKind | undefined;
    let start = 0;
    let col = 0;
    while (i < n && type === undefined) {
      const c = text.charCodeAt(i);
      col = i - lineStart + 1;
      // Never read past the end: an out-of-bounds read deoptimizes the compiled scanner.
      const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      // Whitespace, a line break, a string, a number, a name or a comment starts here; else maybe punctuation.
      const known = c === 32 || c === 9 || c === 12 || c === 13 || c === 10 || c === 34 || isDigit(c) || isNameStart(c) || (c === 47 && (next === 47 || next === 42));
      const p = known ? undefined : punctAt(text, i, c);
      if (!known && p === undefined) {
        // Not the start of any token: part of a run of unexpected characters, reported once.
        if (errorStart < 0) {
          errorStart = i;
          errorLine = line;
          errorCol = col;
        }
        i++;
        continue;
      }
      if (errorStart >= 0) {
        this.errors.push({ offset: errorStart, length: i - errorStart, line: errorLine, column: errorCol });
        errorStart = -1;
      }
      start = i;
      if (p !== undefined) {
        i += p.text.length;
        type = p.type;
      } else if (c === 32 || c === 9 || c === 12 || c === 13) {
        i = skip(SPACES, text, i + 1);
      } else if (c === 10) {
        i++;
        line++;
        lineStart = i;
      } else if (c === 34) {
        i = skip(STRING_BODY, text, i + 1);
        // The body stops at the closing quote, a line break, or a backslash it cannot take.
        if (text.charCodeAt(i) === 34) {
          i++;
          type = T.StringTok;
        } else {
          type = T.UnterminatedString;
          this.unterminated++;
        }
      } else if (isDigit(c)) {
        i = skip(NUMBER, text, i);
        // A unit (`m`, `Mi`, `1h30m`) or `%` after the digits makes it a quantity.
        type = isDigit(text.charCodeAt(i - 1)) ? T.NumberTok : T.Quantity;
      } else if (isNameStart(c)) {
        i = skip(NAME_REST, text, i + 1);
        type = (i - start <= LONGEST_KEYWORD && KEYWORD_BY_TEXT.get(text.slice(start, i))) || T.Ident;
      } else if (next === 47) {
        i = skip(TO_LINE_END, text, i + 2);
        const doc = text.charCodeAt(start + 2) === 47;
        this.comments.push(comment(doc ? T.DocComment : T.LineComment, text.slice(start, i), start, i - 1, line, line, col, col + (i - start) - 1));
      } else {
        const close = text.indexOf("*/", i + 2);
        const end = close < 0 ? n : close + 2;
        const sLine = line;
        // The end position is that of the comment's last character (as chevrotain reports it);
        // line breaks inside the comment move the current line.
        let endLine = line;
        let endLineStart = lineStart;
        for (let j = text.indexOf("\n", i); j >= 0 && j < end; j = text.indexOf("\n", j + 1)) {
          if (j < end - 1) {
            endLine++;
            endLineStart = j + 1;
          }
          line++;
          lineStart = j + 1;
        }
        i = end;
        if (close < 0) this.unterminated++;
        this.comments.push(comment(close < 0 ? T.UnterminatedBlockComment : T.BlockComment, text.slice(start, end), start, end - 1, sLine, endLine, col, end - 1 - endLineStart + 1));
      }
    }
    if (errorStart >= 0) this.errors.push({ offset: errorStart, length: i - errorStart, line: errorLine, column: errorCol });
    this.i = i;
    this.atLine = line;
    this.lineStart = lineStart;
    this.type = type;
    if (type === undefined) return false;
    this.start = start;
    this.end = i;
    this.line = line;
    this.col = col;
    return true;
  }
}

function comment(tokenType: TokenKind, image: string, startOffset: number, endOffset: number, startLine: number, endLine: number, startColumn: number, endColumn: number): CommentToken {
  return { tokenType, image, startOffset, endOffset, startLine, endLine, startColumn, endColumn };
}

// The scanner: text → chevrotain tokens, hand-written. chevrotain's own lexer tries a regular
// expression per candidate token at each position; on the benchmark's 5,000-service app it took
// ~4× longer than this single pass over character codes, and its token objects dominated garbage
// collection. The parser is still chevrotain's (custom lexers are a supported use): the tokens are
// made with chevrotain's createTokenInstance and the token types of tokens.ts.
//
// Semantics match the token definitions in tokens.ts (tests/syntax/scanner.test.ts compares the
// two on varied input): longest match, keywords only as whole names, comments kept in their own
// list, unterminated strings and block comments as tokens of their own. Only `\n` ends a line
// (`\r\n` counts once, a lone `\r` is whitespace), as in spanAt/positionAt and the code frames.
import type { IToken, TokenType } from "chevrotain";
import { makeToken } from "./token.ts";
import * as T from "./tokens.ts";

export interface ScanError {
  readonly offset: number;
  readonly length: number;
  readonly line: number;
  readonly column: number;
}

export interface ScanResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly errors: ScanError[];
  /** The strings among `tokens` that have no closing quote (the lexer reports them). */
  readonly unterminated: IToken[];
}

// Keywords and punctuation come from tokens.ts, so that a token added there is scanned here too.
const KEYWORD_BY_TEXT = new Map<string, TokenType>(T.KEYWORDS.map((k) => [(k.PATTERN as RegExp).source, k]));
const LONGEST_KEYWORD = Math.max(...[...KEYWORD_BY_TEXT.keys()].map((k) => k.length));
/** Fixed-text tokens by first character, longest first (`->` before `-`, `==` before `=`). */
interface Punct {
  readonly text: string;
  readonly type: TokenType;
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
const isNameChar = (c: number) => isNameStart(c) || isDigit(c);

/** Adds a token for text[start, end) that starts at (line, col) and contains no line break. */
function push(list: IToken[], type: TokenType, text: string, start: number, end: number, line: number, col: number): void {
  list.push(makeToken(type, text.slice(start, end), start, end - 1, line, line, col, col + (end - start) - 1));
}

/** The fixed-text token at `i` (longest first), if any. */
function punctAt(text: string, i: number, c: number): Punct | undefined {
  const candidates = PUNCT.get(c);
  if (candidates === undefined) return undefined;
  for (const x of candidates) if (x.text.length === 1 || text.startsWith(x.text, i)) return x;
  return undefined;
}

// Helpers are module functions, not closures made per call: optimized code that called the first
// call's closures was thrown away ("wrong call target") when the next file was scanned.
export function scan(text: string): ScanResult {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: ScanError[] = [];
  const unterminated: IToken[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0; // offset of the current line's first character
  let errorStart = -1;
  let errorLine = 0;
  let errorCol = 0;

  while (i < n) {
    const c = text.charCodeAt(i);
    const col = i - lineStart + 1;
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
      errors.push({ offset: errorStart, length: i - errorStart, line: errorLine, column: errorCol });
      errorStart = -1;
    }
    const start = i;
    if (p !== undefined) {
      i += p.text.length;
      push(tokens, p.type, text, start, i, line, col);
    } else if (c === 32 || c === 9 || c === 12 || c === 13) {
      i = skip(SPACES, text, i + 1);
    } else if (c === 10) {
      i++;
      line++;
      lineStart = i;
    } else if (c === 34) {
      let j = skip(STRING_BODY, text, i + 1);
      // The body stops at the closing quote, a line break, or a backslash it cannot take.
      const closed = text.charCodeAt(j) === 34;
      if (closed) j++;
      i = j;
      push(tokens, closed ? T.StringTok : T.UnterminatedString, text, start, j, line, col);
      if (!closed) unterminated.push(tokens[tokens.length - 1]!);
    } else if (isDigit(c)) {
      const j = skip(NUMBER, text, i);
      // A unit (`m`, `Mi`, `1h30m`) or `%` after the digits makes it a quantity.
      i = j;
      push(tokens, isDigit(text.charCodeAt(j - 1)) ? T.NumberTok : T.Quantity, text, start, j, line, col);
    } else if (isNameStart(c)) {
      const j = skip(NAME_REST, text, i + 1);
      i = j;
      const image = text.slice(start, j);
      const type = (j - start <= LONGEST_KEYWORD && KEYWORD_BY_TEXT.get(image)) || T.Ident;
      tokens.push(makeToken(type, image, start, j - 1, line, line, col, col + (j - start) - 1));
    } else if (next === 47) {
      const j = skip(TO_LINE_END, text, i + 2);
      i = j;
      push(comments, text.charCodeAt(start + 2) === 47 ? T.DocComment : T.LineComment, text, start, j, line, col);
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
      comments.push(makeToken(close < 0 ? T.UnterminatedBlockComment : T.BlockComment, text.slice(start, end), start, end - 1, sLine, endLine, col, end - 1 - endLineStart + 1));
    }
  }
  if (errorStart >= 0) errors.push({ offset: errorStart, length: i - errorStart, line: errorLine, column: errorCol });
  return { tokens, comments, errors, unterminated };
}

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
}

// Keywords and punctuation come from tokens.ts, so that a token added there is scanned here too.
const KEYWORD_BY_TEXT = new Map<string, TokenType>(T.KEYWORDS.map((k) => [(k.PATTERN as RegExp).source, k]));
const LONGEST_KEYWORD = Math.max(...[...KEYWORD_BY_TEXT.keys()].map((k) => k.length));
/** Fixed-text tokens by first character, longest first (`->` before `-`, `==` before `=`). */
const PUNCT = new Map<number, { text: string; type: TokenType }[]>();
for (const t of T.ALL_TOKENS) {
  if (typeof t.PATTERN !== "string") continue;
  const list = PUNCT.get(t.PATTERN.charCodeAt(0)) ?? [];
  list.push({ text: t.PATTERN, type: t });
  list.sort((a, b) => b.text.length - a.text.length);
  PUNCT.set(t.PATTERN.charCodeAt(0), list);
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameStart = (c: number) => isAlpha(c) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || isDigit(c);

export function scan(text: string): ScanResult {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: ScanError[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0; // offset of the current line's first character
  let errorStart = -1;
  let errorLine = 0;
  let errorCol = 0;

  /** Adds a token for text[start, end) that starts at (sLine, sCol) and contains no line break. */
  const push = (list: IToken[], type: TokenType, start: number, end: number, sLine: number, sCol: number): void => {
    list.push(makeToken(type, text.slice(start, end), start, end - 1, sLine, sLine, sCol, sCol + (end - start) - 1));
  };
  const flushError = (): void => {
    if (errorStart >= 0) {
      errors.push({ offset: errorStart, length: i - errorStart, line: errorLine, column: errorCol });
      errorStart = -1;
    }
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    const col = i - lineStart + 1;
    // Whitespace and line breaks.
    if (c === 32 || c === 9 || c === 12 || c === 13) {
      flushError();
      i++;
      continue;
    }
    if (c === 10) {
      flushError();
      i++;
      line++;
      lineStart = i;
      continue;
    }
    const start = i;
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      flushError();
      let j = i + 2;
      while (j < n && text.charCodeAt(j) !== 10) j++;
      i = j;
      push(comments, text.charCodeAt(start + 2) === 47 ? T.DocComment : T.LineComment, start, j, line, col);
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      flushError();
      const close = text.indexOf("*/", i + 2);
      const end = close < 0 ? n : close + 2;
      const sLine = line;
      // The end position is that of the comment's last character (as chevrotain reports it);
      // line breaks inside the comment move the current line.
      let endLine = line;
      let endLineStart = lineStart;
      for (let j = i; j < end; j++) {
        if (text.charCodeAt(j) !== 10) continue;
        if (j < end - 1) {
          endLine++;
          endLineStart = j + 1;
        }
        line++;
        lineStart = j + 1;
      }
      i = end;
      comments.push(makeToken(close < 0 ? T.UnterminatedBlockComment : T.BlockComment, text.slice(start, end), start, end - 1, sLine, endLine, col, end - 1 - endLineStart + 1));
      continue;
    }
    if (c === 34) {
      flushError();
      let j = i + 1;
      let closed = false;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 34) {
          closed = true;
          j++;
          break;
        }
        if (d === 10) break;
        if (d === 92) {
          // An escape takes the next character unless it is one a regex `.` does not match.
          const e = text.charCodeAt(j + 1);
          if (j + 1 >= n || e === 10 || e === 13 || e === 0x2028 || e === 0x2029) break;
          j += 2;
          continue;
        }
        j++;
      }
      i = j;
      push(tokens, closed ? T.StringTok : T.UnterminatedString, start, j, line, col);
      continue;
    }
    if (isDigit(c)) {
      flushError();
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        j += 2;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
      }
      let type = T.NumberTok;
      if (text.charCodeAt(j) === 37) {
        j++;
        type = T.Quantity;
      } else if (isAlpha(text.charCodeAt(j))) {
        // Unit suffix, and compound quantities such as `1h30m`: (digits[.digits] letters)*.
        type = T.Quantity;
        while (j < n && isAlpha(text.charCodeAt(j))) j++;
        for (;;) {
          let k = j;
          if (!isDigit(text.charCodeAt(k))) break;
          while (k < n && isDigit(text.charCodeAt(k))) k++;
          if (text.charCodeAt(k) === 46 && isDigit(text.charCodeAt(k + 1))) {
            k += 2;
            while (k < n && isDigit(text.charCodeAt(k))) k++;
          }
          if (!isAlpha(text.charCodeAt(k))) break;
          while (k < n && isAlpha(text.charCodeAt(k))) k++;
          j = k;
        }
      }
      i = j;
      push(tokens, type, start, j, line, col);
      continue;
    }
    if (isNameStart(c)) {
      flushError();
      let j = i + 1;
      for (;;) {
        while (j < n && isNameChar(text.charCodeAt(j))) j++;
        // Inner hyphens: `-` followed by a name character continues the name.
        if (text.charCodeAt(j) === 45 && isNameChar(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
      i = j;
      const image = text.slice(start, j);
      const type = (j - start <= LONGEST_KEYWORD && KEYWORD_BY_TEXT.get(image)) || T.Ident;
      tokens.push(makeToken(type, image, start, j - 1, line, line, col, col + (j - start) - 1));
      continue;
    }
    const candidates = PUNCT.get(c);
    const p = candidates?.find((x) => x.text.length === 1 || text.startsWith(x.text, i));
    if (p) {
      flushError();
      i += p.text.length;
      push(tokens, p.type, start, i, line, col);
      continue;
    }
    // Not the start of any token: part of a run of unexpected characters, reported once.
    if (errorStart < 0) {
      errorStart = i;
      errorLine = line;
      errorCol = col;
    }
    i++;
  }
  flushError();
  return { tokens, comments, errors };
}

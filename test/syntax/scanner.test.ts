// The hand-written scanner must agree with the token definitions it replaces at run time: the
// same tokens (type, text, position) and the same unexpected-character runs as chevrotain's own
// Lexer built from tokens.ts, on the repository's .kdsl files and on random text.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Lexer } from "chevrotain";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ALL_TOKENS } from "../../compiler/src/syntax/chevrotain-tokens.ts";
import { scan } from "../../compiler/src/syntax/lexer.ts";
import { repoRoot } from "../support/project.ts";

const reference = new Lexer(ALL_TOKENS, { positionTracking: "full", lineTerminatorsPattern: /\n/g, lineTerminatorCharacters: ["\n"] });

function compare(text: string, label: string): void {
  const want = reference.tokenize(text);
  const got = scan(text);
  // chevrotain reports column 1 as the end of a token whose last character is a line break (only
  // an unterminated block comment can be one); the scanner reports that character's real column.
  // Only the end position of such tokens is left out of the comparison.
  const shape = (t: { tokenType: { name: string }; image: string; startOffset: number; startLine?: number; startColumn?: number; endLine?: number; endColumn?: number }) =>
    `${t.tokenType.name} ${JSON.stringify(t.image)} @${t.startOffset} ${t.startLine}:${t.startColumn}` + (t.image.endsWith("\n") ? "" : `-${t.endLine}:${t.endColumn}`);
  assert.equal(got.tokens.map(shape), want.tokens.map(shape), `tokens of ${label}`);
  assert.equal(got.comments.map(shape), (want.groups["comments"] ?? []).map(shape), `comments of ${label}`);
  assert.equal(
    got.errors.map((e) => `${e.offset}+${e.length} ${e.line}:${e.column}`),
    want.errors.map((e) => `${e.offset}+${e.length} ${e.line}:${e.column}`),
    `errors of ${label}`,
  );
}

function kdslFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    if (e === "node_modules" || e.startsWith(".")) continue;
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out.push(...kdslFiles(p));
    else if (p.endsWith(".kdsl")) out.push(p);
  }
  return out;
}

test("agrees with the token definitions on every .kdsl file of the repository", () => {
  for (const dir of ["examples", "stdlib", "test/fixtures"]) {
    let files: string[] = [];
    try {
      files = kdslFiles(path.join(repoRoot, dir));
    } catch {
      continue;
    }
    for (const f of files) compare(readFileSync(f, "utf8"), path.relative(repoRoot, f));
  }
});

test("agrees on random text made of the language's pieces and junk", () => {
  const pieces = ["app", "use", "in", "notin", "to", "tox", "a-b", "a-", "-", "->", "=", "==", "!=", "!", "{", "}", "[", "]", "(", ")", ";", ",", ".", ":", "?", "/", "<", ">",
    "12", "1.5", "1.", "250m", "1h30m", "1h30", "10%", "\"s\"", "\"a\\\"b\"", "\"open", "\"x\\", "//c", "///d", "/*b*/", "/*", "\n", "\r\n", "\r", " ", "\t", "#", "@", "é", "😀", "\0", "_x", "X_1"];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < 2000; i++) {
    let text = "";
    const len = 1 + Math.floor(rand() * 12);
    for (let k = 0; k < len; k++) text += pieces[Math.floor(rand() * pieces.length)];
    compare(text, JSON.stringify(text));
  }
});

test.run();

// The formatter's three properties (idempotent, every comment kept, same tree ignoring spans) over
// every .kdsl file in the repository, over our own corpus, and over the corpus with a comment
// inserted at every token boundary — the place where comment handling breaks if it breaks.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lex } from "../../compiler/src/syntax/lexer.ts";
import { checkProperties, parses } from "./helpers.ts";
import { CORPUS } from "./corpus.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

function kdslFiles(dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".kdsl"))
    .map((f) => join(dir, f))
    .sort();
}

const repoFiles = ["examples", "stdlib", "test/fixtures"].flatMap(kdslFiles);
for (const f of repoFiles) {
  test(`repository file ${f}`, () => {
    const text = readFileSync(join(root, f), "utf8");
    if (!parses(text)) return; // files with syntax errors (e.g. error fixtures) are not formatted
    checkProperties(text, f);
  });
}

for (const [name, text] of Object.entries(CORPUS)) {
  test(`corpus ${name}`, () => {
    assert.ok(parses(text), `corpus ${name} must parse`);
    checkProperties(text, name);
  });
}

test("a comment inserted at any token boundary is kept and formatting stays stable", () => {
  let tried = 0;
  for (const [name, text] of Object.entries(CORPUS)) {
    const tokens = lex("x.kdsl", text).tokens;
    for (const t of tokens) {
      for (const comment of ["/* z */", "// z\n", "/* z\n   w */"]) {
        const at = t.startOffset;
        const input = text.slice(0, at) + comment + " " + text.slice(at);
        if (!parses(input)) continue; // a line comment can end a line that must not end there
        checkProperties(input, `${name} with ${JSON.stringify(comment)} at ${at}`);
        tried++;
      }
    }
  }
  assert.ok(tried > 500, `only ${tried} variants parsed`);
});

test.run();

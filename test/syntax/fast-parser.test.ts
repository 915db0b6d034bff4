// The fast parser for well-formed files (fast-parser.ts) against chevrotain's (parseWithRecovery):
// wherever the fast one returns a tree, chevrotain must find no error and build the same tree,
// down to every span and every key that is present but undefined. It must not give up on a file
// chevrotain parses cleanly either, or builds would silently take the slow path.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "../../compiler/src/syntax/parse.ts";
import { parseWithRecovery } from "../../compiler/src/syntax/recovery.ts";
import { parseWellFormed } from "../../compiler/src/syntax/fast-parser.ts";
import { lex } from "../../compiler/src/syntax/lexer.ts";
import { CORPUS } from "../format/corpus.ts";
import { ROOT, caseRng, mutate } from "../robustness/fuzz-core.ts";

function kdslFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".kdsl"))
    .map((f) => join(dir, f));
}

const FILES: Record<string, string> = {};
for (const dir of ["examples", "stdlib", "test"]) for (const f of kdslFiles(dir)) FILES[f] = readFileSync(join(ROOT, f), "utf8");
for (const [name, text] of Object.entries(CORPUS)) FILES[`corpus:${name}`] = text;

/** Grammar corners where a recursive-descent reading could differ from chevrotain's LL(1) choices. */
const CORNERS: Record<string, string> = {
  "call on the next line": 'app a\nservice s {\n  x = f\n  ("y")\n}\n',
  "`to` on the next line is a member": "app a\nservice s {\n  cpu = 1m\n  to = 2\n}\n",
  "range on one line": "app a\nservice s { cpu = 1m to 2m }\n",
  "arrow on the next line": "app a\nservice s {\n  port http 80\n  -> 8080\n}\n",
  "directive without arguments, then a member": "app a\nservice s {\n  expose\n  replicas = 2\n}\n",
  "argument on the next line is a member": 'app a\nservice s {\n  uses\n  "x"\n}\n',
  "selector forms": "app a\nservice s {\n  selector { env in [\"a\", \"b\"]; tier notin [\"x\"]; !canary; !x = 1; !y 2 }\n}\n",
  "`in` on the next line": "app a\nservice s {\n  selector { env\n in [\"a\"] }\n}\n",
  "keywords as keys and names": "app\nservice from { to = 1; kind = 2; if = 3; labels { app = \"x\" } }\n",
  "app name on the next line": "app\nbench\nuse std/web\n",
  "quoted and dotted keys": 'app a\nservice s { labels { "app.kubernetes.io/tier" = "x"; "a\\"b" = "y" } ; a.b."c" = 1 }\n',
  "if expressions": 'app a\nservice s { replicas = if profile == "prod" and name != "x" or profile in ["a"] then if profile notin ["b"] then 1 else 2 else 3 to 4 }\n',
  "templates with parameters": "template t(port: Int = 80, path: String, m: Map<String, List<Int>>?) from u(a = 1, b = [1, 2]) for job { x = port }\n",
  "declaration with template arguments": "app a\nservice s from web(port = 9090) { }\n",
  "use forms": 'use std/web\nuse "./local"\nuse a/b/c\n',
  "kind and field declarations": "/// Doc.\nkind k {\n  /// A field.\n  replicas: Int = 1\n  name: String?\n  nested { }\n}\n",
  "doc comments interrupted": "/// a\n// plain\nservice s {}\n/// b\n/* c */ /// d\napp a\n///e\n\n  ///   f\nprofile p {}\n",
  "unexpected character": "app a\nservice s { x = 1 @ }\n",
  "unterminated string and comment": 'app a\nservice s { x = "open }\n/* never closed\n',
  "only comments": "// nothing here\n",
  "doc comments": "/// One\n/// Two\napp a\n/// Service doc\nservice s {\n  /// member doc\n  labels { }\n}\n",
  "semicolons and commas": "app a\nservice s { a = [1,2,3,]; b = f(1,2,); c = [] ; d = g() }\n",
  "interpolation": 'app a\nservice s { x = "${a.b}-${c}" }\n',
  "numbers and quantities": "app a\nservice s { a = 1; b = 1.5; c = 1h30m; d = 10%; e = 256Mi; f = true; g = false }\n",
  "empty blocks": "app a {}\nprofile p {}\n",
  "a block left open": "app a\nservice s {\n",
  "a missing value": "app a\nservice s {\n  x =\n  y = 1\n}\n",
  "a bad escape": 'app a\nservice s { x = "\\q" }\n',
  "stray tokens": "app a\n}\nservice s { x = ) }\n",
  "deep nesting": `app a\nservice s { x = ${"[".repeat(70)}${"]".repeat(70)} }\n`,
};

function compare(name: string, text: string, mustTakeFastPath: boolean): "fast" | "slow" | "lexical" {
  const fast = parseWellFormed(name, text);
  const lexed = lex(name, text);
  if (lexed.diagnostics.length > 0 || lexed.tokens.length === 0) {
    assert.is(fast, undefined, `${name}: the fast parser must give up on a lexical error or an empty file`);
    return "lexical";
  }
  const slow = parseWithRecovery(name, text);
  if (fast === undefined) {
    if (mustTakeFastPath && slow.diagnostics.length === 0) assert.unreachable(`${name}: the fast parser gave up on a file chevrotain parses without error`);
    return "slow";
  }
  if (slow.diagnostics.length > 0) assert.unreachable(`${name}: the fast parser accepted a file chevrotain reports: ${slow.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.col} ${d.message}`).join("; ")}`);
  assert.equal(fast, slow.ast, `${name}: trees differ`);
  // dequal ignores key order; a walker over a node's keys would not.
  assert.is(JSON.stringify(fast), JSON.stringify(slow.ast), `${name}: keys in another order`);
  return "fast";
}

test("every file of the repository: the same tree as chevrotain's, and no clean file left to it", () => {
  let fast = 0;
  for (const [name, text] of Object.entries(FILES)) if (compare(name, text, true) === "fast") fast++;
  // The examples, the stdlib and the lint fixtures are well-formed: most files take the fast path.
  assert.ok(fast > Object.keys(FILES).length / 2, `only ${fast} of ${Object.keys(FILES).length} files took the fast path`);
});

test("grammar corners: same tree where well-formed, chevrotain's diagnostics where not", () => {
  for (const [name, text] of Object.entries(CORNERS)) compare(name, text, true);
  for (const name of ["a block left open", "a missing value", "a bad escape", "stray tokens", "deep nesting"]) {
    assert.is(parseWellFormed(name, CORNERS[name]!), undefined, `${name}: the fast parser must give up`);
    assert.ok(parse(name, CORNERS[name]!).diagnostics.length > 0, `${name}: parse() reports it`);
  }
});

test("mutations of the examples and stdlib: whenever the fast parser answers, chevrotain agrees", () => {
  const texts = Object.values(FILES);
  const seed = Number(process.env.KDSL_FUZZ_SEED ?? 20261122);
  const counts = { fast: 0, slow: 0, lexical: 0 };
  for (let i = 0; i < 1500; i++) {
    const r = caseRng(seed, i);
    const base = texts[Math.floor(r() * texts.length)]!;
    const { text, applied } = mutate(r, base, texts);
    counts[compare(`mutation ${i} (seed ${seed}: ${applied.join(", ")})`, text, false)]++;
  }
  // Both outcomes must be exercised, or the check above proves nothing.
  assert.ok(counts.fast > 100 && counts.slow > 100, JSON.stringify(counts));
});

test.run();

// Expressions nested past MAX_DEPTH: `if`/`else if` chains, nested `if`s, long `and`/`or` chains,
// brackets around them. Each level counts (brackets, `if`s, every `and`/`or` of a condition), so
// the limit is passed at one token: KD1006 is reported there, with a position, and nothing else;
// never a stack overflow. Both parsers draw the line at the same token (the fast one gives up,
// chevrotain's reports), and what is within the limit compiles: the stages after the parser only
// ever see trees at most MAX_DEPTH deep. Through the compiler API: the CLI bundle is built apart.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, memoryHost, hasErrors, renderPlain, type BuildOptions } from "../../compiler/src/index.ts";
import { parse } from "../../compiler/src/syntax/parse.ts";
import { parseWellFormed } from "../../compiler/src/syntax/fast-parser.ts";
import { parseWithRecovery } from "../../compiler/src/syntax/recovery.ts";
import { MAX_DEPTH } from "../../compiler/src/syntax/limits.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

const P = 'profile == "p"';
/** A service whose `replicas` is `value` (line 4, column 14), in one level: the service's block. */
const replicas = (value: string) => `app x\nservice s {\n  image = "nginx:1.25"\n  replicas = ${value}\n}\nprofile p {}\n`;
const ifChain = (n: number) => `if ${P} then 1 else `.repeat(n) + "2";
const nestedIf = (n: number) => `if ${P} then `.repeat(n) + "1" + " else 2".repeat(n);
const chain = (op: "and" | "or", n: number) => `if ${Array(n).fill(P).join(` ${op} `)} then 1 else 2`;

/** Line and column of the `k`-th occurrence of `needle` in `text`. */
function nth(text: string, needle: string, k: number): [number, number] {
  let at = -1;
  for (let i = 0; i < k; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fewer than ${k} of ${JSON.stringify(needle)}`);
  }
  const before = text.slice(0, at).split("\n");
  return [before.length, before[before.length - 1]!.length + 1];
}

function compile(text: string, options: BuildOptions = {}) {
  return build(memoryHost({ "a.kdsl": text }, stdlibFiles()), "a.kdsl", options);
}

const where = (ds: readonly { code: string; span: { line: number; col: number } }[]) => ds.map((d) => `${d.code} ${d.span.line}:${d.span.col}`);

/** Nested past the limit: one KD1006 at `at`, from parse() and from a whole build, and the fast parser gave up. */
function expectTooDeep(text: string, at: [number, number]): void {
  const want = [`KD1006 ${at[0]}:${at[1]}`];
  assert.is(parseWellFormed("a.kdsl", text), undefined, "the fast parser gives up");
  assert.equal(where(parseWithRecovery("a.kdsl", text).diagnostics), want, "chevrotain's parse");
  assert.equal(where(parse("a.kdsl", text).diagnostics), want, "parse()");
  const r = compile(text);
  assert.equal(where(r.diagnostics), want, r.diagnostics.map(renderPlain).join("\n"));
  assert.is(r.diagnostics[0]!.message, `nesting deeper than ${MAX_DEPTH} levels`);
  assert.ok(hasErrors(r.diagnostics), "an error: the CLI exits 1");
  assert.is(r.yaml, undefined);
}

/** Within the limit: both parsers build the same tree without a diagnostic, and the build does not fail on depth. */
function expectAccepted(text: string): void {
  const fast = parseWellFormed("a.kdsl", text);
  const slow = parseWithRecovery("a.kdsl", text);
  assert.equal(where(slow.diagnostics), [], "chevrotain's parse");
  assert.ok(fast !== undefined, "the fast parser takes it");
  assert.equal(fast, slow.ast, "the same tree");
  const r = compile(text);
  assert.not.ok(r.diagnostics.some((d) => d.code === "KD1006"), r.diagnostics.map(renderPlain).join("\n"));
}

test("a 1000-deep if-else chain: KD1006 at the 64th `if` (the service's block is the first level)", () => {
  const text = replicas(ifChain(1000));
  expectTooDeep(text, nth(text, "if ", MAX_DEPTH));
  assert.equal(nth(text, "if ", MAX_DEPTH), [4, 1904]);
});

test("a 1000-deep nested if: KD1006 at the 64th `if`", () => {
  const text = replicas(nestedIf(1000));
  expectTooDeep(text, nth(text, "if ", MAX_DEPTH));
});

test("a 3000-term `or` chain: KD1006 at the 63rd `or` (block, `if`, then one level per operator)", () => {
  const text = replicas(chain("or", 3000));
  expectTooDeep(text, nth(text, "or ", MAX_DEPTH - 1));
  assert.equal(where(parse("a.kdsl", text).diagnostics), ["KD1006 4:1148"]);
});

test("a 3000-term `and` chain: KD1006 at the 63rd `and`", () => {
  const text = replicas(chain("and", 3000));
  expectTooDeep(text, nth(text, "and ", MAX_DEPTH - 1));
});

test("an if chain of 20 compiles, and picks the branch of the profile", () => {
  const text = replicas(ifChain(20));
  expectAccepted(text);
  const plain = compile(text);
  assert.equal(where(plain.diagnostics), []);
  assert.match(plain.yaml ?? "", /replicas: 2\b/);
  const inP = compile(text, { profiles: ["p"] });
  assert.equal(where(inP.diagnostics), []);
  assert.match(inP.yaml ?? "", /replicas: 1\b/);
});

test("a condition of 20 comparisons joined by `and` and `or` compiles", () => {
  const cond = Array.from({ length: 20 }, (_, i) => (i % 2 ? P : 'profile != "p"')).join(" and ").replace(/ and (?=profile ==)/g, " or ");
  const text = replicas(`if ${cond} then 1 else 2`);
  expectAccepted(text);
  assert.equal(where(compile(text).diagnostics), []);
});

/**
 * Shapes of nesting: `text(n)` is n levels deep inside its outermost level (a block, or a
 * template's parameters), so n = MAX_DEPTH - 1 is accepted and n = MAX_DEPTH is one too many:
 * `at` says where, in that text.
 */
const SHAPES: readonly { name: string; text: (n: number) => string; at: (text: string) => [number, number] }[] = [
  { name: "if-else chain", text: (n) => replicas(ifChain(n)), at: (t) => nth(t, "if ", MAX_DEPTH) },
  { name: "nested if", text: (n) => replicas(nestedIf(n)), at: (t) => nth(t, "if ", MAX_DEPTH) },
  // One level for the `if`, one per operator: n - 1 operators, n terms.
  { name: "`or` chain", text: (n) => replicas(chain("or", n)), at: (t) => nth(t, "or ", MAX_DEPTH - 1) },
  { name: "`and` chain", text: (n) => replicas(chain("and", n)), at: (t) => nth(t, "and ", MAX_DEPTH - 1) },
  // `a and b or c and d ...`: every operator counts, whichever binds tighter; the 63rd is the 32nd `and`.
  { name: "`and` and `or` alternating", text: (n) => replicas(`if ${Array.from({ length: n }, (_, i) => (i === 0 ? "" : i % 2 ? " and " : " or ") + P).join("")} then 1 else 2`), at: (t) => nth(t, "and ", MAX_DEPTH / 2) },
  // A call and an `if` per two levels: the brackets alone are within the limit, the `if`s pass it.
  { name: "calls around ifs", text: (n) => replicas(`f(if ${P} then `.repeat(Math.floor(n / 2)) + (n % 2 ? ifChain(1) : "1") + " else 2)".repeat(Math.floor(n / 2))), at: (t) => nth(t, "if ", MAX_DEPTH / 2) },
  { name: "lists around an if chain", text: (n) => replicas("[".repeat(30) + ifChain(n - 30) + "]".repeat(30)), at: (t) => nth(t, "if ", MAX_DEPTH - 30) },
  // The `if`, the `[`, then the chain: its 62nd `if` (the 63rd of the line) is one too many.
  { name: "an if chain in a list in a condition", text: (n) => replicas(`if profile in [${ifChain(n - 2)}] then 1 else 2`), at: (t) => nth(t, "if ", MAX_DEPTH - 1) },
  { name: "template parameter default", text: (n) => `app x\ntemplate t(p: Int = ${ifChain(n)}) { }\n`, at: (t) => nth(t, "if ", MAX_DEPTH) },
  { name: "template arguments", text: (n) => `app x\nservice s from t(p = ${ifChain(n)}) { }\n`, at: (t) => nth(t, "if ", MAX_DEPTH) },
  { name: "type arguments", text: (n) => `app x\nkind k {\n  f: ${"List<".repeat(n)}Int${">".repeat(n)}\n}\n`, at: (t) => nth(t, "<", MAX_DEPTH) },
];

test("each shape: accepted by both parsers at the limit, reported at the same token one past it", () => {
  for (const s of SHAPES) {
    try {
      expectAccepted(s.text(MAX_DEPTH - 1));
      const past = s.text(MAX_DEPTH);
      expectTooDeep(past, s.at(past));
    } catch (e) {
      (e as Error).message = `${s.name}: ${(e as Error).message}`;
      throw e;
    }
  }
});

test("far past the limit in every shape: KD1006, no crash, in bounded time", () => {
  for (const s of SHAPES) {
    const started = performance.now();
    const r = compile(s.text(5000));
    assert.equal([...new Set(r.diagnostics.map((d) => d.code))], ["KD1006"], `${s.name}: ${r.diagnostics.map(renderPlain).join("\n")}`);
    assert.ok(performance.now() - started < 5000, `${s.name}: took ${(performance.now() - started).toFixed(0)} ms`);
  }
});

test("a syntax error before a too-deep chain is still reported, and the chain once", () => {
  const text = replicas(ifChain(1000)).replace('image = "nginx:1.25"', "image = ");
  assert.equal(where(parse("a.kdsl", text).diagnostics).sort(), ["KD1004 3:9", `KD1006 ${nth(text, "if ", MAX_DEPTH).join(":")}`]);
});

test.run();

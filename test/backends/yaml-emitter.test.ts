import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse, parseAllDocuments } from "yaml";
import { doubleQuote, isPlainSafe } from "../../compiler/src/backends/k8s/yaml-emitter.ts";
import { emitYaml, emitYamlDocuments, YamlDocuments } from "../../compiler/src/backends/k8s/yaml-documents.ts";
import { isSimplePlain } from "../../compiler/src/backends/k8s/yaml-scalars.ts";

/** Parses one document under YAML 1.2 and 1.1 and checks both give back `data`. */
function roundTrips(data: unknown, note = ""): void {
  const text = emitYaml(data);
  for (const version of ["1.2", "1.1"] as const) {
    let back: unknown;
    try {
      back = parse(text, { version, uniqueKeys: false, merge: false });
    } catch (e) {
      assert.unreachable(`YAML ${version} failed to parse ${note}\n${text}\n${String(e)}`);
    }
    assert.equal(back, data, `YAML ${version} ${note}\n${text}`);
  }
}

const tricky: Array<[string, boolean]> = [
  // [string, may be written plain]
  ["web", true],
  ["nginx:1.25", true],
  ["http://web.shop.svc.cluster.local:8080", true],
  ["app.kubernetes.io/name", true],
  ["100m", true],
  ["256Mi", true],
  ["10%", true],
  ["node server.js --port 80", true],
  ["$(PORT)", true],
  ["", false],
  ["yes", false], ["no", false], ["Yes", false], ["NO", false], ["on", false], ["off", false], ["ON", false],
  ["y", false], ["n", false], ["Y", false], ["N", false],
  ["true", false], ["False", false], ["TRUE", false],
  ["null", false], ["Null", false], ["~", false],
  ["0x1F", false], ["0o17", false], ["0b101", false], ["1e3", false], ["1E3", false], ["012", false], ["1_000", false],
  ["1.5", false], ["1.", false], [".5", false], ["-1", false], ["+1", false], ["190:20:30", false], ["12:30", false],
  [".inf", false], ["-.inf", false], [".NaN", false], ["1.0e+21", false], ["1.2.3", false],
  ["2001-12-14", false], ["2001-12-14t21:59:43.10-05:00", false], ["2001-12-14 21:59:43.10 -5", false],
  ["a: b", false], ["a:", false], ["a #b", false], ["#x", false], [":x", false],
  [" lead", false], ["trail ", false], ["two\nlines", false], ["tab\there", false],
  ["-x", false], ["- x", false], ["?x", false], [",x", false], ["[x", false], ["]x", false], ["{x", false], ["}x", false],
  ["&x", false], ["*x", false], ["!x", false], ["|x", false], [">x", false], ["'x", false], ['"x', false],
  ["%x", false], ["@x", false], ["`x", false],
  ["<<", false], ["=", false], ["---", false], ["...", false], [".", false], ["..", false], [".e+1", false], ["E012", false], ["e5", false],
  ["a\u2028b", false], ["a\u0085b", false], ["\ufeffbom", false], ["del\u007f", false], ["é", false], ["back\\slash", false],
];

test("tricky strings: plain only when safe, and every one reads back in YAML 1.1 and 1.2", () => {
  for (const [s, plain] of tricky) {
    assert.is(isPlainSafe(s), plain, `isPlainSafe(${JSON.stringify(s)})`);
    roundTrips({ [s]: s, list: [s, { [s]: [s] }] }, JSON.stringify(s));
    roundTrips(s, `top-level ${JSON.stringify(s)}`);
  }
});

test("double quoting escapes what YAML reads differently from JSON", () => {
  assert.is(doubleQuote("a\u2028b"), '"a\\u2028b"');
  assert.is(doubleQuote("x\u0085"), '"x\\u0085"');
  assert.is(doubleQuote('say "hi"\n'), '"say \\"hi\\"\\n"');
});

test("layout: block style, kubectl sequences, empty containers, numbers", () => {
  const text = emitYaml({
    apiVersion: "v1",
    kind: "List",
    metadata: { name: "x", labels: {} },
    items: [{ name: "a", ports: [{ port: 80 }], args: [] }, "s", [1, 2], [], {}],
    num: { int: 3, neg: -2, float: 0.5, big: 1e21, small: 5e-7, t: true, f: false, nil: null, skip: undefined },
  });
  assert.is(
    text,
    [
      "apiVersion: v1",
      "kind: List",
      "metadata:",
      "  name: x",
      "  labels: {}",
      "items:",
      "- name: a",
      "  ports:",
      "  - port: 80",
      "  args: []",
      "- s",
      "- - 1",
      "  - 2",
      "- []",
      "- {}",
      "num:",
      "  int: 3",
      "  neg: -2",
      "  float: 0.5",
      "  big: 1.0e+21",
      "  small: 5.0e-7",
      "  t: true",
      "  f: false",
      "  nil: null",
      "",
    ].join("\n"),
  );
});

test("documents are separated by ---", () => {
  const text = emitYamlDocuments([{ a: 1 }, { b: "x" }]);
  assert.is(text, "a: 1\n---\nb: x\n");
  assert.equal(parseAllDocuments(text).map((d) => d.toJS()), [{ a: 1 }, { b: "x" }]);
  assert.is(emitYamlDocuments([]), "");
});

test("keys longer than YAML's implicit key limit use the explicit form", () => {
  const long = "k".repeat(1500);
  roundTrips({ [long]: "v", other: { [long]: { a: 1 } }, list: [{ [long]: [1] }] });
});

test("non-finite numbers", () => {
  roundTrips({ a: Infinity, b: -Infinity, c: NaN, d: -0, e: 0.1 + 0.2, f: 2 ** 60, g: -1.5e-300 });
});

// ---------------------------------------------------------------------------------------------
// Randomized round trip: random data built from pieces that trip YAML writers.

function rng(seed: number): () => number {
  // mulberry32: small, deterministic, good enough for test data
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "a", "Z", "0", "1", "9", "_", ".", "/", ":", " ", "-", "?", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">",
  "'", '"', "%", "@", "`", "~", "=", "<", "+", "e", "E", "x", "o", "b", "\n", "\t", "\\", "\r", "\u0000", "\u0085",
  "\u2028", "é", "😀", "yes", "No", "ON", "null", "true", "~", ".inf", ".nan", "0x1F", "1e3", "012", "1_000",
  "2001-12-14", "12:30", "---", "...", "<<", ": ", " #", "$(", ")", "http://", "1.5", "Mi",
];

function randomString(r: () => number): string {
  const n = Math.floor(r() * 5);
  let s = "";
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}

function randomValue(r: () => number, depth: number): unknown {
  const x = r();
  if (depth > 3 || x < 0.45) {
    const y = r();
    if (y < 0.6) return randomString(r);
    if (y < 0.7) return Math.floor((r() - 0.5) * 1e6);
    if (y < 0.8) return (r() - 0.5) * 10 ** Math.floor(r() * 60 - 30);
    if (y < 0.9) return r() < 0.5;
    return null;
  }
  if (x < 0.7) {
    const n = Math.floor(r() * 4);
    const a: unknown[] = [];
    for (let i = 0; i < n; i++) a.push(randomValue(r, depth + 1));
    return a;
  }
  const n = Math.floor(r() * 4);
  const o: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) o[randomString(r)] = randomValue(r, depth + 1);
  return o;
}

test("the writer's one-pass plain rule never says plain where isPlainSafe does not", () => {
  const r = rng(7);
  const samples = [...tricky.map(([s]) => s), "namespace", "infinity", "Infinity", "trueish", "e5x", "name", "a:b", "a:", "a: b", "Yes"];
  for (let i = 0; i < 20000; i++) samples.push(randomString(r));
  for (const s of samples) if (isSimplePlain(s)) assert.ok(isPlainSafe(s), JSON.stringify(s));
  assert.ok(isSimplePlain("app.kubernetes.io/name") && isSimplePlain("registry.example.com/shop/web:1.0.0") && isSimplePlain("namespace"));
  assert.ok(!isSimplePlain("infinity") && !isSimplePlain("No") && isSimplePlain("name"));
});

test("documents can be reordered and read as bytes", () => {
  const out = new YamlDocuments();
  for (const v of [{ a: 1 }, { b: "é😀" }, "c", [1]]) out.add(v);
  out.reorder(1, [2, 0, 1]);
  const text = 'a: 1\n---\n- 1\n---\nb: "é😀"\n---\nc\n';
  assert.is(out.toString(), text);
  assert.is(new TextDecoder().decode(Buffer.concat(out.parts())), text);
  assert.is(out.count, 4);
});

test("a stream of many chunks: pieces of whole documents, reordered across chunks, an oversize document", () => {
  const values: unknown[] = [];
  for (let i = 0; i < 3000; i++) values.push({ doc: i, pad: "x".repeat(200 + (i % 700)), list: [i, "é😀"] });
  values.splice(1234, 0, { big: "y".repeat(200_000) }); // more than the room kept free per document
  const out = new YamlDocuments();
  for (const v of values) out.add(v);
  const from = 10;
  const order = Array.from({ length: values.length - from }, (_, i) => values.length - from - 1 - i); // reversed: every document moves
  out.reorder(from, order);
  const expected = emitYamlDocuments([...values.slice(0, from), ...order.map((i) => values[from + i])]);
  const parts = out.parts();
  assert.ok(parts.length > 3, `${parts.length} pieces`);
  assert.ok(!new TextDecoder().decode(parts[0]).startsWith("---"), "the stream does not start with ---");
  assert.is(parts.map((p) => new TextDecoder("utf-8", { fatal: true }).decode(p)).join(""), expected);
  assert.is(new TextDecoder().decode(Buffer.concat(parts)), expected);
  assert.is(out.toString(), expected);
});

test("reordering moves only what moves, and any permutation comes out right", () => {
  const r = rng(7);
  for (let round = 0; round < 300; round++) {
    const n = 1 + Math.floor(r() * 8);
    const from = Math.floor(r() * 3);
    const values = Array.from({ length: from + n }, (_, i) => ({ doc: i, pad: "x".repeat(Math.floor(r() * 5)) }));
    const order = Array.from({ length: n }, (_, i) => i);
    // Some rounds keep fixed points at both ends, some shuffle everything.
    const lo = Math.floor(r() * n);
    const hi = lo + Math.floor(r() * (n - lo));
    for (let i = hi; i > lo; i--) {
      const j = lo + Math.floor(r() * (i - lo + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const out = new YamlDocuments();
    for (const v of values) out.add(v);
    out.reorder(from, order);
    const expected = [...values.slice(0, from), ...order.map((i) => values[from + i])];
    assert.is(out.toString(), emitYamlDocuments(expected), `round ${round}: ${order.join(",")}`);
  }
});

test("random data round-trips through the yaml package (YAML 1.2 and 1.1)", () => {
  const r = rng(Number(process.env.SEED ?? 20240601));
  for (let i = 0; i < Number(process.env.N ?? 5000); i++) {
    const data = randomValue(r, 0);
    roundTrips(data, `case ${i}`);
  }
});

test.run();

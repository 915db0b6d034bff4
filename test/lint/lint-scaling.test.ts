// The linear paths of `kdsl lint --fix` (planEdits, spliceEdits) and of selector matching
// (matchesAnyPod, selects) give what the straightforward ones gave: checked against those, kept
// here as oracles, on seeded random cases, and on small apps end to end. No timings: the sizes
// that showed the quadratic paths (thousands of services) are measured by hand, not in tests.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { memoryHost } from "../../compiler/src/host.ts";
import { lint } from "../../compiler/src/lint/index.ts";
import { fixProject, planEdits, spliceEdits } from "../../compiler/src/lint/fix.ts";
import { selects, type Json } from "../../compiler/src/lint/pods.ts";
import type { Diagnostic, TextEdit } from "../../compiler/src/diagnostics/diagnostic.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

/** The applyEdits the fix loop used: one edit at a time, from the last offset back. */
function sequentialEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** The planEdits the fix loop used: each fix tested against every edit taken so far. */
function planEditsByScan(diagnostics: readonly Diagnostic[], accept: (d: Diagnostic) => boolean = () => true) {
  const byFile = new Map<string, TextEdit[]>();
  let count = 0;
  for (const d of diagnostics) {
    const fix = d.fixes?.[0];
    if (!fix || !accept(d)) continue;
    const files = new Set(fix.edits.map((e) => e.span.file));
    const clash = fix.edits.some((e) => (byFile.get(e.span.file) ?? []).some((o) => e.span.start < o.span.end && o.span.start < e.span.end || (e.span.start === o.span.start && e.span.end === o.span.start)));
    if (clash) continue;
    for (const f of files) byFile.set(f, [...(byFile.get(f) ?? []), ...fix.edits.filter((e) => e.span.file === f)]);
    count++;
  }
  return { byFile, count };
}

/** The selects pods.ts had: the selector read again for every pod. */
function selectsByScan(selector: Json, labels: Readonly<Record<string, string>>): boolean {
  const plain = !("matchLabels" in selector) && !("matchExpressions" in selector);
  const match = (plain ? selector : (selector["matchLabels"] as Json | undefined) ?? {}) as Record<string, unknown>;
  for (const k in match) if (labels[k] !== match[k]) return false;
  if (plain) return true;
  for (const e of (selector["matchExpressions"] ?? []) as Json[]) {
    const key = String(e["key"]);
    const values = Array.isArray(e["values"]) ? (e["values"] as unknown[]).map(String) : [];
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    const ok =
      e["operator"] === "In" ? has && values.includes(labels[key]!)
      : e["operator"] === "NotIn" ? !has || !values.includes(labels[key]!)
      : e["operator"] === "Exists" ? has
      : e["operator"] === "DoesNotExist" ? !has
      : true;
    if (!ok) return false;
  }
  return true;
}

/** A small seeded generator (mulberry32), so a failure reproduces. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

const span = (file: string, start: number, end: number) => ({ file, start, end, line: 1, col: 1, endLine: 1, endCol: 1 });
const edit = (file: string, start: number, end: number, newText: string): TextEdit => ({ span: span(file, start, end), newText });
const finding = (code: string, edits: TextEdit[]): Diagnostic => ({ code, severity: "warning", message: code, span: edits[0]?.span ?? span("a", 0, 0), fixes: [{ title: code, edits }] });
const host = (files: Record<string, string>) => memoryHost(files, stdlibFiles());

test("spliceEdits: insertions at one offset, an insertion before a replacement, adjacent replacements", () => {
  const text = "abcdefghij";
  const cases: TextEdit[][] = [
    [],
    [edit("a", 2, 2, "X"), edit("a", 2, 2, "Y"), edit("a", 2, 2, "Z")],
    [edit("a", 2, 2, "<"), edit("a", 2, 5, "R")],
    [edit("a", 2, 5, "R"), edit("a", 2, 2, "<"), edit("a", 5, 5, ">")],
    [edit("a", 0, 3, "1"), edit("a", 3, 6, "2"), edit("a", 6, 10, "3")],
    [edit("a", 10, 10, "!"), edit("a", 0, 0, "^"), edit("a", 0, 10, "")],
  ];
  for (const edits of cases) assert.is(spliceEdits(text, edits), sequentialEdits(text, edits), JSON.stringify(edits));
  assert.is(spliceEdits(text, [edit("a", 2, 2, "X"), edit("a", 2, 2, "Y")]), "abYXcdefghij", "the later insertion first, as before");
});

test("spliceEdits: overlapping or out-of-range edits give what one-at-a-time application gave", () => {
  const text = "abcdefghij";
  const cases: TextEdit[][] = [
    [edit("a", 1, 5, "X"), edit("a", 3, 8, "Y")],
    [edit("a", 1, 9, "outer"), edit("a", 3, 4, "inner")],
    [edit("a", 8, 20, "past"), edit("a", 9, 9, "!")],
    [edit("a", 12, 12, "far"), edit("a", 10, 10, "end")],
  ];
  for (const edits of cases) assert.is(spliceEdits(text, edits), sequentialEdits(text, edits), JSON.stringify(edits));
});

test("spliceEdits: random disjoint and overlapping edits match one-at-a-time application", () => {
  const r = random(7);
  for (let round = 0; round < 500; round++) {
    const text = "0123456789abcdefghijklmnopqrstuvwxyz".slice(0, 1 + r.int(36));
    const edits: TextEdit[] = [];
    for (let i = r.int(8); i > 0; i--) {
      const start = r.int(text.length + 1);
      const end = r.pick([start, start, Math.min(text.length, start + r.int(4))]);
      edits.push(edit("a", start, end, r.pick(["", "X", "YY", "\n  z\n"])));
    }
    // Half the rounds keep only edits the planner would let through together.
    const used = round % 2 ? planEditsByScan(edits.map((e) => finding("f", [e]))).byFile.get("a") ?? [] : edits;
    assert.is(spliceEdits(text, used), sequentialEdits(text, used), JSON.stringify(used));
  }
});

test("planEdits: the same fixes win, in the same order, as testing against every edit taken", () => {
  const r = random(11);
  for (let round = 0; round < 500; round++) {
    const diagnostics: Diagnostic[] = [];
    for (let i = r.int(25); i > 0; i--) {
      const edits: TextEdit[] = [];
      for (let j = 1 + r.int(3); j > 0; j--) {
        const start = r.int(30);
        edits.push(edit(r.pick(["a", "a", "b"]), start, r.pick([start, start + r.int(6)]), `e${i}.${j}`));
      }
      diagnostics.push(r.int(6) === 0 ? { code: "nofix", severity: "warning", message: "", span: span("a", 0, 0) } : finding(r.pick(["x", "y"]), edits));
    }
    const accept = round % 3 === 0 ? (d: Diagnostic) => d.code === "x" : undefined;
    const fast = planEdits(diagnostics, accept);
    const slow = planEditsByScan(diagnostics, accept);
    assert.is(fast.count, slow.count);
    assert.equal([...fast.byFile.entries()], [...slow.byFile.entries()]);
  }
});

test("planEdits: an insertion at a taken edit's start waits; an edit ending where another starts does not", () => {
  const { byFile, count } = planEdits([
    finding("a", [edit("f", 5, 8, "A")]),
    finding("b", [edit("f", 5, 5, "B")]),
    finding("c", [edit("f", 8, 8, "C")]),
    finding("d", [edit("f", 2, 5, "D")]),
    finding("e", [edit("f", 1, 3, "E")]),
    finding("g", [edit("f", 0, 20, "G"), edit("g", 0, 0, "G")]),
  ]);
  assert.is(count, 3);
  assert.equal(byFile.get("f")!.map((e) => e.newText), ["A", "C", "D"]);
  assert.not.ok(byFile.has("g"));
});

test("fixProject: several fixable findings per service, over passes, give the expected text", () => {
  const service = (i: number) => `\nservice s${i} {\n  image = "ghcr.io/example/api:1.4.2"\n  port http 8080\n  replicas = 1\n  resources { cpu = 100m }\n}\n`;
  const fixedService = (i: number) =>
    `\nservice s${i} {\n  image = "ghcr.io/example/api:1.4.2"\n  port http 8080\n  replicas = 2\n  resources { cpu = 100m }\n  avoid { "app.kubernetes.io/name" = "s${i}" }\n  disruption { max-unavailable = 1 }\n}\n`;
  const n = 4;
  const ids = [...Array(n).keys()];
  const r = fixProject(host({ "app.kdsl": "app shop\n" + ids.map(service).join("") }), "app.kdsl");
  assert.is(r.dropped, undefined);
  assert.is(r.applied, 3 * n);
  assert.is(r.files.get("app.kdsl"), "app shop\n" + ids.map(fixedService).join(""));
  assert.not.ok(r.result.diagnostics.some((d) => d.fixes?.length), "nothing left to fix");
});

test("selector-matches-nothing: set-based avoid and select terms, matched or not", () => {
  const svc = (name: string, body: string) => `\nservice ${name} {\n  image = "ghcr.io/example/api:1.4.2"\n  port http 8080\n${body}}\n`;
  const text =
    "app shop\n" +
    svc("api", '  labels { tier = "backend"; env = "prod" }\n  avoid { tier in ["backend", "cache"]; env notin ["dev"] }\n') +
    svc("web", '  avoid { tier in ["cache"] }\n') +
    svc("batch", '  avoid { tier = "backend"; env in ["dev", "test"] }\n') +
    svc("spread", "  avoid { tier; !canary }\n") +
    svc("lonely", '  avoid { tier notin ["backend"]; env }\n') +
    svc("backends", '  select { tier = "backend"; env = "prod" }\n') +
    svc("ghosts", '  select { tier = "backend"; env = "dev" }\n');
  const r = lint(host({ "app.kdsl": text }), "app.kdsl");
  assert.equal(r.diagnostics.filter((d) => d.severity === "error" && /^KD/.test(d.code)).map((d) => d.message), []);
  assert.equal(
    r.diagnostics.filter((d) => d.code === "selector-matches-nothing").map((d) => `${d.span.line}: ${d.message}`),
    ["13: `avoid` of `web` matches no pod of the app", "19: `avoid` of `batch` matches no pod of the app", "31: `avoid` of `lonely` matches no pod of the app", "43: the Service of `ghosts` selects no pod"],
  );
});

test("selects: random selectors and labels agree with reading the selector per pod", () => {
  const r = random(13);
  const keys = ["tier", "env", "canary"];
  const values = ["backend", "cache", "prod", "dev", "1"];
  for (let round = 0; round < 2000; round++) {
    const labels: Record<string, string> = {};
    for (const k of keys) if (r.int(3)) labels[k] = r.pick(values);
    const matchLabels: Json = {};
    for (const k of keys) if (r.int(4) === 0) matchLabels[k] = r.pick(values);
    const matchExpressions = [...Array(r.int(3))].map(() => ({ key: r.pick(keys), operator: r.pick(["In", "NotIn", "Exists", "DoesNotExist", "Odd"]), values: [...Array(r.int(3))].map(() => r.pick(values)) }));
    const selector: Json = r.pick([matchLabels, { matchLabels }, { matchExpressions }, { matchLabels, matchExpressions }]);
    assert.is(selects(selector, labels), selectsByScan(selector, labels), JSON.stringify({ selector, labels }));
  }
});

test.run();

// The fuzz harness's engine: a seeded generator, token-sized mutations of the examples and the
// stdlib, and the checks every compiler and formatter run must pass whatever the input. Case `i` of
// seed `s` is the same input on every machine, so a failure reproduces from two numbers.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { format } from "../../compiler/src/format/index.ts";
import { CATALOGUE } from "../../compiler/src/diagnostics/catalogue.ts";
import { positionAt, type Span } from "../../compiler/src/syntax/span.ts";
import type { Diagnostic } from "../../compiler/src/diagnostics/diagnostic.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/**
 * Longest a single build or format call may take, in milliseconds. A call takes ~10–50 ms; the
 * bound is generous because the suite shares two cores with other work and must not be flaky.
 */
export const CALL_BOUND_MS = 5000;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: tiny, fast, good enough to pick mutations; the same seed gives the same stream. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generator for case `i` of a run: independent of every other case. */
export function caseRng(seed: number, i: number): () => number {
  return rng((Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(i + 1, 0xc2b2ae35)) >>> 0);
}

type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)]!;

// ---------------------------------------------------------------------------------------------
// Inputs

export interface Corpus {
  /** Project files: every .kdsl under examples/, by repository path. */
  readonly examples: Readonly<Record<string, string>>;
  /** The real stdlib, keyed as the host expects (`prelude.kdsl`, `std/web.kdsl`). */
  readonly stdlib: Readonly<Record<string, string>>;
}

function kdslUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".kdsl"))
    .map((f) => join(dir, f).split("\\").join("/"))
    .sort();
}

export function loadCorpus(): Corpus {
  const examples: Record<string, string> = {};
  for (const f of kdslUnder("examples")) examples[f] = readFileSync(join(ROOT, f), "utf8");
  const stdlib: Record<string, string> = {};
  for (const f of kdslUnder("stdlib")) stdlib[relative("stdlib", f).split("\\").join("/")] = readFileSync(join(ROOT, f), "utf8");
  if (Object.keys(examples).length === 0 || !stdlib["prelude.kdsl"]) throw new Error("fuzz corpus: no examples or no stdlib/prelude.kdsl");
  return { examples, stdlib };
}

// ---------------------------------------------------------------------------------------------
// Mutations

const PUNCTUATION = ["{", "}", "[", "]", "(", ")", "=", ",", ".", ":", ";", '"', "'", "/", "*", "/*", "*/", "//", "///", "\\", "<", ">", "->", "-", "+", "%", "@", "#", "$", "?", "!", "${", "`", "|", "&", "~", "\n", "\t", "\r", "\r\n", " "];
const KEYWORDS = ["app", "service", "job", "secret", "config", "template", "profile", "kind", "use", "from", "for", "to", "port", "env", "resources", "health", "canary", "labels", "uses", "after", "replicas", "image", "true", "false", "std/web", '"./x"', "http", "env(\"X\")", "file(\"x\")", "100m", "256Mi", "1Gi", "10%", "5m", "0", "-1", "99999999999999999999", "1e309", "0.5", "List<String>", "Map<String, Int>", "Int?"];
const UNICODE = ["é", "ß", "🙂", "\u{1F600}\u{1F600}", "\u202E", "\uFEFF", "\u200B", "\u00A0", "\u2028", "\u0000", "\uD800", "\uDC00", "\uFFFD", "ｱ", "Ω", "\u0301", "日本"];
/** Characters a flip may turn one into: ASCII neighbours and a few that lexers often mishandle. */
const FLIPS = "abcxyzAZ019_-.{}[]()=\"'\\/ \n\t#@$%^&*<>?!é🙂\u0000";

/** Token-sized pieces: runs of whitespace, words (with `-`), strings, single other characters. */
function tokens(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\s+|[\p{L}\p{N}_][\p{L}\p{N}_-]*|"(?:[^"\\\n]|\\.)*"?|\/\/[^\n]*|[\s\S]/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** A slice of 1–3 consecutive tokens, as offsets; undefined for an empty text. */
function slice(r: Rand, text: string): { start: number; end: number } | undefined {
  const ts = tokens(text);
  if (ts.length === 0) return undefined;
  const a = int(r, ts.length);
  const b = Math.min(ts.length - 1, a + int(r, 3));
  return { start: ts[a]!.start, end: ts[b]!.end };
}

const insertAt = (text: string, at: number, s: string) => text.slice(0, at) + s + text.slice(at);
/** Random offset, biased onto token boundaries where structure breaks most interestingly. */
function offset(r: Rand, text: string): number {
  if (r() < 0.7) {
    const ts = tokens(text);
    if (ts.length) return pick(r, ts).start;
  }
  return int(r, text.length + 1);
}

export type Mutation = (r: Rand, text: string, others: readonly string[]) => string;

export const MUTATIONS: Record<string, Mutation> = {
  delete(r, t) {
    const s = slice(r, t);
    return s ? t.slice(0, s.start) + t.slice(s.end) : t;
  },
  duplicate(r, t) {
    const s = slice(r, t);
    return s ? insertAt(t, s.end, t.slice(s.start, s.end)) : t;
  },
  swap(r, t) {
    const a = slice(r, t);
    const b = slice(r, t);
    if (!a || !b) return t;
    const [x, y] = a.start <= b.start ? [a, b] : [b, a];
    if (x.end > y.start) return t;
    return t.slice(0, x.start) + t.slice(y.start, y.end) + t.slice(x.end, y.start) + t.slice(x.start, x.end) + t.slice(y.end);
  },
  punctuation: (r, t) => insertAt(t, offset(r, t), pick(r, PUNCTUATION)),
  keyword: (r, t) => insertAt(t, offset(r, t), pick(r, [" ", "\n", ""]) + pick(r, KEYWORDS) + pick(r, [" ", "\n", ""])),
  unicode: (r, t) => insertAt(t, offset(r, t), pick(r, UNICODE)),
  truncate: (r, t) => t.slice(0, int(r, t.length + 1)),
  flip(r, t) {
    if (t.length === 0) return t;
    const at = int(r, t.length);
    const c = t.charCodeAt(at);
    const to = r() < 0.5 ? String.fromCharCode(c ^ (1 << int(r, 7))) : [...FLIPS][int(r, [...FLIPS].length)]!;
    return t.slice(0, at) + to + t.slice(at + 1);
  },
  splice(r, t, others) {
    const donor = pick(r, others).split("\n");
    const from = int(r, donor.length);
    const lines = donor.slice(from, from + 1 + int(r, 6));
    const into = t.split("\n");
    into.splice(int(r, into.length + 1), 0, ...lines);
    return into.join("\n");
  },
  /** Deep nesting near the limit, where recursion and recovery get stressed. */
  nest(r, t) {
    const n = pick(r, [10, 63, 64, 65, 200]);
    const [open, close] = pick(r, [["{", "}"], ["[", "]"], ["(", ")"], ["a { ", "}"], ["[[", "]]"]]);
    return insertAt(t, offset(r, t), open!.repeat(n) + (r() < 0.5 ? close!.repeat(n) : ""));
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

export function mutate(r: Rand, text: string, others: readonly string[]): { text: string; applied: string[] } {
  const applied: string[] = [];
  const n = 1 + int(r, 4);
  for (let k = 0; k < n; k++) {
    const name = pick(r, MUTATION_NAMES);
    text = MUTATIONS[name]!(r, text, others);
    applied.push(name);
  }
  return { text, applied };
}

// ---------------------------------------------------------------------------------------------
// One case

export interface FuzzCase {
  readonly i: number;
  /** Which file was mutated (a repository path) and how. */
  readonly target: string;
  readonly applied: readonly string[];
  readonly files: Readonly<Record<string, string>>;
  readonly stdlib: Readonly<Record<string, string>>;
  readonly entry: string;
  readonly profiles: readonly string[];
  readonly secrets: "reference" | "inline";
  /** The mutated text (also the formatter's input). */
  readonly mutant: string;
}

/** Case `i`: one mutated file (an example or a stdlib file) inside an otherwise real project. */
export function makeCase(corpus: Corpus, seed: number, i: number): FuzzCase {
  const r = caseRng(seed, i);
  const exampleNames = Object.keys(corpus.examples);
  const stdlibNames = Object.keys(corpus.stdlib);
  const everything = [...Object.values(corpus.examples), ...Object.values(corpus.stdlib)];
  const entryFile = pick(r, exampleNames);
  const project = entryFile.split("/").slice(0, -1).join("/");
  const files: Record<string, string> = {};
  for (const [f, t] of Object.entries(corpus.examples)) if (f.startsWith(project + "/")) files[f] = t;
  const stdlib: Record<string, string> = { ...corpus.stdlib };
  const mutateStdlib = r() < 0.3;
  const target = mutateStdlib ? pick(r, stdlibNames) : entryFile;
  const original = mutateStdlib ? stdlib[target]! : files[target]!;
  const { text, applied } = mutate(r, original, everything);
  if (mutateStdlib) stdlib[target] = text;
  else files[target] = text;
  return {
    i,
    target: mutateStdlib ? "stdlib/" + target : target,
    applied,
    files,
    stdlib,
    entry: r() < 0.5 ? entryFile : project,
    profiles: r() < 0.3 ? ["prod"] : [],
    secrets: r() < 0.2 ? "inline" : "reference",
    mutant: text,
  };
}

// ---------------------------------------------------------------------------------------------
// Checks

function checkSpan(where: string, span: Span | undefined, texts: ReadonlyMap<string, string>, problems: string[]): void {
  if (!span || typeof span.file !== "string") return void problems.push(`${where}: no span`);
  const { start, end, line, col } = span;
  if (!(Number.isInteger(line) && line >= 1 && Number.isInteger(col) && col >= 1)) problems.push(`${where}: position ${line}:${col} is not 1-based`);
  const text = texts.get(span.file);
  if (text === undefined) return;
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
    return void problems.push(`${where}: span ${start}..${end} is outside ${span.file} (${text.length} chars)`);
  }
  const at = positionAt(text, start);
  if (at.line !== line || at.col !== col) problems.push(`${where}: says ${line}:${col} but offset ${start} is at ${at.line}:${at.col}`);
}

export function checkDiagnostics(stage: string, ds: readonly Diagnostic[], texts: ReadonlyMap<string, string>, problems: string[]): void {
  if (!Array.isArray(ds)) return void problems.push(`${stage}: diagnostics is not an array`);
  for (const d of ds) {
    const where = `${stage} ${d.code} "${d.message}"`;
    if (!CATALOGUE.has(d.code)) problems.push(`${where}: code is not in the catalogue`);
    if (!["error", "warning", "info"].includes(d.severity)) problems.push(`${where}: severity ${d.severity}`);
    if (typeof d.message !== "string" || d.message === "") problems.push(`${where}: no message`);
    checkSpan(where, d.span, texts, problems);
    for (const rel of d.related ?? []) checkSpan(`${where} (related)`, rel.span, texts, problems);
  }
}

function timed<T>(f: () => T): { value?: T; error?: unknown; ms: number } {
  const t0 = performance.now();
  try {
    const value = f();
    return { value, ms: performance.now() - t0 };
  } catch (error) {
    return { error, ms: performance.now() - t0 };
  }
}

const describeError = (e: unknown): string => (e instanceof Error ? e.stack ?? e.message : String(e)).split("\n").slice(0, 6).join("\n");

/** Runs `build` and the formatter on the case; returns what went wrong (empty when all is well). */
export function runCase(c: FuzzCase): string[] {
  const problems: string[] = [];
  const host = memoryHost(c.files, c.stdlib, { RANDOM_TOKEN: "fuzz-token" });

  const b = timed(() => build(host, c.entry, { profiles: c.profiles, secrets: c.secrets }));
  if (b.error !== undefined) problems.push(`build threw: ${describeError(b.error)}`);
  if (b.ms > CALL_BOUND_MS) problems.push(`build took ${b.ms.toFixed(0)} ms (bound ${CALL_BOUND_MS} ms)`);
  const result = b.value;
  if (result) {
    const texts = new Map<string, string>(result.program.texts);
    // The mutated file's text is known even when the program did not keep it.
    texts.set(c.target, c.mutant);
    checkDiagnostics("build", result.diagnostics, texts, problems);
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0 && result.yaml !== undefined) problems.push(`build returned yaml alongside ${errors.length} error(s): ${errors[0]!.code}`);
    if (errors.length === 0 && result.yaml === undefined && !result.fatal) problems.push("build returned neither yaml nor an error");
    if (result.fatal !== undefined && typeof result.fatal !== "string") problems.push("fatal is not a string");
  }

  const file = "mutant.kdsl";
  const f1 = timed(() => format(c.mutant, file));
  if (f1.error !== undefined) problems.push(`format threw: ${describeError(f1.error)}`);
  if (f1.ms > CALL_BOUND_MS) problems.push(`format took ${f1.ms.toFixed(0)} ms (bound ${CALL_BOUND_MS} ms)`);
  if (f1.value) {
    checkDiagnostics("format", f1.value.diagnostics, new Map([[file, c.mutant]]), problems);
    const out = f1.value.text;
    if (out !== undefined) {
      const f2 = timed(() => format(out, file));
      if (f2.error !== undefined) problems.push(`format of formatted text threw: ${describeError(f2.error)}`);
      else if (f2.value!.text !== out) problems.push(`format is not a fixed point: format(format(x)) ${f2.value!.text === undefined ? "refused: " + f2.value!.diagnostics.map((d) => d.code + " " + d.message).join("; ") : "differs"}`);
      if (f2.ms > CALL_BOUND_MS) problems.push(`second format took ${f2.ms.toFixed(0)} ms`);
    }
  }
  return problems;
}

/** The seed and iteration count of a run: fixed by default, overridable for soak runs. */
export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): { seed: number; iterations: number; only?: number } {
  const seed = env["KDSL_FUZZ_SEED"] ? Number(env["KDSL_FUZZ_SEED"]) >>> 0 : 20240611;
  const iterations = env["KDSL_FUZZ_ITERATIONS"] ? Math.max(1, Number(env["KDSL_FUZZ_ITERATIONS"]) | 0) : 100;
  const only = env["KDSL_FUZZ_CASE"] !== undefined && env["KDSL_FUZZ_CASE"] !== "" ? Number(env["KDSL_FUZZ_CASE"]) : undefined;
  return { seed, iterations, ...(only !== undefined ? { only } : {}) };
}

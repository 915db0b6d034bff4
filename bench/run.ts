// `npm run bench`: times a cold `kdsl build` of a generated app of N services (N = 10, 1,000,
// 5,000; see generate.ts) as a whole process, next to baselines measured in the same run:
//
//   json floor   bench/baselines/json-floor.mjs: the same final objects built in code and written
//                with JSON.stringify (the floor for any Node tool)
//   yaml         bench/baselines/yaml-baseline.mjs: the same objects written with `yaml`'s stringify
//   node -e 0    (N = 10 only) the cost of starting Node at all
//
// Before timing, once per N, the objects each baseline writes are checked to deep-equal (key order
// included) the objects kdsl writes; the bench stops with the first difference if they drift.
//
// Every measured command is a fresh `node` process (cold), run several times with the commands
// interleaved so they share the machine's noise; the figure is the median. Wall time is taken around
// spawnSync; peak RSS comes from bench/rss-probe.cjs, preloaded into every process alike.
//
// Budgets (a figure is ok when value <= budget; figures without a budget are always ok):
// Ratios between commands are the median of per-round ratios (the commands of one round ran back to
// back, so they share that moment's load), not ratios of medians.
//
//   kdsl ÷ json floor at N = 1,000 and 5,000        <= 2.5
//   kdsl ÷ node -e 0 at N = 10                       <= 2.5
//   linearity: kdsl ms/service at 5,000 ÷ at 1,000   <= 1.5   (fixed start-up cost is in both, so a
//              linear compiler scores below 1)
//   marginal linearity: (t5000 − t1000)/4000 ÷ (t1000 − t10)/990   <= 1.5   (start-up cancels; a
//              linear compiler scores ~1, a quadratic one ~6)
//   kdsl peak RSS ÷ yaml baseline peak RSS at the largest N   <= 1.0
//   kdsl lint ÷ kdsl build at N = 1,000              <= 1.5
//
// Usage: npm run bench [-- --json] [-- --quick] [-- --runs K] [-- --check]
//   --json     print only the JSON array of {name, value, unit, budget, ok} on stdout (progress on
//              stderr; `npm run -s bench -- --json` keeps npm's own banner off stdout too)
//   --quick    N = 10 and 1,000, one timed run each
//   --runs K   K timed runs at every N (default 5 at N = 10, 3 at 1,000 and 5,000)
//   --check    exit 1 when a figure misses its budget
// Later benches add their figures to `figures` below in the same shape.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { APP_NAME, TOKEN_ENV, TOKEN_VALUE, writeApp } from "./generate.ts";

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly budget: number | null;
  readonly ok: boolean;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BENCH = path.join(ROOT, "bench");
const PROBE = path.join(BENCH, "rss-probe.cjs");
const KDSL = path.join(ROOT, "cli", "bin", "kdsl.js");
const JSON_FLOOR = path.join(BENCH, "baselines", "json-floor.mjs");
const YAML_BASELINE = path.join(BENCH, "baselines", "yaml-baseline.mjs");

const USAGE = "usage: npm run bench [-- --json] [-- --quick] [-- --runs K] [-- --check]";
const argv = process.argv.slice(2);
const args = new Set<string>();
let runsOverride: number | undefined;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === "--runs") {
    runsOverride = Number(argv[++i]);
    if (!Number.isInteger(runsOverride) || runsOverride < 1) {
      console.error(`--runs takes a positive integer\n${USAGE}`);
      process.exit(2);
    }
  } else if (["--json", "--quick", "--check"].includes(a)) args.add(a);
  else {
    console.error(`unknown option ${a}\n${USAGE}`);
    process.exit(2);
  }
}
const asJson = args.has("--json");
const quick = args.has("--quick");
const SIZES: readonly { n: number; runs: number }[] = (
  quick ? [{ n: 10, runs: 1 }, { n: 1000, runs: 1 }] : [{ n: 10, runs: 5 }, { n: 1000, runs: 3 }, { n: 5000, runs: 3 }]
).map((s) => ({ n: s.n, runs: runsOverride ?? s.runs }));

const log = (s: string): void => void process.stderr.write(s + "\n");

// ---- running one command as a fresh process ----

interface Sample {
  readonly ms: number;
  readonly rssMiB: number;
  /** The main thread's CPU time (NaN where the probe cannot tell). */
  readonly cpuMs: number;
}

interface Command {
  readonly label: string;
  readonly args: readonly string[];
}

const childEnv: NodeJS.ProcessEnv = { ...process.env, [TOKEN_ENV]: TOKEN_VALUE, NO_COLOR: "1" };
delete childEnv.NODE_OPTIONS; // the same bare `node` for every command

function runOnce(cmd: Command, work: string): Sample {
  const rssFile = path.join(work, "rss");
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", PROBE, ...cmd.args], {
    env: { ...childEnv, KDSL_BENCH_RSS_FILE: rssFile },
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error || r.status !== 0) {
    throw new Error(`${cmd.label} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stderr?.toString() ?? ""}${r.stdout?.toString().slice(0, 2000) ?? ""}`);
  }
  const [kib, cpuMs] = readFileSync(rssFile, "utf8").split(" ").map(Number);
  return { ms, rssMiB: kib! / 1024, cpuMs: cpuMs ?? NaN };
}

function median(xs: readonly number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// ---- checking that the baselines write what kdsl writes ----

function parseYamlStream(text: string, what: string): unknown[] {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new Error(`${what}: not a YAML stream`);
  return docs.map((d, i) => {
    if (d.errors.length > 0) throw new Error(`${what}: document ${i}: ${d.errors[0]!.message}`);
    return d.toJS() as unknown;
  });
}

function parseJsonStream(text: string): unknown[] {
  return text.trimEnd().split("\n---\n").map((doc) => JSON.parse(doc) as unknown);
}

/** Deep equality with key order: the baselines must do the same work as kdsl, not merely similar. */
function assertSameObjects(n: number, kdsl: readonly unknown[], other: readonly unknown[], what: string): void {
  const count = Math.max(kdsl.length, other.length);
  for (let i = 0; i < count; i++) {
    const a = JSON.stringify(kdsl[i]);
    const b = JSON.stringify(other[i]);
    if (a !== b) {
      throw new Error(
        `at N = ${n}, ${what} drifted from kdsl's output at object ${i} (kdsl wrote ${kdsl.length} objects, ${what} ${other.length}).\n` +
          `  kdsl:     ${a}\n  ${what}: ${b}\n` +
          `Update bench/baselines/objects.mjs to mirror what kdsl emits.`,
      );
    }
  }
}

// ---- the bench ----

function ensureCli(): void {
  if (existsSync(path.join(ROOT, "cli", "dist", "kdsl.cjs"))) return;
  log("cli/dist is missing: building it (node scripts/build.mjs)");
  const r = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error("node scripts/build.mjs failed");
}

interface SizeResult {
  readonly n: number;
  readonly runs: number;
  /** Median wall time and peak RSS per command label. */
  readonly ms: Record<string, number>;
  readonly rss: Record<string, number>;
  /** Median over rounds of a ÷ b, each round's a and b having run back to back. */
  readonly ratio: (a: string, b: string, what?: "ms" | "rss" | "cpu") => number;
}

function benchSize(n: number, runs: number, work: string): SizeResult {
  const dir = path.join(work, `app-${n}`);
  writeApp(dir, n);
  const outDir = path.join(work, `out-${n}`);
  const jsonOut = path.join(work, `json-${n}.yaml`);
  const yamlOut = path.join(work, `yaml-${n}.yaml`);
  const commands: Command[] = [
    { label: "kdsl", args: [KDSL, "build", dir, "-o", outDir, "--secrets", "inline"] },
    { label: "json", args: [JSON_FLOOR, String(n), jsonOut] },
    { label: "yaml", args: [YAML_BASELINE, String(n), yamlOut] },
  ];
  if (n === SIZES[0]!.n) commands.push({ label: "node", args: ["-e", "0"] });
  // `kdsl lint` of the same app (rules over an in-memory build, findings as JSON), at N >= 1,000.
  if (n >= 1000) commands.push({ label: "lint", args: [KDSL, "lint", dir, "--format", "json"] });

  // One untimed run of each (warms the file cache), then the output check.
  log(`N = ${n}: warm-up and output check`);
  for (const c of commands) runOnce(c, work);
  const kdslObjects = parseYamlStream(readFileSync(path.join(outDir, `${APP_NAME}.yaml`), "utf8"), "kdsl");
  // Namespace, Secrets, ServiceAccounts, Deployments (a tenth with a canary), Services.
  const expected = 1 + n + n + n + Math.floor(n / 10) + n;
  if (kdslObjects.length !== expected) throw new Error(`at N = ${n}, kdsl wrote ${kdslObjects.length} objects, expected ${expected}`);
  assertSameObjects(n, kdslObjects, parseJsonStream(readFileSync(jsonOut, "utf8")), "json floor");
  assertSameObjects(n, kdslObjects, parseYamlStream(readFileSync(yamlOut, "utf8"), "yaml baseline"), "yaml baseline");

  const samples: Record<string, Sample[]> = {};
  for (const c of commands) samples[c.label] = [];
  for (let r = 0; r < runs; r++) {
    // Rotate the order each round so no command always runs right after the same one.
    for (let k = 0; k < commands.length; k++) {
      const c = commands[(k + r) % commands.length]!;
      samples[c.label]!.push(runOnce(c, work));
    }
    log(`N = ${n}: run ${r + 1}/${runs}: ` + commands.map((c) => `${c.label} ${samples[c.label]!.at(-1)!.ms.toFixed(0)} ms`).join(", "));
  }
  const ms: Record<string, number> = {};
  const rss: Record<string, number> = {};
  for (const c of commands) {
    ms[c.label] = median(samples[c.label]!.map((s) => s.ms));
    rss[c.label] = median(samples[c.label]!.map((s) => s.rssMiB));
  }
  const ratio = (a: string, b: string, what: "ms" | "rss" | "cpu" = "ms"): number => {
    const pick = (s: Sample): number => (what === "ms" ? s.ms : what === "rss" ? s.rssMiB : s.cpuMs);
    return median(samples[a]!.map((s, i) => pick(s) / pick(samples[b]![i]!)));
  };
  return { n, runs, ms, rss, ratio };
}

function figure(name: string, value: number, unit: string, budget: number | null = null): Figure {
  const rounded = unit === "ms" || unit === "MiB" ? Math.round(value * 10) / 10 : Math.round(value * 1000) / 1000;
  return { name, value: rounded, unit, budget, ok: budget === null || rounded <= budget };
}

function figuresOf(results: readonly SizeResult[]): Figure[] {
  const figures: Figure[] = [];
  const fmt = (n: number): string => n.toLocaleString("en-US");
  for (const r of results) {
    const N = `N=${fmt(r.n)}`;
    figures.push(figure(`build ${N}: kdsl`, r.ms.kdsl!, "ms"));
    figures.push(figure(`build ${N}: json floor`, r.ms.json!, "ms"));
    figures.push(figure(`build ${N}: yaml baseline`, r.ms.yaml!, "ms"));
    if (r.ms.node !== undefined) {
      figures.push(figure(`build ${N}: node -e 0`, r.ms.node, "ms"));
      figures.push(figure(`build ${N}: kdsl ÷ node -e 0`, r.ratio("kdsl", "node"), "×", r.n === 10 ? 2.5 : null));
    }
    figures.push(figure(`build ${N}: kdsl ÷ json floor`, r.ratio("kdsl", "json"), "×", r.n >= 1000 ? 2.5 : null));
    figures.push(figure(`build ${N}: kdsl ÷ yaml baseline`, r.ratio("kdsl", "yaml"), "×"));
    // Informational, no budget: the same ratio in main-thread CPU, steadier than wall time when
    // the machine is shared (it leaves out V8's background compiler and GC threads).
    const cpu = r.ratio("kdsl", "json", "cpu");
    if (Number.isFinite(cpu)) figures.push(figure(`main-thread CPU ${N}: kdsl ÷ json floor`, cpu, "×"));
    if (r.ms.lint !== undefined) {
      figures.push(figure(`lint ${N}: kdsl lint`, r.ms.lint, "ms"));
      figures.push(figure(`lint ${N}: kdsl lint ÷ kdsl build`, r.ratio("lint", "kdsl"), "×", r.n === 1000 ? 1.5 : null));
    }
    figures.push(figure(`peak RSS ${N}: kdsl`, r.rss.kdsl!, "MiB"));
    figures.push(figure(`peak RSS ${N}: json floor`, r.rss.json!, "MiB"));
    figures.push(figure(`peak RSS ${N}: yaml baseline`, r.rss.yaml!, "MiB"));
  }
  const at = (n: number): SizeResult | undefined => results.find((r) => r.n === n);
  const r10 = at(10);
  const r1k = at(1000);
  const r5k = at(5000);
  if (r1k && r5k) {
    figures.push(figure("linearity: kdsl ms/service at N=5,000 ÷ at N=1,000", r5k.ms.kdsl! / 5000 / (r1k.ms.kdsl! / 1000), "×", 1.5));
    if (r10) {
      const late = (r5k.ms.kdsl! - r1k.ms.kdsl!) / 4000;
      const early = (r1k.ms.kdsl! - r10.ms.kdsl!) / 990;
      figures.push(figure("linearity: kdsl marginal ms/service 1,000→5,000 ÷ 10→1,000", late / early, "×", 1.5));
    }
  }
  const largest = results.at(-1)!;
  figures.push(figure(`peak RSS N=${fmt(largest.n)}: kdsl ÷ yaml baseline`, largest.ratio("kdsl", "yaml", "rss"), "×", 1.0));
  return figures;
}

function printTable(figures: readonly Figure[], results: readonly SizeResult[]): void {
  const rows = figures.map((f) => [f.name, `${f.value}${f.unit === "×" ? "×" : " " + f.unit}`, f.budget === null ? "" : `≤ ${f.budget}${f.unit === "×" ? "×" : " " + f.unit}`, f.budget === null ? "" : f.ok ? "ok" : "OVER"]);
  const head = ["figure", "value", "budget", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  console.log();
  console.log(`kdsl build, cold, whole process (median of ${results.map((r) => `${r.runs} at N=${r.n.toLocaleString("en-US")}`).join(", ")})`);
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  const over = figures.filter((f) => !f.ok);
  console.log();
  console.log(over.length === 0 ? "every budget met" : `${over.length} budget(s) missed: ${over.map((f) => f.name).join("; ")}`);
}

function main(): number {
  ensureCli();
  const work = mkdtempSync(path.join(tmpdir(), "kdsl-bench-"));
  try {
    const results = SIZES.map(({ n, runs }) => benchSize(n, runs, work));
    const figures = figuresOf(results);
    if (asJson) console.log(JSON.stringify(figures, null, 2));
    else printTable(figures, results);
    return args.has("--check") && figures.some((f) => !f.ok) ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(`bench: ${(e as Error).message}`);
  process.exitCode = 1;
}

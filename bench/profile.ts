// Where a kdsl build's time goes, stage by stage, in-process.
//
//   node --import tsx bench/profile.ts [N] [--cpu] [--top K]
//
// Generates the N-service bench app (default 1,000; see generate.ts), then runs the stages of
// compiler/src/api.ts build() one by one (loadProgram = read + lex + parse, analyse, evaluate,
// lower, then the backend as `kdsl build` runs it: toKubernetesYaml = object builders, schema
// validation and the YAML writer, one object at a time), timing each; twice: the first run is
// cold (as in `kdsl build`, JIT and lazy set-up included), the second warm. A warm
// validateObjects alone is timed too, to split the backend. Each stage shows wall time and, on
// Linux, the main thread's CPU time (/proc/thread-self/schedstat): on a loaded machine the
// second moves much less than the first, and background threads (V8's optimizing compiler and
// garbage collector helpers) are left out of it.
//
// The stages run from an esbuild bundle of the compiler made the way scripts/build.mjs makes the
// CLI's, not from source through tsx: tsx compiles with keepNames, which wraps every function
// expression in a `__name(...)` call (an Object.defineProperty per closure created), and the
// parser's per-rule closures then cost several times what they cost in the CLI.
//
// --cpu: also samples the cold run with the V8 CPU profiler and prints the source modules (from
// the bundle's `// path` markers) and the functions with the most self time (top K, default 25).
import { readFileSync, readdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { Session } from "node:inspector";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { TOKEN_ENV, TOKEN_VALUE, writeApp } from "./generate.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const argv = process.argv.slice(2);
const cpu = argv.includes("--cpu");
const topIndex = argv.indexOf("--top");
const top = topIndex >= 0 ? Number(argv[topIndex + 1]) : 25;
const positional = argv.filter((a, i) => !a.startsWith("--") && (topIndex < 0 || i !== topIndex + 1));
const n = Number(positional[0] ?? "1000");
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(top)) {
  console.error("usage: node --import tsx bench/profile.ts [N] [--cpu] [--top K]");
  process.exit(2);
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const mib = (): number => process.memoryUsage().heapUsed / 1048576;
/** The main thread's CPU time in ms, where Linux tells it; NaN elsewhere. */
const cpuNow = (): number => {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
  } catch {
    return NaN;
  }
};

type Stages = typeof import("../compiler/src/program.ts") &
  typeof import("../compiler/src/semantics/analyse.ts") &
  typeof import("../compiler/src/evaluate/evaluate.ts") &
  typeof import("../compiler/src/ir/lower.ts") &
  typeof import("../compiler/src/backends/k8s/index.ts") &
  typeof import("../compiler/src/backends/k8s/validate.ts");
type Host = import("../compiler/src/host.ts").Host;

const work = mkdtempSync(path.join(tmpdir(), "kdsl-profile-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

/** Bundles the stage functions like the CLI (esbuild, ESM, node20, not minified) into work/. */
async function bundleStages(): Promise<string> {
  const { build } = await import("esbuild");
  const outfile = path.join(work, "stages.mjs");
  await build({
    stdin: {
      contents: [
        `export { loadProgram } from "./compiler/src/program.ts";`,
        `export { analyse } from "./compiler/src/semantics/analyse.ts";`,
        `export { evaluate } from "./compiler/src/evaluate/evaluate.ts";`,
        `export { lower } from "./compiler/src/ir/lower.ts";`,
        `export { toKubernetes, toKubernetesYaml } from "./compiler/src/backends/k8s/index.ts";`,
        `export { validateObjects } from "./compiler/src/backends/k8s/validate.ts";`,
      ].join("\n"),
      resolveDir: ROOT,
      sourcefile: "bench-stages.ts",
      loader: "ts",
    },
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    legalComments: "none",
    logLevel: "warning",
    banner: { js: "import { createRequire as __kdslCreateRequire } from 'node:module'; const require = __kdslCreateRequire(import.meta.url);" },
  });
  return outfile;
}

const bundle = await bundleStages();
let t = now();
const { loadProgram, analyse, evaluate, lower, toKubernetes, toKubernetesYaml, validateObjects } = (await import(pathToFileURL(bundle).href)) as Stages;
const importMs = now() - t;

/** A plain file-system host (the CLI's fs-host.ts, minus strict decoding). */
const host: Host = {
  readFile(p) {
    const r = this.readBytes(p);
    return "bytes" in r ? { text: new TextDecoder().decode(r.bytes) } : r;
  },
  readBytes(p) {
    try {
      return { bytes: readFileSync(p) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === "ENOENT" ? { error: "not-found" } : code === "EISDIR" ? { error: "is-directory" } : { error: "unreadable", detail: code };
    }
  },
  listKdslFiles(dir) {
    try {
      if (!statSync(dir).isDirectory()) return undefined;
    } catch {
      return undefined;
    }
    return readdirSync(dir).filter((f) => f.endsWith(".kdsl")).sort().map((f) => path.posix.join(dir, f));
  },
  readStdlib(p) {
    try {
      return readFileSync(path.join(ROOT, "stdlib", p), "utf8");
    } catch {
      return undefined;
    }
  },
  getEnv: (name) => (name === TOKEN_ENV ? TOKEN_VALUE : process.env[name]),
};

interface Stage {
  readonly name: string;
  readonly ms: number;
  readonly cpuMs: number;
  readonly heapMiB: number;
}

function runPipeline(dir: string): { stages: Stage[]; bytes: number; objects: number } {
  const stages: Stage[] = [];
  const time = <T>(name: string, f: () => T): T => {
    const start = now();
    const cpu = cpuNow();
    const r = f();
    stages.push({ name, ms: now() - start, cpuMs: cpuNow() - cpu, heapMiB: mib() });
    return r;
  };
  const program = time("loadProgram (read, lex, parse)", () => loadProgram(host, dir));
  if (program.fatal) throw new Error(program.fatal);
  const analysis = time("analyse", () => analyse(program));
  const evaluated = time("evaluate", () => evaluate(analysis, []));
  const lowered = time("lower", () => lower(analysis, evaluated.decls, host, { secrets: "inline", profiles: [], root: program.root }));
  const k8s = time("toKubernetesYaml (build, validate, write)", () => {
    const out = toKubernetesYaml(lowered.app);
    return { diagnostics: out.diagnostics, count: out.count, bytes: out.parts().reduce((n, p) => n + p.length, 0) };
  });
  const errors = [...program.diagnostics, ...analysis.diagnostics, ...evaluated.diagnostics, ...lowered.diagnostics, ...k8s.diagnostics].filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`the bench app has errors: ${errors[0]!.message}`);
  return { stages, bytes: k8s.bytes, objects: k8s.count };
}

// ---- CPU profile: self time by function and by module ----

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
}

/** Bundle line → source module, from the `// compiler/src/...` markers esbuild puts before each module. */
function moduleMarkers(file: string): { line: number; module: string }[] {
  const markers: { line: number; module: string }[] = [];
  readFileSync(file, "utf8").split("\n").forEach((text, line) => {
    const m = /^\/\/ (\S+\.(?:ts|js|mjs|cjs))$/.exec(text);
    if (m) markers.push({ line, module: m[1]! });
  });
  return markers;
}

function shortModule(p: string): string {
  const nm = p.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = p.slice(nm + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  return p.replace(/^compiler\/src\//, "");
}

function moduleOf(url: string, line: number, markers: readonly { line: number; module: string }[]): string {
  if (url === "") return "(native, gc)";
  if (url.startsWith("node:")) return "node internals";
  // This file's own share is mostly Profiler.stop building the profile, inside post()'s callback.
  if (url !== pathToFileURL(bundle).href) return `${url.replace(/^file:\/\//, "").replace(ROOT + "/", "")} (the profiler itself)`;
  let lo = 0;
  let hi = markers.length - 1;
  let found = "(bundle prologue)";
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid]!.line <= line) {
      found = shortModule(markers[mid]!.module);
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function printCpu(profile: CpuProfile): void {
  const markers = moduleMarkers(bundle);
  const total = profile.nodes.reduce((s, x) => s + (x.hitCount ?? 0), 0);
  const msPerHit = (profile.endTime - profile.startTime) / 1000 / Math.max(1, total);
  const byFn = new Map<string, number>();
  const byModule = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = moduleOf(url, lineNumber, markers);
    const fn = `${functionName || "(anonymous)"}  ${where}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits);
    byModule.set(where, (byModule.get(where) ?? 0) + hits);
  }
  const show = (title: string, m: Map<string, number>, k: number): void => {
    console.log(`\n${title}`);
    for (const [name, hits] of [...m].sort((a, b) => b[1] - a[1]).slice(0, k)) {
      console.log(`  ${(hits * msPerHit).toFixed(1).padStart(8)} ms  ${((100 * hits) / total).toFixed(1).padStart(5)}%  ${name}`);
    }
  };
  show(`cold run, self time by module (${(total * msPerHit).toFixed(0)} ms sampled)`, byModule, 20);
  show(`cold run, self time by function (top ${top})`, byFn, top);
}

// ---- main ----

{
  const dir = path.join(work, "app");
  writeApp(dir, n);
  const appBytes = statSync(path.join(dir, "app.kdsl")).size;

  let session: Session | undefined;
  if (cpu) {
    session = new Session();
    session.connect();
    await post(session, "Profiler.enable");
    await post(session, "Profiler.setSamplingInterval", { interval: 200 });
    await post(session, "Profiler.start");
  }
  const cold = runPipeline(dir);
  let profile: CpuProfile | undefined;
  if (session) {
    profile = (await post<{ profile: CpuProfile }>(session, "Profiler.stop")).profile;
    session.disconnect();
  }
  const warm = runPipeline(dir);

  // validateObjects alone, warm, on a third run's objects.
  const program = loadProgram(host, dir);
  const analysis = analyse(program);
  const evaluated = evaluate(analysis, []);
  const lowered = lower(analysis, evaluated.decls, host, { secrets: "inline", profiles: [], root: program.root });
  const objects = toKubernetes(lowered.app).objects;
  t = now();
  validateObjects(objects, []);
  const validateMs = now() - t;

  const coldTotal = cold.stages.reduce((s, x) => s + x.ms, 0);
  const warmTotal = warm.stages.reduce((s, x) => s + x.ms, 0);
  console.log(`kdsl build stages, N = ${n.toLocaleString("en-US")} services (app.kdsl ${(appBytes / 1048576).toFixed(2)} MiB → ${cold.objects} objects, ${(cold.bytes / 1048576).toFixed(2)} MiB of YAML)`);
  console.log(`compiler bundle imported in ${importMs.toFixed(0)} ms\n`);
  const w = Math.max(...cold.stages.map((s) => s.name.length));
  const coldCpu = cold.stages.reduce((s, x) => s + x.cpuMs, 0);
  const warmCpu = warm.stages.reduce((s, x) => s + x.cpuMs, 0);
  const fmt = (x: number): string => (Number.isNaN(x) ? "-" : x.toFixed(1)).padStart(9);
  console.log(`${"stage".padEnd(w)}  ${"cold ms".padStart(9)}  ${"cold cpu".padStart(9)}  ${"%".padStart(5)}  ${"warm ms".padStart(9)}  ${"warm cpu".padStart(9)}  ${"µs/svc".padStart(7)}  heap after`);
  cold.stages.forEach((s, i) => {
    const ws = warm.stages[i]!;
    console.log(`${s.name.padEnd(w)}  ${fmt(s.ms)}  ${fmt(s.cpuMs)}  ${((100 * s.ms) / coldTotal).toFixed(1).padStart(5)}  ${fmt(ws.ms)}  ${fmt(ws.cpuMs)}  ${((1000 * s.ms) / n).toFixed(0).padStart(7)}  ${s.heapMiB.toFixed(0)} MiB`);
  });
  console.log(`${"total".padEnd(w)}  ${fmt(coldTotal)}  ${fmt(coldCpu)}  ${"100".padStart(5)}  ${fmt(warmTotal)}  ${fmt(warmCpu)}  ${((1000 * coldTotal) / n).toFixed(0).padStart(7)}`);
  console.log(`${"  of which validateObjects (warm)".padEnd(w)}  ${"".padStart(9)}  ${"".padStart(9)}  ${"".padStart(5)}  ${fmt(validateMs)}`);
  if (profile) printCpu(profile);
}

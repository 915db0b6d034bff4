// Fuzzing: random token-sized mutations of every example and stdlib file go through `build` and the
// formatter. Whatever the input: no throw, no hang, every diagnostic catalogued and positioned
// inside its file, no YAML beside an error, and formatting reaches a fixed point in one step.
// Deterministic (seed printed on failure); KDSL_FUZZ_ITERATIONS=20000 for a soak run,
// KDSL_FUZZ_SEED to vary the inputs, KDSL_FUZZ_CASE=N to rerun a single case.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Worker } from "node:worker_threads";
import { CALL_BOUND_MS, fuzzSettings, loadCorpus, makeCase, MUTATIONS } from "./fuzz-core.ts";
import type { FuzzMessage } from "./fuzz-worker.ts";

const settings = fuzzSettings();
/** A case runs build and two formats; past this, it is a hang and the worker is stopped. */
const CASE_WATCHDOG_MS = 3 * CALL_BOUND_MS + 2000;
/** Workers do not inherit tsx's loader, so the worker loads its TypeScript module through tsx's API. */
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => m.tsImport(${JSON.stringify(new URL("./fuzz-worker.ts", import.meta.url).href)}, ${JSON.stringify(import.meta.url)}));`;

interface Outcome {
  readonly failures: Extract<FuzzMessage, { type: "fail" }>[];
  readonly hung?: number;
  readonly crashed?: string;
  readonly ran: number;
}

/** Runs cases on one worker thread, stopping it if a case outlives the watchdog. */
function runOnWorker(cases: number[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { seed: settings.seed, cases } });
    const failures: Extract<FuzzMessage, { type: "fail" }>[] = [];
    let current: number | undefined;
    let ran = 0;
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (o: Omit<Outcome, "failures" | "ran">) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve({ failures, ran, ...o });
    };
    const arm = () => {
      clearTimeout(timer);
      // The first case also pays for loading the compiler and the Kubernetes schemas.
      timer = setTimeout(() => finish({ hung: current ?? -1 }), CASE_WATCHDOG_MS + (ran === 0 ? 15000 : 0));
    };
    arm();
    worker.on("message", (m: FuzzMessage) => {
      if (m.type === "begin") {
        current = m.i;
        ran++;
        arm();
      } else if (m.type === "fail") failures.push(m);
      else finish({});
    });
    worker.on("error", (e) => finish({ crashed: `case ${current}: ${e?.stack ?? e}` }));
    worker.on("exit", (code) => finish(code === 0 ? {} : { crashed: `worker exited with ${code} during case ${current}` }));
  });
}

function report(o: Outcome): string {
  const lines = [`fuzz seed ${settings.seed}: ${o.failures.length} failing case(s) of ${o.ran}`];
  if (o.hung !== undefined) lines.push(`case ${o.hung} did not finish within ${CASE_WATCHDOG_MS} ms (a hang)`);
  if (o.crashed) lines.push(`worker crashed: ${o.crashed}`);
  for (const [k, f] of o.failures.slice(0, 10).entries()) {
    lines.push(`--- case ${f.i}: ${f.target} mutated by ${f.applied.join(", ")}; build(${f.entry})`);
    lines.push(...f.problems.slice(0, 6).map((p) => "  " + p));
    if (k === 0) lines.push(`  mutant: ${JSON.stringify(f.mutant.length > 2000 ? f.mutant.slice(0, 2000) + "…" : f.mutant)}`);
  }
  const first = o.failures[0]?.i ?? o.hung;
  if (first !== undefined) lines.push(`\nreproduce: KDSL_FUZZ_SEED=${settings.seed} KDSL_FUZZ_CASE=${first} node --import tsx test/robustness/fuzz.test.ts`);
  return lines.join("\n");
}

test("the generator is deterministic: the same seed and case give the same mutant", () => {
  const corpus = loadCorpus();
  for (const i of [0, 1, 17, 123]) assert.equal(makeCase(corpus, settings.seed, i), makeCase(corpus, settings.seed, i));
  const distinct = new Set(Array.from({ length: 20 }, (_, i) => makeCase(corpus, settings.seed, i).mutant));
  assert.ok(distinct.size >= 15, "mutants should differ from case to case");
});

test("every mutation changes some input and keeps it a string", () => {
  const corpus = loadCorpus();
  const text = Object.values(corpus.examples)[0]!;
  const others = Object.values(corpus.stdlib);
  for (const [name, m] of Object.entries(MUTATIONS)) {
    let changed = 0;
    for (let k = 0; k < 20; k++) {
      let s = 12345 + k;
      const r = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
      const out = m(r, text, others);
      assert.type(out, "string");
      if (out !== text) changed++;
    }
    assert.ok(changed > 0, `mutation ${name} never changed the input`);
  }
});

test(`build and format survive mutated examples and stdlib (seed ${settings.seed})`, async () => {
  const all = settings.only !== undefined ? [settings.only] : Array.from({ length: settings.iterations }, (_, i) => i);
  // Two workers on two cores: even and odd cases.
  const shards = settings.only !== undefined || all.length < 50 ? [all] : [all.filter((i) => i % 2 === 0), all.filter((i) => i % 2 === 1)];
  const t0 = performance.now();
  const outcomes = await Promise.all(shards.map(runOnWorker));
  const merged: Outcome = {
    failures: outcomes.flatMap((o) => o.failures).sort((a, b) => a.i - b.i),
    ran: outcomes.reduce((n, o) => n + o.ran, 0),
    ...(outcomes.find((o) => o.hung !== undefined) ? { hung: outcomes.find((o) => o.hung !== undefined)!.hung! } : {}),
    ...(outcomes.find((o) => o.crashed) ? { crashed: outcomes.find((o) => o.crashed)!.crashed! } : {}),
  };
  const ok = merged.failures.length === 0 && merged.hung === undefined && !merged.crashed;
  if (!ok) assert.unreachable(report(merged));
  assert.is(merged.ran, all.length, "every case ran");
  if (process.env["KDSL_FUZZ_VERBOSE"]) console.log(`fuzz: ${merged.ran} cases, seed ${settings.seed}, ${(performance.now() - t0).toFixed(0)} ms`);
});

test.run();

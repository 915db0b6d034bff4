// Runs fuzz cases off the main thread, so that the test can stop a case that hangs and say which
// one it was. Reports each case before running it, every failure, and a summary at the end.
import { parentPort, workerData } from "node:worker_threads";
import { loadCorpus, makeCase, runCase } from "./fuzz-core.ts";

export type FuzzMessage =
  | { readonly type: "begin"; readonly i: number }
  | { readonly type: "fail"; readonly i: number; readonly target: string; readonly applied: readonly string[]; readonly entry: string; readonly mutant: string; readonly problems: readonly string[] }
  | { readonly type: "done"; readonly cases: number };

const { seed, cases } = workerData as { seed: number; cases: readonly number[] };
const post = (m: FuzzMessage) => parentPort!.postMessage(m);
const corpus = loadCorpus();
for (const i of cases) {
  post({ type: "begin", i });
  const c = makeCase(corpus, seed, i);
  const problems = runCase(c);
  if (problems.length) post({ type: "fail", i, target: c.target, applied: c.applied, entry: c.entry, mutant: c.mutant, problems });
}
post({ type: "done", cases: cases.length });

// The start order at scale (`build --target runtime`): stages come from a linear topological sort
// and cycles from an iterative search, so a generated app with tens of thousands of workloads in
// one chain builds in about a second (it took minutes when every stage rescanned every workload)
// and one in a ring is reported, with its path cut short, rather than overflowing the stack.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

function run(src: string) {
  return build(memoryHost({ "app.kdsl": src }, stdlibFiles()), "app.kdsl", { target: "runtime" });
}
const errors = (r: ReturnType<typeof run>) => r.diagnostics.filter((d) => d.severity === "error");

/** `n` jobs `j0`…, each `after` the one before; in a ring the first is also `after` the last. */
function jobs(n: number, ring: boolean): string {
  const parts = ["app big\n"];
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? `j${i - 1}` : ring ? `j${n - 1}` : undefined;
    parts.push(`job j${i} {\n  image = "ghcr.io/example/tools:1.0.0"\n  run = "true"\n${prev ? `  after [${prev}]\n` : ""}}\n`);
  }
  return parts.join("\n");
}

test("a chain of 20,000 jobs: 20,000 stages in sequence, built in well under a few seconds", () => {
  const src = jobs(20_000, false);
  const start = performance.now();
  const r = run(src);
  const ms = performance.now() - start;
  assert.equal(errors(r).map(renderPlain), []);
  const order = r.plan!.order;
  assert.is(order.length, 20_000);
  assert.ok(order.every((stage, i) => stage.length === 1 && stage[0] === `j${i}`), "one job per stage, in chain order");
  assert.ok(ms < 5_000, `built in ${Math.round(ms)} ms (about one second expected)`);
});

test("a ring of 20,000 jobs: one KD6001 at the first, its path cut to the first few names", () => {
  const r = run(jobs(20_000, true));
  const errs = errors(r);
  assert.equal(errs.map((d) => d.code), ["KD6001"]);
  assert.is(r.plan, undefined);
  const message = errs[0]!.message;
  assert.ok(message.endsWith(": `j0` → `j19999` → `j19998` → `j19997` → `j19996` → `j19995` → `j19994` → `j19993` → … and 19992 more → `j0`"), message);
  assert.ok(message.length < 300, `${message.length} characters`);
  assert.ok(renderPlain(errs[0]!).startsWith("app.kdsl:3:"), "reported at `j0`, the first declared workload on the cycle");
});

test("a cycle of up to 8 workloads prints in full; from 9 the rest is counted", () => {
  const path = (r: ReturnType<typeof run>) => errors(r)[0]!.message.split(": ").at(-1);
  assert.is(path(run(jobs(8, true))), "`j0` → `j7` → `j6` → `j5` → `j4` → `j3` → `j2` → `j1` → `j0`");
  assert.is(path(run(jobs(9, true))), "`j0` → `j8` → `j7` → `j6` → `j5` → `j4` → `j3` → `j2` → … and 1 more → `j0`");
});

test("a diamond: stages as before, each in declaration order, duplicate `after` names counted once", () => {
  const service = (name: string, uses: string[]) =>
    `service ${name} {\n  image = "ghcr.io/example/${name}:1.0.0"\n  run = "node ${name}.js"\n  port http 8080\n${uses.length ? `  uses [${uses.join(", ")}]\n` : ""}}\n`;
  const diamond = ["app shop\n", service("top", ["right", "left"]), service("right", ["base"]), service("left", ["base"]), service("base", []),
    `job seed {\n  image = "ghcr.io/example/tools:1.0.0"\n  run = "true"\n  after [base, base, left]\n}\n`].join("\n");
  const r = run(diamond);
  assert.equal(errors(r).map(renderPlain), []);
  assert.equal(r.plan!.order, [["base"], ["right", "left"], ["top", "seed"]]);
});

test.run();

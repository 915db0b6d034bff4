// The code a finding's help suggests must be kdsl that compiles: no-resource-limits' hint
// (`resources { cpu = ...; memory = ... }`) used to join the members with a comma, which does not
// parse. The suggested block is pasted into the workload it is about, and the project must then
// build with no diagnostic and no finding of the rule.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lint } from "../../compiler/src/lint/index.ts";
import { hostFor } from "./fixtures.ts";

const ENTRY = "test/lint/resource-hint/app.kdsl";

/** An app whose `api` service has `resources` as given (nothing: none at all). */
const APP = (resources: string) => `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
${resources ? `  ${resources}\n` : ""}}
`;

/** Build and every diagnostic, with only this rule run. */
function findings(text: string) {
  return lint(hostFor(ENTRY, text), ENTRY, { only: ["no-resource-limits"] }).diagnostics;
}

/** The `resources { ... }` code in a finding's help. */
function suggested(hints: readonly string[] | undefined): string {
  const code = /`(resources \{[^`]*\})`/.exec((hints ?? []).join("\n"))?.[1];
  assert.ok(code, `a resources block in the help: ${hints}`);
  return code!;
}

test("no-resource-limits: the suggested `resources { ... }`, pasted in, compiles and satisfies the rule", () => {
  const before = findings(APP(""));
  assert.equal(before.map((d) => d.code), ["no-resource-limits"], JSON.stringify(before, null, 2));
  const code = suggested(before[0]!.hints);
  assert.is(code, "resources { cpu = 100m to 500m; memory = 128Mi to 256Mi }");
  const after = findings(APP(code));
  assert.equal(after, [], JSON.stringify(after, null, 2));
});

test("no-resource-limits: a hint for one missing resource compiles too", () => {
  const before = findings(APP("resources { cpu = 100m to 500m }"));
  assert.equal(before.map((d) => d.code), ["no-resource-limits"], JSON.stringify(before, null, 2));
  const code = suggested(before[0]!.hints);
  assert.is(code, "resources { memory = 128Mi to 256Mi }");
  const after = findings(APP(code));
  // Only memory now: the rule asks for cpu, and nothing else is wrong (no syntax error).
  assert.equal(after.map((d) => [d.code, d.message]), [["no-resource-limits", "`api` sets no request or limit for `cpu`"]]);
});

test.run();

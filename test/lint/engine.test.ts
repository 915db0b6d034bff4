// The lint engine around the rules: kdsl.json (positions, the KD7xxx pages' examples), ignore
// globs, suppression scope, a crashing rule, and fixes that edit only the declaration at fault.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { memoryHost } from "../../compiler/src/host.ts";
import { lint } from "../../compiler/src/lint/index.ts";
import { parseLintConfig } from "../../compiler/src/lint/config.ts";
import { RULES } from "../../compiler/src/lint/registry.ts";
import { EXPLANATIONS } from "../../compiler/src/diagnostics/explanations.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";
import type { Rule } from "../../compiler/src/lint/rule.ts";
import { SINGLE_REPLICA_APP } from "./fixtures.ts";

const APP = SINGLE_REPLICA_APP;
const run = (files: Record<string, string>, entry = "p") => lint(memoryHost(files, stdlibFiles()), entry);
const codes = (files: Record<string, string>) => run(files).diagnostics.map((d) => `${d.code}@${d.span.file}:${d.span.line}`);

test("the KD7xxx pages' JSON examples: the bad one raises the code, the good one is accepted", () => {
  for (const code of ["KD7001", "KD7002", "KD7003"]) {
    const blocks = [...EXPLANATIONS[code]!.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    assert.ok(blocks.length >= 2, code);
    assert.ok(parseLintConfig("kdsl.json", blocks[0]!).diagnostics.some((d) => d.code === code), `${code}: bad example`);
    assert.equal(parseLintConfig("kdsl.json", blocks.at(-1)!).diagnostics.map(renderPlain), [], `${code}: good example`);
  }
});

test("kdsl.json without a lint section, or other sections, is fine; no file means defaults", () => {
  assert.equal(codes({ "p/app.kdsl": APP }), ["single-replica@p/app.kdsl:5"]);
  assert.equal(codes({ "p/app.kdsl": APP, "p/kdsl.json": '{ "other": { "x": 1 } }' }), ["single-replica@p/app.kdsl:5"]);
  const r = run({ "p/app.kdsl": APP, "p/kdsl.json": "[]" });
  assert.ok(r.configError);
  assert.equal(r.diagnostics.map((d) => d.code), ["KD7002"]);
});

test("rule options from kdsl.json reach the rule", () => {
  const cfg = JSON.stringify({ lint: { rules: { "single-replica": ["info", { minReplicas: 3 }] } } });
  const r = run({ "p/app.kdsl": APP.replace("replicas = 1", "replicas = 2"), "p/kdsl.json": cfg });
  assert.equal(r.diagnostics.map((d) => [d.code, d.severity, d.message]), [["single-replica", "info", "service `api` runs 2 replicas, fewer than 3"]]);
});

test("ignore globs drop findings in matching files, relative to the project root", () => {
  const files = { "p/app.kdsl": "app shop\n", "p/gen-api.kdsl": APP.replace("app shop\n", ""), "p/kdsl.json": '{ "lint": { "ignore": ["gen-*.kdsl"] } }' };
  assert.equal(codes(files), []);
  assert.equal(codes({ ...files, "p/kdsl.json": '{ "lint": { "ignore": ["other/**"] } }' }), ["single-replica@p/gen-api.kdsl:4"]);
});

test("suppression scope: the next line, the block below, the line it ends", () => {
  const above = APP.replace("  replicas = 1", "  // kdsl-ignore single-replica: one is enough\n  replicas = 1");
  assert.equal(codes({ "p/app.kdsl": above }), []);
  const block = APP.replace("service api {", "// kdsl-ignore single-replica: one is enough\n\nservice api {");
  assert.equal(codes({ "p/app.kdsl": block }), []);
  const trailing = APP.replace("  replicas = 1", "  replicas = 1 // kdsl-ignore single-replica: one is enough");
  assert.equal(codes({ "p/app.kdsl": trailing }), []);
  // On another line of the declaration's body it still covers the declaration's findings
  // (suppress.test.ts has the scope rule in full); in another declaration it covers nothing.
  const elsewhere = APP.replace("  image =", "  // kdsl-ignore single-replica: another line of the body\n  image =");
  assert.equal(codes({ "p/app.kdsl": elsewhere }), []);
  const other = APP + "\n// kdsl-ignore single-replica: another item\nprofile dev { api.replicas = 1 }\n";
  assert.equal(codes({ "p/app.kdsl": other }), ["single-replica@p/app.kdsl:5", "unused-suppression@p/app.kdsl:20"]);
  // Several ids in one comment: each is judged, so an unused id in a used suppression is reported
  // (fix-partial.kdsl under test/lint/unused-suppression/ shows its fix).
  const several = APP.replace("  replicas = 1", "  replicas = 1 // kdsl-ignore single-replica, no-latest-tag: dev only");
  assert.equal(codes({ "p/app.kdsl": several }), ["unused-suppression@p/app.kdsl:5"]);
});

test("suppressions of rules turned off are not unused; of unknown rules are, with a suggestion", () => {
  const sup = APP.replace("  replicas = 1", "  replicas = 1 // kdsl-ignore single-replica: one is enough");
  assert.equal(codes({ "p/app.kdsl": sup, "p/kdsl.json": '{ "lint": { "rules": { "single-replica": "off" } } }' }), []);
  const typo = APP.replace("  replicas = 1", "  replicas = 1 // kdsl-ignore single-replicas: one is enough");
  const r = run({ "p/app.kdsl": typo });
  const unused = r.diagnostics.find((d) => d.code === "unused-suppression")!;
  assert.match(unused.message, /names no rule `single-replicas`/);
  assert.ok(unused.hints?.some((h) => h.includes("single-replica")));
});

test("a rule that throws becomes KD7004 and the other rules still report", () => {
  const boom: Rule = { ...RULES[0]!, id: "zz-boom", check: () => { throw new Error("kaboom"); } };
  (RULES as Rule[]).push(boom);
  try {
    const r = run({ "p/app.kdsl": APP });
    assert.ok(r.diagnostics.some((d) => d.code === "KD7004" && d.message.includes("zz-boom") && d.message.includes("kaboom")));
    assert.ok(r.diagnostics.some((d) => d.code === "single-replica"));
  } finally {
    (RULES as Rule[]).pop();
  }
});

test("a project with build errors reports them and no findings", () => {
  const r = run({ "p/app.kdsl": APP.replace("replicas = 1", "replicas = one") });
  assert.ok(r.diagnostics.some((d) => d.severity === "error" && d.code.startsWith("KD")));
  assert.not.ok(r.diagnostics.some((d) => d.code === "single-replica"));
});

test.run();

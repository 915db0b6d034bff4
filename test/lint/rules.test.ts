// Every lint rule against its fixtures (test/lint/README.md): fail cases give the expected
// findings (golden, UPDATE_GOLDEN=1 rewrites), pass cases none, suppressed cases none and no
// complaint about the suppression, fix cases the expected text, idempotently and still building.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import type { Diagnostic } from "../../compiler/src/diagnostics/diagnostic.ts";
import { RULES } from "../../compiler/src/lint/registry.ts";
import { golden } from "../support/project.ts";
import { fixCase, fixtureRules, lintCase, loadCases } from "./fixtures.ts";

const META = new Set(["unused-suppression", "suppression-needs-reason"]);
const errorsOf = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === "error" && /^KD/.test(d.code));

for (const rule of RULES) {
  const cases = loadCases(rule.id);
  test(`${rule.id}: has fail, pass${META.has(rule.id) ? "" : ", suppressed"}${rule.fixable ? " and fix" : ""} fixtures`, () => {
    const kinds = new Set(cases.map((c) => c.kind));
    assert.ok(kinds.has("fail"), "a fail*.kdsl fixture");
    assert.ok(kinds.has("pass"), "a pass*.kdsl fixture");
    if (!META.has(rule.id)) assert.ok(kinds.has("suppressed"), "a suppressed*.kdsl fixture");
    if (rule.fixable) assert.ok(kinds.has("fix"), "a fix*.kdsl fixture with its fix*.fixed.kdsl");
  });
  for (const c of cases) {
    test(`${rule.id}/${c.name}`, () => {
      const r = lintCase(c);
      assert.is(r.fatal, undefined);
      assert.is(r.configError, false);
      assert.equal(errorsOf(r.diagnostics).map(renderPlain), [], "a lint fixture must build without errors");
      const mine = r.diagnostics.filter((d) => d.code === rule.id);
      if (c.kind === "fail") {
        assert.ok(mine.length > 0, `expected at least one ${rule.id} finding`);
        for (const d of mine) assert.is(d.span.file, c.entry, "findings point into the fixture");
        golden(c.expectedPath!, mine.map((d) => renderPlain(d) + (d.fixes?.length ? `  [fix: ${d.fixes[0]!.title}]` : "") + "\n").join(""));
      } else if (c.kind === "pass") {
        assert.equal(mine.map(renderPlain), [], `no ${rule.id} finding`);
      } else if (c.kind === "suppressed") {
        assert.ok(c.text.includes(`kdsl-ignore ${rule.id}`), `the fixture suppresses ${rule.id}`);
        assert.equal(mine.map(renderPlain), [], `${rule.id} is suppressed`);
        assert.equal(r.diagnostics.filter((d) => META.has(d.code)).map(renderPlain), [], "the suppression is used and has a reason");
      } else {
        assert.ok(mine.some((d) => d.fixes?.length), `a ${rule.id} finding with a fix`);
        const fixed = fixCase(c);
        assert.is(fixed.dropped, undefined);
        const out = fixed.files.get(c.entry) ?? c.text;
        golden(c.expectedPath!, out);
        assert.equal(errorsOf(fixed.result.diagnostics).map(renderPlain), [], "the fixed file builds");
        assert.not.ok(fixed.result.diagnostics.some((d) => d.code === rule.id && d.fixes?.length), "nothing left to fix");
        // Idempotent: fixing the fixed text changes nothing.
        const again = fixCase(c, readFileSync(c.expectedPath!, "utf8"));
        assert.is(again.applied, 0);
      }
    });
  }
}

test("every fixture directory is a registered rule", () => {
  const ids = new Set(RULES.map((r) => r.id));
  for (const dir of fixtureRules()) assert.ok(ids.has(dir), `test/lint/${dir}/ names no rule`);
});

test.run();

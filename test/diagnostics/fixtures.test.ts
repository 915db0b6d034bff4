// Golden test of the invalid-input fixtures: every fixture's diagnostics, as renderPlain prints
// them, equal its expected file (UPDATE_GOLDEN=1 rewrites them). Each fixture must give at least
// one error, every diagnostic a real position, and no build may throw or stop as a usage error.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { golden, repoRoot } from "../support/project.ts";
import { FIXTURE_DIR, GENERATED, loadFixtures, runFixture } from "./invalid-fixtures.ts";

const fixtures = loadFixtures();

test("there are enough fixtures", () => {
  assert.ok(fixtures.length >= 50, `only ${fixtures.length} fixtures`);
});

for (const fx of fixtures) {
  test(`invalid/${fx.name}`, () => {
    const run = runFixture(fx);
    assert.is(run.fatal, undefined, "a fixture is a project with problems, not an unreadable entry");
    assert.ok(run.diagnostics.some((d) => d.severity === "error"), "at least one error");
    for (const d of run.diagnostics) {
      assert.ok(d.span.line >= 1 && d.span.col >= 1, `real position: ${d.code} at ${d.span.line}:${d.span.col}`);
      assert.ok(d.span.endLine > d.span.line || (d.span.endLine === d.span.line && d.span.endCol >= d.span.col), `span ends after it starts: ${d.code}`);
      assert.ok(fx.files.has(d.span.file) || d.span.file.startsWith("stdlib/"), `${d.code} points into a file of the fixture (${d.span.file})`);
    }
    golden(fx.expectedPath, run.text);
  });
}

test("every expected file belongs to a fixture", () => {
  const dir = path.join(repoRoot, FIXTURE_DIR);
  const names = new Set(fixtures.map((f) => f.name));
  for (const f of readdirSync(dir)) {
    const name = f.replace(/\.(expected|options\.json)$/, "");
    if (name !== f) assert.ok(names.has(name), `${f} has no ${name}.kdsl`);
  }
  for (const name of Object.keys(GENERATED)) assert.not.ok(existsSync(path.join(dir, `${name}.kdsl`)), `${name} is generated; its .kdsl must not be committed too`);
});

test("a fixture build is deterministic", () => {
  const fx = fixtures.find((f) => f.name === "several-problems");
  assert.ok(fx);
  assert.is(runFixture(fx!).text, runFixture(fx!).text);
});

test.run();

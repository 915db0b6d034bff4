// `kdsl lint` and `kdsl build --check` as a real process: exit codes, formats, --fix (atomic,
// idempotent), --max-warnings, --list-rules, an invalid kdsl.json (exit 2 with a position).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crashSigns, describe, ensureBundle, kdsl, tempDir } from "../cli/run-cli.ts";
import { RULES } from "../../compiler/src/lint/registry.ts";
import { SINGLE_REPLICA_APP } from "./fixtures.ts";

const { dir: TMP, cleanup } = tempDir("kdsl-lint-");
test.before(() => ensureBundle());
test.after(() => cleanup());

// Clean for every rule but single-replica; CLEAN (two replicas) is clean for all.
const LINTY = SINGLE_REPLICA_APP;
const CLEAN = LINTY.replace("replicas = 1", "replicas = 2");

function project(name: string, files: Record<string, string>): string {
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, t] of Object.entries(files)) writeFileSync(join(dir, f), t);
  return dir;
}

test("clean project: exit 0", () => {
  const dir = project("clean", { "app.kdsl": CLEAN });
  const r = kdsl(["lint", dir]);
  assert.is(r.status, 0, describe(r));
  assert.match(r.stderr, /no problems/);
});

test("warnings: exit 0, or 1 past --max-warnings; errors from config: exit 1", () => {
  const dir = project("warn", { "app.kdsl": LINTY });
  let r = kdsl(["lint", dir]);
  assert.is(r.status, 0, describe(r));
  assert.match(r.stderr, /warning\[single-replica\]: service `api` runs 1 replica/);
  assert.match(r.stderr, /app\.kdsl:5:14/);
  r = kdsl(["lint", dir, "--max-warnings", "0"]);
  assert.is(r.status, 1, describe(r));
  r = kdsl(["lint", dir, "--max-warnings", "1"]);
  assert.is(r.status, 0, describe(r));
  writeFileSync(join(dir, "kdsl.json"), JSON.stringify({ lint: { rules: { "single-replica": "error" } } }));
  r = kdsl(["lint", dir]);
  assert.is(r.status, 1, describe(r));
  assert.match(r.stderr, /error\[single-replica\]/);
  writeFileSync(join(dir, "kdsl.json"), JSON.stringify({ lint: { rules: { "single-replica": "off" } } }));
  r = kdsl(["lint", dir, "--max-warnings", "0"]);
  assert.is(r.status, 0, describe(r));
});

test("--max-warnings says why it fails in every format: stderr, and an ::error:: line in github's", () => {
  const dir = project("maxwarn", { "app.kdsl": LINTY });
  for (const format of ["pretty", "json", "sarif", "github"]) {
    const r = kdsl(["lint", dir, "--format", format, "--max-warnings", "0"]);
    assert.is(r.status, 1, `${format}: ${describe(r)}`);
    assert.match(r.stderr, /^1 warning, more than --max-warnings 0$/m, format);
    // stdout stays machine-readable.
    if (format === "json") assert.is(JSON.parse(r.stdout).length, 1);
    if (format === "sarif") assert.is(JSON.parse(r.stdout).runs[0].results.length, 1);
    if (format === "github") assert.match(r.stdout, /^::error title=kdsl lint::1 warning, more than --max-warnings 0$/m);
  }
  const r = kdsl(["lint", dir, "--format", "github", "--max-warnings", "1"]);
  assert.is(r.status, 0, describe(r));
  assert.not.match(r.stdout + r.stderr, /more than --max-warnings/);
});

test("invalid kdsl.json: exit 2 with a position in kdsl.json", () => {
  const dir = project("badconfig", { "app.kdsl": LINTY, "kdsl.json": '{\n  "lint": {\n    "rules": { "single-replicas": "off" }\n  }\n}\n' });
  let r = kdsl(["lint", dir]);
  assert.is(r.status, 2, describe(r));
  assert.match(r.stderr, /error\[KD7003\]: unknown lint rule `single-replicas`/);
  assert.match(r.stderr, /kdsl\.json:3:16/);
  assert.match(r.stderr, /did you mean `single-replica`/);
  writeFileSync(join(dir, "kdsl.json"), '{ "lint": { "rules": { "single-replica": "loud" } } }');
  r = kdsl(["lint", dir]);
  assert.is(r.status, 2, describe(r));
  assert.match(r.stderr, /error\[KD7002\]: `lint\.rules\.single-replica` must be `off`, `info`, `warning` or `error`/);
  writeFileSync(join(dir, "kdsl.json"), '{ "lint": { } ');
  r = kdsl(["lint", dir]);
  assert.is(r.status, 2, describe(r));
  assert.match(r.stderr, /error\[KD7001\]: kdsl\.json is not valid JSON/);
});

test("usage errors: exit 2", () => {
  for (const args of [["lint"], ["lint", join(TMP, "nope")], ["lint", ".", "--format", "xml"], ["lint", ".", "--max-warnings", "x"], ["check", ".", "--fix"], ["build", ".", "--format", "sarif"]]) {
    const r = kdsl(args);
    assert.is(r.status, 2, `${args.join(" ")}: ${describe(r)}`);
    assert.equal(crashSigns(r.stderr), []);
  }
});

test("--fix applies fixes, is idempotent, and leaves a clean project", () => {
  const dir = project("fix", { "app.kdsl": LINTY.replace('  image = "ghcr.io/example/api:1.4.2"\n', '  image = "ghcr.io/example/api:1.4.2"\n  // kdsl-ignore no-latest-tag: not needed any more\n') });
  let r = kdsl(["lint", dir, "--fix"]);
  assert.is(r.status, 0, describe(r));
  assert.match(r.stderr, /fixed 2 problems in 1 file/);
  const fixed = readFileSync(join(dir, "app.kdsl"), "utf8");
  assert.is(fixed, CLEAN);
  r = kdsl(["lint", dir, "--fix"]);
  assert.is(r.status, 0, describe(r));
  assert.is(readFileSync(join(dir, "app.kdsl"), "utf8"), fixed);
  assert.match(r.stderr, /no problems/);
});

test("--format json, sarif and github", () => {
  const dir = project("formats", { "app.kdsl": LINTY });
  let r = kdsl(["lint", dir, "--format", "json"]);
  assert.is(r.status, 0, describe(r));
  const json = JSON.parse(r.stdout) as { code: string; line: number }[];
  assert.equal(json.map((d) => [d.code, d.line]), [["single-replica", 5]]);
  r = kdsl(["lint", dir, "--format", "sarif", "--docs-url", "https://example.com/docs/rules"], { cwd: TMP });
  const sarif = JSON.parse(r.stdout);
  assert.is(sarif.version, "2.1.0");
  assert.is(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, "formats/app.kdsl");
  assert.is(sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === "single-replica").helpUri, "https://example.com/docs/rules/single-replica.md");
  r = kdsl(["lint", "formats", "--format", "github"], { cwd: TMP });
  assert.is(r.stdout, "::warning file=formats/app.kdsl,line=5,col=14,endLine=5,endColumn=15,title=single-replica::service `api` runs 1 replica, fewer than 2 (help: set `replicas = 2` so that a drain or a crash leaves one running.)\n");
});

test("--list-rules: every rule, as text and JSON; explain prints a rule's page", () => {
  let r = kdsl(["lint", "--list-rules"]);
  assert.is(r.status, 0, describe(r));
  for (const rule of RULES) assert.match(r.stdout, new RegExp(`^${rule.id} `, "m"));
  r = kdsl(["lint", "--list-rules", "--format", "json"]);
  const listed = JSON.parse(r.stdout) as { id: string; category: string; severity: string; summary: string; docs: object }[];
  assert.equal(listed.map((x) => x.id), RULES.map((x) => x.id));
  for (const x of listed) assert.ok(x.category && x.severity && x.summary && x.docs);
  r = kdsl(["explain", "single-replica"]);
  assert.is(r.status, 0, describe(r));
  assert.match(r.stdout, /^# single-replica\n/);
});

test("build --check: 0 when the committed YAML is current, 1 with a diff when not", () => {
  const dir = project("buildcheck", { "app.kdsl": CLEAN });
  const out = join(TMP, "buildcheck-out");
  let r = kdsl(["build", dir, "--check", "-o", out]);
  assert.is(r.status, 1, describe(r));
  assert.match(r.stderr, /is missing/);
  r = kdsl(["build", dir, "-o", out]);
  assert.is(r.status, 0, describe(r));
  r = kdsl(["build", dir, "--check", "-o", out]);
  assert.is(r.status, 0, describe(r));
  writeFileSync(join(dir, "app.kdsl"), CLEAN.replace("replicas = 2", "replicas = 3"));
  r = kdsl(["build", dir, "--check", "-o", out]);
  assert.is(r.status, 1, describe(r));
  assert.match(r.stdout, /^-  replicas: 2\n\+  replicas: 3$/m);
  r = kdsl(["build", dir, "--check"]);
  assert.is(r.status, 2, describe(r));
});

test.run();

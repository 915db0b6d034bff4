// `kdsl fmt` through the real process: a directory stands for its project, so the local modules it
// `use`s (the files `kdsl build` reads, stdlib aside) are formatted and checked too, while a file
// argument is exactly that file; and the canonical form has no byte-order mark, whether or not
// anything else in the file changes.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, ensureBundle, kdsl, tempDir } from "./run-cli.ts";

const { dir: TMP, cleanup } = tempDir("kdsl-fmt-");
test.before(() => ensureBundle());
test.after(() => cleanup());

const APP = 'use "./lib/common"\n\napp shop\n';
const MODULE = 'service api {\n  image = "ghcr.io/example/api:1.0.0"\n}\n';
const MODULE_UNFORMATTED = 'service    api {\n    image = "ghcr.io/example/api:1.0.0"\n}\n';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

let caseNo = 0;
function project(files: Readonly<Record<string, string | Buffer>>): string {
  const dir = join(TMP, `case-${++caseNo}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test("fmt --check <project> covers a module the project `use`s; fmt <project> formats it", () => {
  const dir = project({ "app.kdsl": APP, "lib/common.kdsl": MODULE_UNFORMATTED, "lib/unused.kdsl": "app    nobody\n" });
  let r = kdsl(["build", "."], { cwd: dir });
  assert.is(r.status, 0, `the project builds\n${describe(r)}`);
  r = kdsl(["fmt", "--check", "."], { cwd: dir });
  assert.is(r.status, 1, describe(r));
  assert.is(r.stdout, "lib/common.kdsl: not formatted\n", "the module, and not lib/unused.kdsl, which no `use` reaches");
  r = kdsl(["fmt", dir]);
  assert.is(r.status, 0, describe(r));
  assert.is(r.stderr, `formatted ${dir}/lib/common.kdsl\n`);
  assert.is(readFileSync(join(dir, "lib/common.kdsl"), "utf8"), MODULE);
  assert.is(readFileSync(join(dir, "lib/unused.kdsl"), "utf8"), "app    nobody\n", "a file no `use` reaches is left alone");
  r = kdsl(["fmt", "--check", "."], { cwd: dir });
  assert.is(r.status, 0, describe(r));
});

test("fmt <file> formats exactly that file, not the modules it uses; a file reached twice is formatted once", () => {
  const dir = project({ "app.kdsl": "use \"./lib/common\"\n\napp   shop\n", "lib/common.kdsl": MODULE_UNFORMATTED });
  let r = kdsl(["fmt", "--check", "app.kdsl"], { cwd: dir });
  assert.is(r.status, 1, describe(r));
  assert.is(r.stdout, "app.kdsl: not formatted\n");
  r = kdsl(["fmt", "--check", "app.kdsl", ".", "lib/common.kdsl"], { cwd: dir });
  assert.is(r.stdout, "app.kdsl: not formatted\nlib/common.kdsl: not formatted\n", describe(r));
  r = kdsl(["fmt", "app.kdsl"], { cwd: dir });
  assert.is(r.status, 0, describe(r));
  assert.is(readFileSync(join(dir, "lib/common.kdsl"), "utf8"), MODULE_UNFORMATTED, "the module is not touched");
});

test("a syntax error in a used module is reported and the module left alone; the others are formatted", () => {
  const broken = 'service api {\n  image = \n';
  const dir = project({ "app.kdsl": "use \"./lib/common\"\n\napp   shop\n", "lib/common.kdsl": broken });
  const r = kdsl(["fmt", "."], { cwd: dir });
  assert.is(r.status, 1, describe(r));
  assert.match(r.stderr, /error\[KD1\d{3}\][^]*--> lib\/common\.kdsl:/, describe(r));
  assert.is(readFileSync(join(dir, "lib/common.kdsl"), "utf8"), broken);
  assert.is(readFileSync(join(dir, "app.kdsl"), "utf8"), APP);
});

test("byte-order mark: not canonical, whether the rest is formatted or not; fmt removes it (file and project paths)", () => {
  for (const entry of ["a.kdsl", "."]) {
    const dir = project({ "a.kdsl": Buffer.concat([BOM, Buffer.from("app x\n")]), "b.kdsl": Buffer.concat([BOM, Buffer.from(MODULE_UNFORMATTED)]) });
    const args = entry === "." ? ["."] : ["a.kdsl", "b.kdsl"];
    let r = kdsl(["fmt", "--check", ...args], { cwd: dir });
    assert.is(r.status, 1, describe(r));
    assert.is(r.stdout, "a.kdsl: not formatted\nb.kdsl: not formatted\n", "a BOM file that is otherwise formatted is not formatted either");
    r = kdsl(["fmt", ...args], { cwd: dir });
    assert.is(r.status, 0, describe(r));
    assert.is(r.stderr, "formatted a.kdsl\nformatted b.kdsl\n");
    assert.is(readFileSync(join(dir, "a.kdsl"), "utf8"), "app x\n", "the BOM is gone, the text as it was");
    assert.is(readFileSync(join(dir, "b.kdsl"), "utf8"), MODULE, "the BOM is gone and the layout canonical");
    r = kdsl(["fmt", "--check", ...args], { cwd: dir });
    assert.is(r.status, 0, `a fixed point\n${describe(r)}`);
  }
});

test.run();

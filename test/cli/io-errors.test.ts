// Files that are there but cannot be read or written, through the real `kdsl` process: an
// unreadable, dangling or directory `.kdsl` in a project stops build, check and lint with an I/O
// error (exit 2, nothing written) instead of being left out; fmt reports I/O problems the same
// way, never as an internal error, and leaves no temporary file; fmt and lint --fix write through
// symbolic links and keep each file's mode. Permission cases run the CLI as `nobody` when the
// tests run as root (root reads a chmod 000 file), and are skipped when that is not possible.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crashSigns, describe, ensureBundle, kdsl, ROOT, tempDir, type CliRun } from "./run-cli.ts";
import { shellCommand } from "../../cli/src/shell.ts";

const NUMBERS = readFileSync(join(ROOT, "examples/numbers/app.kdsl"), "utf8");
const EXTRA = 'service extra {\n  image = "ghcr.io/example/extra:1.0.0"\n}\n';
const { dir: TMP, cleanup } = tempDir("kdsl-io-");
test.before(() => {
  ensureBundle();
  chmodSync(TMP, 0o755); // `nobody` must reach the projects inside
});
test.after(() => {
  // chmod 000 directories would stop the cleanup.
  for (const f of readdirSync(TMP, { recursive: true, encoding: "utf8" })) {
    try {
      if (!lstatSync(join(TMP, f)).isSymbolicLink()) chmodSync(join(TMP, f), 0o777);
    } catch {
      /* inside a directory not yet opened up */
    }
  }
  cleanup();
});

const AS_ROOT = process.getuid?.() === 0;
/** Whether permissions can be tested: not root, or root that can run the CLI as `nobody`. */
const PERMISSIONS = !AS_ROOT || spawnSync("su", ["nobody", "-s", "/bin/sh", "-c", "true"]).status === 0;
/** A test that needs file permissions to bite: counted as skipped (not passed) where they cannot. */
const permissionTest = PERMISSIONS ? test : test.skip;

/** The CLI as a user file permissions apply to: `nobody` when the tests run as root. */
function kdslUser(args: readonly string[], cwd: string): CliRun {
  if (!AS_ROOT) return kdsl(args, { cwd });
  ensureBundle();
  const t0 = performance.now();
  const command = `cd ${shellCommand([cwd])} && exec ${shellCommand([process.execPath, join(ROOT, "cli/bin/kdsl.js"), ...args])}`;
  const r = spawnSync("su", ["nobody", "-s", "/bin/sh", "-c", command], { encoding: "utf8", timeout: 10_000, env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin" } });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms: performance.now() - t0, ...(r.error ? { error: r.error } : {}) };
}

let caseNo = 0;
/** A project directory any user may write in, with these files. */
function project(files: Readonly<Record<string, string>>): string {
  const dir = join(TMP, `case-${++caseNo}`);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Exit 2 with one `kdsl: ...` line matching `message`: no diagnostic, no crash, nothing on stdout. */
function expectIoError(r: CliRun, message: RegExp): void {
  const info = describe(r);
  assert.is(r.status, 2, info);
  assert.equal(crashSigns(r.stderr + r.stdout), [], info);
  assert.match(r.stderr, /^kdsl: /, info);
  assert.match(r.stderr, message, info);
  assert.not.match(r.stderr, /\[KD\d{4}\]/, `an I/O error is not a diagnostic\n${info}`);
  assert.is(r.stdout, "", info);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * build -o, check and lint of the project in `dir` all stop with `kdsl: <file>: cannot be read
 * (<why>)`, the file named as the project's path joins it, and build writes nothing.
 */
function expectProjectRefused(dir: string, file: string, why: string, run: (args: readonly string[], cwd: string) => CliRun = (a, cwd) => kdsl(a, { cwd })): void {
  const message = (at: string) => new RegExp(`^kdsl: ${escape(at)}: cannot be read \\(${escape(why)}\\)\n$`);
  mkdirSync(join(dir, "out"), { recursive: true });
  chmodSync(join(dir, "out"), 0o777);
  expectIoError(run(["build", ".", "-o", "out"], dir), message(file));
  assert.equal(readdirSync(join(dir, "out")), [], "build wrote nothing");
  expectIoError(run(["check", "."], dir), message(file));
  expectIoError(run(["lint", "."], dir), message(file));
  expectIoError(run(["build", dir], ROOT), message(`${dir}/${file}`));
}

// ---------------------------------------------------------------------------------------------
// build, check, lint: a project file that cannot be read is an I/O error, not a file left out

permissionTest("an unreadable .kdsl in the project (chmod 000): exit 2 `cannot be read (EACCES)`, no service left out", () => {
  const dir = project({ "app.kdsl": NUMBERS, "extra.kdsl": EXTRA });
  chmodSync(join(dir, "extra.kdsl"), 0o000);
  expectProjectRefused(dir, "extra.kdsl", "EACCES", kdslUser);
});

permissionTest("an unreadable app.kdsl: the I/O error, not KD2010 `no app declaration`", () => {
  const dir = project({ "app.kdsl": NUMBERS, "extra.kdsl": EXTRA });
  chmodSync(join(dir, "app.kdsl"), 0o000);
  expectProjectRefused(dir, "app.kdsl", "EACCES", kdslUser);
});

permissionTest("a project directory that cannot be listed: exit 2 with the directory's name", () => {
  const dir = project({});
  mkdirSync(join(dir, "p"));
  writeFileSync(join(dir, "p", "app.kdsl"), NUMBERS);
  chmodSync(join(dir, "p"), 0o000);
  for (const cmd of ["build", "check", "lint"]) expectIoError(kdslUser([cmd, "p"], dir), /^kdsl: p: cannot be read \(EACCES\)\n$/);
});

test("a broken symbolic link named x.kdsl in the project: exit 2, named as such", () => {
  const dir = project({ "app.kdsl": NUMBERS });
  symlinkSync("nowhere.kdsl", join(dir, "x.kdsl"));
  expectProjectRefused(dir, "x.kdsl", "a broken symbolic link");
});

test("a directory named sub.kdsl in the project: exit 2", () => {
  const dir = project({ "app.kdsl": NUMBERS });
  mkdirSync(join(dir, "sub.kdsl"));
  expectProjectRefused(dir, "sub.kdsl", "it is a directory");
});

// ---------------------------------------------------------------------------------------------
// fmt: I/O problems are exit 2 with the path, never "internal error"; no temporary files

const UNFORMATTED = "app   x\n";

permissionTest("fmt and fmt --check on an unreadable file and an unreadable directory: exit 2", () => {
  const dir = project({ "a.kdsl": UNFORMATTED, "b.kdsl": UNFORMATTED });
  chmodSync(join(dir, "b.kdsl"), 0o000);
  for (const check of [[], ["--check"]]) {
    expectIoError(kdslUser(["fmt", ...check, "b.kdsl"], dir), /^kdsl: b\.kdsl: cannot be read \(EACCES\)\n$/);
    expectIoError(kdslUser(["fmt", ...check, "."], dir), /^kdsl: b\.kdsl: cannot be read \(EACCES\)\n$/);
  }
  assert.is(readFileSync(join(dir, "a.kdsl"), "utf8"), UNFORMATTED, "every file is read before one is rewritten");
  mkdirSync(join(dir, "closed"));
  writeFileSync(join(dir, "closed", "c.kdsl"), UNFORMATTED);
  chmodSync(join(dir, "closed"), 0o000);
  for (const check of [[], ["--check"]]) expectIoError(kdslUser(["fmt", ...check, "closed"], dir), /^kdsl: closed: cannot be read \(EACCES\)\n$/);
});

permissionTest("fmt in a read-only directory: exit 2 `cannot be written`, the file as it was, no temporary file", () => {
  const dir = project({});
  const ro = join(dir, "ro");
  mkdirSync(ro);
  writeFileSync(join(ro, "a.kdsl"), UNFORMATTED);
  writeFileSync(join(ro, "ok.kdsl"), "app x\n");
  chmodSync(ro, 0o555);
  expectIoError(kdslUser(["fmt", "ro"], dir), /^kdsl: ro\/a\.kdsl: cannot be written \(EACCES\)\n$/);
  assert.is(readFileSync(join(ro, "a.kdsl"), "utf8"), UNFORMATTED);
  assert.equal(readdirSync(ro).sort(), ["a.kdsl", "ok.kdsl"], "no temporary files");
  // --check writes nothing, so a read-only directory is fine.
  const r = kdslUser(["fmt", "--check", "ro"], dir);
  assert.is(r.status, 1, describe(r));
  assert.is(r.stdout, "ro/a.kdsl: not formatted\n", describe(r));
});

test("fmt on a directory named sub.kdsl, a broken symbolic link, an empty directory: exit 2", () => {
  const dir = project({ "a.kdsl": UNFORMATTED });
  mkdirSync(join(dir, "sub.kdsl"));
  for (const check of [[], ["--check"]]) expectIoError(kdsl(["fmt", ...check, "."], { cwd: dir }), /^kdsl: sub\.kdsl: cannot be read \(it is a directory\)\n$/);
  assert.is(readFileSync(join(dir, "a.kdsl"), "utf8"), UNFORMATTED, "nothing rewritten");
  const links = project({});
  symlinkSync("gone.kdsl", join(links, "x.kdsl"));
  for (const check of [[], ["--check"]]) {
    expectIoError(kdsl(["fmt", ...check, "."], { cwd: links }), /^kdsl: x\.kdsl: cannot be read \(a broken symbolic link\)\n$/);
    expectIoError(kdsl(["fmt", ...check, "x.kdsl"], { cwd: links }), /^kdsl: x\.kdsl: cannot be read \(a broken symbolic link\)\n$/);
  }
  const empty = project({ "readme.txt": "not kdsl" });
  expectIoError(kdsl(["fmt", "."], { cwd: empty }), /^kdsl: no \.kdsl files in \.\n$/);
  expectIoError(kdsl(["fmt", "--check", empty]), /no \.kdsl files in /);
  for (const d of [dir, links, empty]) assert.ok(!readdirSync(d).some((f) => f.endsWith(".tmp")), `no temporary files in ${d}`);
});

// ---------------------------------------------------------------------------------------------
// fmt and lint --fix: symbolic links written through, modes kept

test("fmt writes through a symbolic link and keeps the file's mode (600, and 444 read-only)", () => {
  const dir = project({});
  mkdirSync(join(dir, "real"));
  writeFileSync(join(dir, "real", "a.kdsl"), UNFORMATTED);
  chmodSync(join(dir, "real", "a.kdsl"), 0o600);
  symlinkSync("real/a.kdsl", join(dir, "link.kdsl"));
  writeFileSync(join(dir, "ro.kdsl"), "app   y\n");
  chmodSync(join(dir, "ro.kdsl"), 0o444);
  const r = kdsl(["fmt", "link.kdsl", "ro.kdsl"], { cwd: dir });
  assert.is(r.status, 0, describe(r));
  assert.ok(lstatSync(join(dir, "link.kdsl")).isSymbolicLink(), "the link is still a link");
  assert.is(readlinkSync(join(dir, "link.kdsl")), "real/a.kdsl");
  assert.is(readFileSync(join(dir, "real", "a.kdsl"), "utf8"), "app x\n", "the link's target is formatted");
  assert.is(statSync(join(dir, "real", "a.kdsl")).mode & 0o777, 0o600);
  assert.is(readFileSync(join(dir, "ro.kdsl"), "utf8"), "app y\n");
  assert.is(statSync(join(dir, "ro.kdsl")).mode & 0o777, 0o444, "a read-only file stays read-only");
  assert.equal(readdirSync(join(dir, "real")), ["a.kdsl"], "no temporary files");
});

test("lint --fix writes through a symbolic link and keeps the file's mode", () => {
  const dir = project({});
  mkdirSync(join(dir, "real"));
  mkdirSync(join(dir, "proj"));
  const fixture = readFileSync(join(ROOT, "test/lint/no-anti-affinity/fix.kdsl"), "utf8");
  writeFileSync(join(dir, "real", "app.kdsl"), fixture);
  chmodSync(join(dir, "real", "app.kdsl"), 0o640);
  symlinkSync("../real/app.kdsl", join(dir, "proj", "app.kdsl"));
  const r = kdsl(["lint", "--fix", "proj"], { cwd: dir });
  assert.equal(crashSigns(r.stderr), [], describe(r));
  assert.match(r.stderr, /fixed \d+ problems? in 1 file/, describe(r));
  assert.ok(lstatSync(join(dir, "proj", "app.kdsl")).isSymbolicLink(), "the link is still a link");
  assert.is.not(readFileSync(join(dir, "real", "app.kdsl"), "utf8"), fixture, "the link's target is fixed");
  assert.is(statSync(join(dir, "real", "app.kdsl")).mode & 0o777, 0o640);
  assert.equal(readdirSync(join(dir, "real")), ["app.kdsl"], "no temporary files");
});

// ---------------------------------------------------------------------------------------------
// kdsl.json and `use`d modules: there but unreadable is an I/O error, not "no settings" or KD2007

permissionTest("an unreadable kdsl.json (chmod 000): exit 2 for build, check and lint, not a build without its settings", () => {
  const dir = project({ "app.kdsl": NUMBERS, "kdsl.json": '{ "namespace": "elsewhere" }\n' });
  chmodSync(join(dir, "kdsl.json"), 0o000);
  expectProjectRefused(dir, "kdsl.json", "EACCES", kdslUser);
});

test("kdsl.json as a broken symbolic link or a directory: exit 2; no kdsl.json at all is fine", () => {
  const dir = project({ "app.kdsl": NUMBERS });
  symlinkSync("nowhere.json", join(dir, "kdsl.json"));
  expectProjectRefused(dir, "kdsl.json", "a broken symbolic link");
  const sub = project({ "app.kdsl": NUMBERS });
  mkdirSync(join(sub, "kdsl.json"));
  expectProjectRefused(sub, "kdsl.json", "it is a directory");
  const none = project({ "app.kdsl": NUMBERS });
  for (const cmd of ["build", "check", "lint"]) {
    const r = kdsl([cmd, "."], { cwd: none });
    assert.ok(r.status === 0, `${cmd} without kdsl.json\n${describe(r)}`);
  }
});

permissionTest("an unreadable module reached by `use` (chmod 000): exit 2 `cannot be read (EACCES)`, not KD2007; fmt too", () => {
  // In lib/, so that it is read as a module, not as one of the project's own files.
  const dir = project({ "app.kdsl": `use "./lib/common"\n\n${NUMBERS}` });
  mkdirSync(join(dir, "lib"));
  writeFileSync(join(dir, "lib", "common.kdsl"), EXTRA);
  chmodSync(join(dir, "lib", "common.kdsl"), 0o000);
  expectProjectRefused(dir, "lib/common.kdsl", "EACCES", kdslUser);
  for (const check of [[], ["--check"]]) expectIoError(kdslUser(["fmt", ...check, "."], dir), /^kdsl: lib\/common\.kdsl: cannot be read \(EACCES\)\n$/);
  const links = project({ "app.kdsl": `use "./lib/gone"\n\n${NUMBERS}` });
  mkdirSync(join(links, "lib"));
  symlinkSync("nowhere.kdsl", join(links, "lib", "gone.kdsl"));
  expectProjectRefused(links, "lib/gone.kdsl", "a broken symbolic link");
  // A module that is simply not there stays KD2007.
  const missing = project({ "app.kdsl": `use "./lib/none"\n\n${NUMBERS}` });
  const r = kdsl(["check", "."], { cwd: missing });
  assert.is(r.status, 1, describe(r));
  assert.match(r.stderr, /error\[KD2007\]: cannot find module `\.\/lib\/none`/, describe(r));
});

test.run();

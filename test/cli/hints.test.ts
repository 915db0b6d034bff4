// Commands the CLI tells the user to run must work when pasted into a shell: `build --check`'s
// fix hint repeats the options that shape the output (--profile, --target, --secrets) and quotes
// paths with spaces; `init`'s next steps quote the directory.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, ensureBundle, kdsl, ROOT, tempDir } from "./run-cli.ts";
import { shellQuote } from "../../cli/src/shell.ts";

const { dir: TMP, cleanup } = tempDir("kdsl-hints-");
test.before(() => ensureBundle());
test.after(() => cleanup());

/** Runs a suggested `kdsl ...` command line in sh, with `kdsl` being this repository's CLI. */
function runSuggested(line: string, cwd: string) {
  assert.match(line, /^kdsl /);
  const bin = `${shellQuote(process.execPath)} ${shellQuote(join(ROOT, "cli/bin/kdsl.js"))}`;
  return spawnSync("sh", ["-c", bin + line.slice("kdsl".length)], { cwd, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } });
}

test("shellQuote: plain words as they are, anything else in single quotes", () => {
  assert.is(shellQuote("examples/numbers"), "examples/numbers");
  assert.is(shellQuote("--profile"), "--profile");
  assert.is(shellQuote("my app"), "'my app'");
  assert.is(shellQuote("it's"), "'it'\\''s'");
  assert.is(shellQuote("$HOME"), "'$HOME'");
  assert.is(shellQuote(""), "''");
});

test("build --check: the hint repeats --profile, --target and --secrets, quoted, and running it makes --check pass", () => {
  const proj = join(TMP, "my project");
  cpSync(join(ROOT, "examples/numbers"), proj, { recursive: true });
  const cases: string[][] = [
    ["--profile", "prod"],
    ["-p", "prod", "--target", "runtime"],
    ["--secrets", "reference", "--target", "kubernetes"],
    [],
  ];
  for (const [n, options] of cases.entries()) {
    const out = `out dir ${n}`; // each case compares with a directory of its own
    mkdirSync(join(TMP, out));
    const args = ["build", "my project", "--check", "-o", out, ...options];
    let r = kdsl(args, { cwd: TMP });
    assert.is(r.status, 1, describe(r));
    const hint = /run `([^`]+)` and commit the result/.exec(r.stderr)?.[1];
    assert.ok(hint, describe(r));
    for (const [i, o] of options.entries()) if (!o.startsWith("-")) assert.ok(hint!.includes(` ${o}`), `${hint} keeps ${options[i - 1]} ${o}`);
    assert.ok(hint!.includes("'my project'") && hint!.includes(`-o '${out}'`), hint);
    const s = runSuggested(hint!, TMP);
    assert.is(s.status, 0, `${hint}\n${s.stderr}`);
    r = kdsl(args, { cwd: TMP });
    assert.is(r.status, 0, `after running the hint, --check passes: ${hint}\n${describe(r)}`);
  }
});

test("init: the next steps quote a directory with spaces", () => {
  const r = kdsl(["init", "new app"], { cwd: TMP });
  assert.is(r.status, 0, describe(r));
  assert.match(r.stdout, /^ {2}cd 'new app'$/m);
  const plain = kdsl(["init", "plain"], { cwd: TMP });
  assert.match(plain.stdout, /^ {2}cd plain$/m);
});

test("build --check: output that differs only in CRLF line endings is said in one line, without a diff (exit 1)", () => {
  const proj = join(TMP, "crlf");
  cpSync(join(ROOT, "examples/numbers"), proj, { recursive: true });
  for (const [target, file] of [["kubernetes", "numbers.yaml"], ["runtime", "numbers.plan.json"]] as const) {
    let r = kdsl(["build", "crlf", "-o", "crlf/out", "--target", target], { cwd: TMP });
    assert.is(r.status, 0, describe(r));
    const lf = readFileSync(join(proj, "out", file), "utf8");
    writeFileSync(join(proj, "out", file), lf.replace(/\n/g, "\r\n")); // a Windows autocrlf checkout
    r = kdsl(["build", "crlf", "--check", "-o", "crlf/out", "--target", target], { cwd: TMP });
    assert.is(r.status, 1, describe(r));
    assert.is(r.stdout, "", `no diff of lines that all look alike\n${describe(r)}`);
    const pattern = file.endsWith(".yaml") ? "*.yaml" : "*.plan.json";
    const line = `crlf/out/${file} differs only in line endings (CRLF): kdsl writes LF; set \`${pattern} text eol=lf\` in .gitattributes and check the file out again, or run \`kdsl build crlf -o crlf/out --target ${target}\` and commit the result\n`;
    // The one line, last (the runtime target's notes come first).
    assert.ok(r.stderr === line || r.stderr.endsWith(`\n${line}`), describe(r));
    // Another difference as well: the usual diff.
    writeFileSync(join(proj, "out", file), lf.replace(/\n/g, "\r\n").replace("numbers", "numberz"));
    r = kdsl(["build", "crlf", "--check", "-o", "crlf/out", "--target", target], { cwd: TMP });
    assert.is(r.status, 1, describe(r));
    assert.match(r.stdout, /^--- a\/crlf\/out\//m, describe(r));
    assert.match(r.stderr, /is out of date/, describe(r));
  }
});

test.run();

// Usage errors through the real `kdsl` process: every command rejects the options and the extra
// arguments it does not take (exit 2, one `kdsl:` message, nothing done), from one table in
// cli/src/flags.ts; unknown options get kdsl's own message with a did-you-mean and the command's
// options, not node's parseArgs text.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { crashSigns, describe, ensureBundle, kdsl, ROOT, tempDir } from "./run-cli.ts";

const { dir: TMP, cleanup } = tempDir("kdsl-usage-");
test.before(() => ensureBundle());
test.after(() => cleanup());

const NUMBERS = join(ROOT, "examples/numbers");

/** Exit 2, one usage message matching `message` on stderr, nothing on stdout, no crash. */
function expectUsage(args: readonly string[], message: RegExp): void {
  const r = kdsl(args, { cwd: TMP });
  const info = `kdsl ${args.join(" ")}\n${describe(r)}`;
  assert.is(r.status, 2, info);
  assert.equal(crashSigns(r.stderr + r.stdout), [], info);
  assert.match(r.stderr, /^kdsl: /, info);
  assert.match(r.stderr, message, info);
  assert.is(r.stdout, "", info);
}

test("options a command does not take: exit 2, naming the commands that do take them", () => {
  expectUsage(["lint", NUMBERS, "--check"], /^kdsl: kdsl lint does not take --check; it is an option of `kdsl build` and `kdsl fmt`\noptions of kdsl lint: /);
  expectUsage(["init", join(TMP, "new"), "--check"], /kdsl init does not take --check/);
  assert.ok(!existsSync(join(TMP, "new")), "init wrote nothing");
  expectUsage(["check", NUMBERS, "-o", join(TMP, "out")], /kdsl check does not take -o; it is an option of `kdsl build`/);
  expectUsage(["explain", "KD3001", "--profile", "p"], /kdsl explain does not take --profile; it is an option of `kdsl build`, `kdsl check` and `kdsl lint`\nkdsl explain takes no options but -h\/--help/);
  expectUsage(["fmt", NUMBERS, "--secrets", "inline"], /kdsl fmt does not take --secrets/);
  expectUsage(["check", NUMBERS, "--format", "json", "--secrets", "inline"], /kdsl check does not take --secrets/);
  expectUsage(["build", NUMBERS, "--fix"], /kdsl build does not take --fix; it is an option of `kdsl lint`/);
  expectUsage(["build", NUMBERS, "--version"], /kdsl build does not take --version; `kdsl --version` shows the version/);
  expectUsage(["lint", "--list-rules", "--fix"], /--fix does not go with --list-rules/);
  expectUsage(["lint", NUMBERS, "--docs-url", "https://example.com"], /--docs-url .* --format sarif/);
  expectUsage(["build", NUMBERS, "--check"], /build --check compares with committed output: .*-o DIR/);
});

test("extra arguments: exit 2, naming what was not expected", () => {
  expectUsage(["explain", "KD3001", "KD3002"], /^kdsl: explain takes one diagnostic code or lint rule: kdsl explain KD2004 \(unexpected: `KD3002`\)\n$/);
  expectUsage(["--version", "extra"], /^kdsl: --version takes no arguments \(unexpected: `extra`\)\n$/);
  expectUsage(["help", "nope"], /help takes no arguments but a command name/);
  expectUsage(["build", NUMBERS, NUMBERS], /build takes one file or directory/);
  expectUsage(["check", NUMBERS, "x"], /check takes one file or directory/);
  expectUsage(["init", "a", "b"], /init takes at most one directory/);
  expectUsage(["lint", "--list-rules", "nope"], /^kdsl: no lint rule `nope`; `kdsl lint --list-rules` lists them\n$/);
  expectUsage(["lint", "--list-rules", "single-replica", "no-latest-tag"], /lint --list-rules takes at most one rule id/);
  expectUsage(["lint", "--list-rules", "--format", "json", "single-replica"], /--format json lists every rule/);
});

test("option values: missing, empty, twice, or an option where the value goes: exit 2", () => {
  expectUsage(["build", NUMBERS, "-o", ""], /^kdsl: -o needs a value, not an empty string: -o\/--output DIR\n$/);
  expectUsage(["build", NUMBERS, "--output="], /--output needs a value, not an empty string/);
  expectUsage(["build", NUMBERS, "-o"], /^kdsl: -o needs a value: -o\/--output DIR\n$/);
  expectUsage(["build", NUMBERS, "-o", "--check"], /-o needs a value .*`--check` looks like an option; write --output=--check if it is the value/);
  expectUsage(["build", NUMBERS, "-o", "a", "-o", "b"], /-o is given twice \(`a` and `b`\)/);
  expectUsage(["build", NUMBERS, "--check=yes", "-o", "x"], /--check takes no value/);
});

test("unknown options: kdsl's message with a did-you-mean and the command's options", () => {
  expectUsage(["build", NUMBERS, "--bogus"], /^kdsl: unknown option --bogus for kdsl build\noptions of kdsl build: -o\/--output DIR, --check, -p\/--profile P, --secrets MODE, --target TARGET, --format FORMAT, -h\/--help\n$/);
  expectUsage(["build", NUMBERS, "--prfile", "prod"], /^kdsl: unknown option --prfile for kdsl build; did you mean --profile\?\n/);
  expectUsage(["build", NUMBERS, "--out", "x"], /unknown option --out for kdsl build; did you mean --output\?/);
  expectUsage(["lint", NUMBERS, "--max-warning", "0"], /unknown option --max-warning for kdsl lint; did you mean --max-warnings\?/);
  expectUsage(["check", NUMBERS, "-x"], /^kdsl: unknown option -x for kdsl check\noptions of kdsl check: -p\/--profile P, --format FORMAT, -h\/--help\n$/);
  expectUsage(["--bogus"], /^kdsl: unknown option --bogus: kdsl takes a command first/);
  const r = kdsl(["build", NUMBERS, "--bogus"]);
  assert.not.match(r.stderr, /positional|-- "/, "not node's parseArgs message");
});

test("what commands do take still works: --help anywhere, help <command>, -- before a path", () => {
  for (const args of [["build", "--help"], ["explain", "-h"], ["help", "build"], ["--help"]]) {
    const r = kdsl(args, { cwd: TMP });
    assert.is(r.status, 0, `${args.join(" ")}\n${describe(r)}`);
    assert.match(r.stdout, /^kdsl — /);
  }
  let r = kdsl(["--version"]);
  assert.is(r.status, 0, describe(r));
  assert.is(r.stdout, "kdsl 0.1.0\n");
  r = kdsl(["lint", "--list-rules", "single-replica"]);
  assert.is(r.status, 0, describe(r));
  assert.match(r.stdout, /^# single-replica\n/);
  r = kdsl(["check", "-p", "prod", "--format", "json", "--", NUMBERS]);
  assert.is(r.status, 0, describe(r));
  assert.is(r.stdout, "[]\n");
});

test.run();

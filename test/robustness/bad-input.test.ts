// The bad-input list, through the real `kdsl` process: every broken input ends with diagnostics
// (exit 1) or a usage message (exit 2), with positions, in bounded time, without a stack trace,
// and a failed `build -o DIR` leaves DIR exactly as it was (no output, no temporary file).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync, openSync, writeSync, closeSync } from "node:fs";
import { dirname, join } from "node:path";
import { firstInvalidUtf8 } from "../../compiler/src/syntax/decode.ts";
import { codes, crashSigns, describe, ensureBundle, kdsl, positions, ROOT, tempDir } from "../cli/run-cli.ts";

const BOUND_MS = 10_000;
const NUMBERS = readFileSync(join(ROOT, "examples/numbers/app.kdsl"), "utf8");
const { dir: TMP, cleanup } = tempDir("kdsl-bad-input-");
test.before(() => ensureBundle());
test.after(() => cleanup());

let caseNo = 0;
/** Writes the files of a case into a directory of its own; returns that directory. */
function project(files: Readonly<Record<string, string | Uint8Array>>): string {
  const dir = join(TMP, `case-${++caseNo}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

interface Expect {
  /** A code that must be reported, and where (`line:col` in `file`), when known. */
  readonly code: string;
  readonly file?: string;
  readonly at?: [number, number];
  /** When set: the only diagnostics are those of `code` (no cascade of follow-on errors). */
  readonly only?: boolean;
}

/** `kdsl build <entry> -o out/` on a project that must fail with diagnostics. */
function expectDiagnostics(dir: string, entry: string, e: Expect, args: readonly string[] = []): void {
  const out = join(dir, "out");
  mkdirSync(out, { recursive: true });
  const before = new Set(readdirSync(dir, { recursive: true, encoding: "utf8" }));
  const r = kdsl(["build", entry, "-o", out, ...args], { cwd: dir, timeoutMs: BOUND_MS + 5000 });
  const info = describe(r);
  assert.is(r.error, undefined, info);
  assert.ok(r.ms < BOUND_MS, `took ${r.ms.toFixed(0)} ms (bound ${BOUND_MS})\n${info}`);
  assert.is(r.status, 1, `exit status\n${info}`);
  assert.equal(crashSigns(r.stderr + r.stdout), [], `stack trace or internal error\n${info}`);
  assert.match(r.stderr, /error\[KD\d{4}\]/, info);
  const found = codes(r.stderr);
  assert.ok(found.includes(e.code), `expected ${e.code}, found ${found.join(", ")}\n${info}`);
  if (e.only) assert.equal([...new Set(found)], [e.code], `only ${e.code} expected\n${info}`);
  const pos = positions(r.stderr);
  assert.is(pos.length, found.length, `every diagnostic has a file:line:col\n${info}`);
  // A headline with the position under it, once each (a compile may run twice: cli/src/recovery.ts).
  const reports = [...r.stderr.matchAll(/^(?:error|warning|info)\[KD\d{4}\].*\n\s*-->.*$/gm)].map((m) => m[0]);
  assert.equal(reports, [...new Set(reports)], `a diagnostic reported twice\n${info}`);
  for (const [file, line, col] of pos) {
    assert.ok(line >= 1 && col >= 1, `position ${file}:${line}:${col}\n${info}`);
    assert.ok(existsSync(join(dir, file)) || file.startsWith("stdlib/"), `position names a file that exists: ${file}\n${info}`);
  }
  if (e.at) {
    const want = `${e.file ?? entry}:${e.at[0]}:${e.at[1]}`;
    const headline = r.stderr.split("\n").findIndex((l) => l.includes(`[${e.code}]`));
    assert.ok(r.stderr.split("\n")[headline + 1]?.trim().endsWith(want), `${e.code} should be at ${want}\n${info}`);
  }
  // Nothing written: the output directory is still empty and no temporary file was left anywhere.
  assert.equal(readdirSync(out), [], `${out} must stay empty\n${info}`);
  const after = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => !before.has(f));
  assert.equal(after, [], `files appeared: ${after.join(", ")}`);
  assert.is(r.stdout, "", `nothing on stdout\n${info}`);
}

/** A run that must be refused as a usage or I/O error. */
function expectUsage(args: readonly string[], cwd: string, message: RegExp): void {
  const r = kdsl(args, { cwd });
  const info = describe(r);
  assert.is(r.error, undefined, info);
  assert.ok(r.ms < BOUND_MS, info);
  assert.is(r.status, 2, `exit status\n${info}`);
  assert.equal(crashSigns(r.stderr + r.stdout), [], `stack trace or internal error\n${info}`);
  assert.match(r.stderr, /^kdsl: /, info);
  assert.match(r.stderr, message, info);
  assert.not.match(r.stderr, /error\[KD/, `a usage error is not a diagnostic\n${info}`);
}

/** Deterministic junk: bytes from a fixed LCG, with NULs and invalid UTF-8 guaranteed. */
function junk(n: number): Uint8Array {
  const b = new Uint8Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) b[i] = (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24;
  b.set([0x00, 0xff, 0xc3, 0x28, 0x00], 7);
  return b;
}

const SERVICE = 'service a {\n  image = "nginx:1.25"\n  port http 8080\n}\n';

// ---------------------------------------------------------------------------------------------
// Syntax and bytes

test("empty file", () => {
  expectDiagnostics(project({ "empty.kdsl": "" }), "empty.kdsl", { code: "KD1009", at: [1, 1] });
});

test("binary junk with NUL bytes: one KD1008 at the first bad byte, no follow-on errors", () => {
  const bytes = junk(4096);
  const dir = project({ "junk.kdsl": bytes });
  // Where the first bad byte is, as a line and column of the text before it.
  const before = new TextDecoder().decode(bytes.subarray(0, firstInvalidUtf8(bytes)));
  const at: [number, number] = [before.split("\n").length, before.length - before.lastIndexOf("\n")];
  expectDiagnostics(dir, "junk.kdsl", { code: "KD1008", at, only: true });
});

test("invalid UTF-8 (0xC3 0x28) in the middle of line 3: reported at 3:6, alone", () => {
  const bytes = Buffer.concat([Buffer.from('app x\nservice a {\n  ima'), Buffer.from([0xc3, 0x28]), Buffer.from('ge = "nginx:1.25"\n  port http 8080\n}\n')]);
  expectDiagnostics(project({ "utf.kdsl": bytes }), "utf.kdsl", { code: "KD1008", at: [3, 6], only: true });
});

test("a NUL character in otherwise valid text: reported where it is", () => {
  expectDiagnostics(project({ "nul.kdsl": "app x\n" + SERVICE.replace("port", "\0port") }), "nul.kdsl", { code: "KD1008", at: [4, 3], only: true });
});

test("unterminated string", () => {
  expectDiagnostics(project({ "s.kdsl": 'app x\nservice a {\n  image = "nginx:1.25\n  port http 8080\n}\n' }), "s.kdsl", { code: "KD1002", at: [3, 11] });
});

test("unterminated block", () => {
  expectDiagnostics(project({ "b.kdsl": 'app x\nservice a {\n  image = "nginx:1.25"\n  port http 8080\n' }), "b.kdsl", { code: "KD1005", at: [2, 11] });
});

test("unterminated block comment", () => {
  expectDiagnostics(project({ "c.kdsl": "app x\n" + SERVICE + "/* never closed\n" }), "c.kdsl", { code: "KD1003", at: [6, 1] });
});

test("10,000-deep nesting of `{`, open and closed", () => {
  expectDiagnostics(project({ "d.kdsl": "app x\n" + "{".repeat(10_000) + "\n" }), "d.kdsl", { code: "KD1006", at: [2, 65] });
  expectDiagnostics(project({ "d.kdsl": "app x\nservice a " + "{".repeat(10_000) + "}".repeat(10_000) + "\n" }), "d.kdsl", { code: "KD1006" });
});

test("10,000-deep nesting of `[`", () => {
  expectDiagnostics(project({ "d.kdsl": "app x\nservice a {\n  args = " + "[".repeat(10_000) + "\n}\n" }), "d.kdsl", { code: "KD1006", at: [3, 73] });
});

test("a 50 MB file (a valid app followed by 50 MB of comments) is refused quickly", () => {
  const dir = project({});
  const fd = openSync(join(dir, "big.kdsl"), "w");
  writeSync(fd, NUMBERS);
  const chunk = Buffer.from(("// " + "x".repeat(96) + "\n").repeat(10_000)); // ~1 MB
  for (let i = 0; i < 50; i++) writeSync(fd, chunk);
  closeSync(fd);
  expectDiagnostics(dir, "big.kdsl", { code: "KD1007", at: [1, 1] }, ["--secrets", "inline"]);
});

// ---------------------------------------------------------------------------------------------
// Names, types, structure

test("unknown kind", () => {
  expectDiagnostics(project({ "k.kdsl": 'app x\nwidget a {\n  image = "nginx:1.25"\n}\n' }), "k.kdsl", { code: "KD2005", at: [2, 1] });
});

test("wrong unit", () => {
  const text = "app x\n" + SERVICE.replace("}", "  resources { memory = 100m }\n}");
  expectDiagnostics(project({ "u.kdsl": text }), "u.kdsl", { code: "KD3002", at: [5, 24], only: true });
});

test("duplicate names", () => {
  expectDiagnostics(project({ "dup.kdsl": "app x\n" + SERVICE + SERVICE }), "dup.kdsl", { code: "KD2002", at: [6, 9], only: true });
});

test("cyclic templates", () => {
  const text = "app x\ntemplate a from b for service {}\ntemplate b from a for service {}\n" + SERVICE.replace("service a", "service s from a");
  expectDiagnostics(project({ "t.kdsl": text }), "t.kdsl", { code: "KD2011" });
});

test("cyclic `use` between two files, building one of them", () => {
  const dir = project({ "cyc/a.kdsl": 'app x\nuse "./b"\n' + SERVICE, "cyc/b.kdsl": 'use "./a"\n' });
  expectDiagnostics(dir, "cyc/a.kdsl", { code: "KD2009", file: "cyc/b.kdsl", at: [1, 5] });
});

// A block left open at the end of the file is closed virtually before parsing, so recovery keeps
// the declarations and `app x` is not followed by a spurious KD2010 "no `app` declaration".
test("unterminated block: no follow-on `no app declaration`", () => {
  expectDiagnostics(project({ "b.kdsl": 'app x\nservice a {\n  image = "nginx:1.25"\n  port http 8080\n' }), "b.kdsl", { code: "KD1005", only: true });
});

// The code frame shows control characters as U+FFFD, so an ESC in a .kdsl file never reaches the
// terminal to recolour it or move the cursor.
test("control characters in the source are not echoed raw in code frames", () => {
  const dir = project({ "esc.kdsl": "app x\n" + SERVICE.replace("port", "\u001b[2J\u001b[31mport") });
  const r = kdsl(["check", "esc.kdsl"], { cwd: dir });
  assert.is(r.status, 1, describe(r));
  assert.not.match(r.stderr, /\u001b/, "raw ESC in stderr");
});

// When the entry is the directory both files are project files; the loader follows `use` between
// them too, so the cycle is found.
test("cyclic `use` between two files, building their directory", () => {
  const dir = project({ "cyc/a.kdsl": 'app x\nuse "./b"\n' + SERVICE, "cyc/b.kdsl": 'use "./a"\n' });
  expectDiagnostics(dir, "cyc", { code: "KD2009" });
});

test("`use` of a missing module", () => {
  expectDiagnostics(project({ "m.kdsl": 'app x\nuse "./nope"\n' + SERVICE }), "m.kdsl", { code: "KD2007", at: [2, 5] });
});

// ---------------------------------------------------------------------------------------------
// Usage and I/O: exit 2, a one-line message, no diagnostics

test("nonexistent path", () => {
  const dir = project({});
  expectUsage(["build", "nope.kdsl"], dir, /no such file/);
  expectUsage(["check", "nope/"], dir, /no such file/);
  expectUsage(["fmt", "nope.kdsl"], dir, /no such file/);
});

test("a directory with no .kdsl files", () => {
  const dir = project({ "empty-dir/readme.txt": "not kdsl" });
  expectUsage(["build", "empty-dir"], dir, /no \.kdsl files/);
});

test("unknown flag", () => {
  expectUsage(["build", "--bogus", "x.kdsl"], project({}), /bogus/);
});

test("--secrets bogus", () => {
  const dir = project({ "app.kdsl": NUMBERS });
  expectUsage(["build", "app.kdsl", "--secrets", "bogus"], dir, /--secrets/);
});

test("unknown command and missing arguments", () => {
  const dir = project({});
  expectUsage(["frobnicate"], dir, /unknown command/);
  expectUsage(["build"], dir, /build takes one file/);
  expectUsage(["build", "--format", "xml", "a.kdsl"], dir, /--format/);
});

// ---------------------------------------------------------------------------------------------
// The formatter on broken input: diagnostics, the file left alone

test("fmt on binary junk and on deep nesting reports and leaves the files alone", () => {
  const bytes = junk(512);
  const deep = "app x\n" + "[".repeat(10_000) + "\n";
  const dir = project({ "junk.kdsl": bytes, "deep.kdsl": deep });
  for (const [file, code] of [["junk.kdsl", "KD1008"], ["deep.kdsl", "KD1006"]] as const) {
    const r = kdsl(["fmt", file], { cwd: dir });
    const info = describe(r);
    assert.is(r.status, 1, info);
    assert.ok(codes(r.stderr).includes(code), info);
    assert.ok(positions(r.stderr).length > 0, info);
    assert.equal(crashSigns(r.stderr), [], info);
  }
  assert.ok(Buffer.from(bytes).equals(readFileSync(join(dir, "junk.kdsl"))), "junk.kdsl untouched");
  assert.is(readFileSync(join(dir, "deep.kdsl"), "utf8"), deep, "deep.kdsl untouched");
  assert.equal(readdirSync(dir).sort(), ["deep.kdsl", "junk.kdsl"], "no temporary files");
});

test.run();

// The diagnostics catalogue kept honest: no duplicate codes, a page for every code, every code
// raised by some fixture (or listed here as unreachable, with the reason), every code the compiler
// uses catalogued, and every page's examples doing what the page says.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { CATALOGUE } from "../../compiler/src/diagnostics/catalogue.ts";
import { EXPLANATIONS } from "../../compiler/src/diagnostics/explanations.ts";
import { build, type BuildOptions } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { repoRoot } from "../support/project.ts";
import { FIXTURE_DIR, stdlibFiles } from "./invalid-fixtures.ts";

/** Codes no fixture can raise, each with the reason. Empty: every code is reachable from source. */
const UNREACHABLE: Readonly<Record<string, string>> = {};
/** Code ranges of other tools than `build`, which the fixtures run: their own tests raise them. */
const NOT_FROM_BUILD: Readonly<Record<string, string>> = {
  KD7: "the linter's own problems (kdsl.json, failing rules): raised by lint, not by build",
};

function filesUnder(dir: string, keep: (f: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out.sort();
}

test("no code is catalogued twice", () => {
  const source = readFileSync(path.join(repoRoot, "compiler/src/diagnostics/catalogue.ts"), "utf8");
  const codes = [...source.matchAll(/code:\s*"(KD\d{4})"/g)].map((m) => m[1]!);
  assert.ok(codes.length > 0, "the catalogue's entries were found");
  const twice = codes.filter((c, i) => codes.indexOf(c) !== i);
  assert.equal(twice, [], "duplicate codes");
  assert.is(CATALOGUE.size, codes.length);
  for (const [code, entry] of CATALOGUE) {
    assert.match(code, /^KD[1-7]\d{3}$/, `${code} is KD + stage digit + three digits`);
    assert.is(entry.code, code);
    assert.ok(entry.title.length > 0 && !entry.title.endsWith("."), `${code} has a title without a trailing period`);
  }
});

test("every code has an explanation page, and every page a code", () => {
  for (const code of CATALOGUE.keys()) {
    const text = EXPLANATIONS[code];
    assert.ok(text && text.trim().length > 0, `${code} has no explanation`);
    const lines = text!.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("```")).length;
    assert.ok(lines >= 5 && lines <= 15, `${code}'s page has ${lines} lines of text and code; 5 to 15 are wanted`);
    assert.ok(text!.includes("**Fix:**"), `${code}'s page says how to fix it`);
    // The linter's config codes show kdsl.json, not kdsl; test/lint/config.test.ts runs their examples.
    const fence = code.startsWith("KD7") ? "```json" : "```kdsl";
    assert.ok(text!.includes(fence), `${code}'s page has an example`);
  }
  for (const code of Object.keys(EXPLANATIONS)) assert.ok(CATALOGUE.has(code), `${code} is explained but not catalogued`);
});

test("every code is raised by a fixture, or listed as unreachable with a reason", () => {
  const expected = filesUnder(path.join(repoRoot, FIXTURE_DIR), (p) => p.endsWith(".expected") || path.basename(p) === "expected");
  const raised = new Set(expected.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/\[(KD\d{4})\]/g)].map((m) => m[1]!)));
  for (const code of raised) assert.ok(CATALOGUE.has(code), `a fixture raises ${code}, which is not catalogued`);
  for (const code of CATALOGUE.keys()) {
    if (Object.keys(NOT_FROM_BUILD).some((prefix) => code.startsWith(prefix))) continue;
    if (code in UNREACHABLE) assert.not.ok(raised.has(code), `${code} is listed as unreachable but a fixture raises it`);
    else assert.ok(raised.has(code), `no fixture under ${FIXTURE_DIR} raises ${code}`);
  }
  for (const [code, why] of Object.entries(UNREACHABLE)) assert.ok(CATALOGUE.has(code) && why.length > 0, `${code}: unreachable needs a catalogued code and a reason`);
});

test("every code the compiler uses is catalogued", () => {
  const sources = filesUnder(path.join(repoRoot, "compiler/src"), (p) => p.endsWith(".ts") && !p.includes(`${path.sep}diagnostics${path.sep}`));
  const used = new Map<string, string>();
  for (const f of sources) {
    const text = readFileSync(f, "utf8");
    // `diag("KD2004", ...)` and codes picked first (`const code = ... ? "KD3013" : "KD3005"`).
    for (const m of text.matchAll(/"(KD\d{4})"/g)) used.set(m[1]!, path.relative(repoRoot, f));
  }
  assert.ok(used.size > 30, `found ${used.size} codes in compiler/src`);
  for (const [code, file] of used) assert.ok(CATALOGUE.has(code), `${file} uses ${code}, which is not in the catalogue`);
  for (const code of CATALOGUE.keys()) assert.ok(used.has(code), `${code} is catalogued but the compiler never uses it`);
});

// ---------------------------------------------------------------------------------------------
// The pages' examples. The first `kdsl` block of a page is the bad example, the last the good
// one. A block is a project directory: `// file: path` lines start files (else one file), and
// `app shop` goes first when no file declares an app (pages leave it out for brevity).

/** Pages with only a good example: the bad input cannot be shown in a page. */
const NO_BAD_EXAMPLE: Readonly<Record<string, string>> = {
  KD1006: "65 levels of nesting",
  KD1007: "an 8 MiB file",
  KD1008: "bytes that are not UTF-8",
};
/** Bad examples that are whole files as shown: adding `app` would hide the problem. */
const AS_SHOWN = new Set(["KD1009", "KD2010"]);
/** Build options a bad example needs, as its page says. */
const BAD_OPTIONS: Readonly<Record<string, BuildOptions>> = {
  KD2014: { profiles: ["production"] },
  KD4001: { secrets: "inline" },
  KD4002: { secrets: "inline" },
  // The runtime plan's codes come from `--target runtime`.
  KD6001: { target: "runtime" },
  KD6002: { target: "runtime" },
  KD6003: { target: "runtime" },
  KD6004: { target: "runtime" },
  KD6005: { target: "runtime" },
};
/** Other codes a bad example raises too, as its page says. */
const ALSO_RAISED: Readonly<Record<string, readonly string[]>> = {
  KD1001: ["KD2004"], // the rest of the line after `#` is read as kdsl
};

function kdslBlocks(text: string): string[] {
  return [...text.matchAll(/```kdsl\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

function project(block: string, addApp: boolean): Record<string, string> {
  const files: Record<string, string> = {};
  let current = "proj/example.kdsl";
  for (const line of block.split("\n")) {
    const m = /^\/\/ file: (\S+)$/.exec(line);
    if (m) current = `proj/${m[1]}`;
    else files[current] = (files[current] ?? "") + line + "\n";
  }
  const first = Object.keys(files)[0]!;
  if (addApp && !Object.values(files).some((t) => /^app\b/m.test(t))) files[first] = "app shop\n\n" + files[first];
  return files;
}

/** The errors a project raises, and `also` at any severity (a page's own note or warning). */
function codesOf(files: Record<string, string>, options: BuildOptions = {}, also?: string): string[] {
  const result = build(memoryHost(files, stdlibFiles(), {}), "proj", options);
  assert.is(result.fatal, undefined);
  return result.diagnostics.filter((d) => d.severity === "error" || d.code === also).map((d) => d.code);
}

for (const code of CATALOGUE.keys()) {
  if (Object.keys(NOT_FROM_BUILD).some((prefix) => code.startsWith(prefix))) continue; // examples run by their tool's tests
  test(`${code}'s examples do what its page says`, () => {
    const blocks = kdslBlocks(EXPLANATIONS[code] ?? "");
    if (code in NO_BAD_EXAMPLE) assert.is(blocks.length, 1, `${code} shows only a good example (${NO_BAD_EXAMPLE[code]})`);
    else {
      assert.ok(blocks.length >= 2, `${code}'s page has a bad and a good example`);
      const raised = codesOf(project(blocks[0]!, !AS_SHOWN.has(code)), BAD_OPTIONS[code], code);
      assert.ok(raised.includes(code), `the bad example raises ${code}, not only ${raised.join(", ") || "nothing"}`);
      const allowed = new Set([code, ...(ALSO_RAISED[code] ?? [])]);
      assert.equal(raised.filter((c) => !allowed.has(c)), [], `the bad example raises nothing but ${code}`);
    }
    assert.equal(codesOf(project(blocks[blocks.length - 1]!, true)), [], "the good example builds without errors");
  });
}

test.run();

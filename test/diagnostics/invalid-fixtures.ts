// The invalid-input fixtures under test/fixtures/invalid: each `<name>.kdsl` (or directory
// `<name>/` of .kdsl files) is built, and its diagnostics, rendered with renderPlain, must equal
// `<name>.expected` (`<name>/expected`). An optional `<name>.options.json` (`<name>/options.json`)
// gives the build options: `{"profiles": [...], "secrets": "inline", "env": {...}}`.
// A few inputs are generated here rather than committed (too large, or not text); they have a
// committed expected file and no .kdsl file.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, buildOutput, type BuildOptions } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { decodeSource } from "../../compiler/src/syntax/decode.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import type { Diagnostic } from "../../compiler/src/diagnostics/diagnostic.ts";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Fixture paths are shown relative to the repository, as `kdsl check` run there shows them. */
export const FIXTURE_DIR = "test/fixtures/invalid";

export interface Fixture {
  readonly name: string;
  /** What `build` is given: a file or a directory, relative to the repository. */
  readonly entry: string;
  readonly expectedPath: string;
  /** Project files by repository-relative path, as bytes (they are decoded as the CLI does). */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly options: { readonly profiles?: string[]; readonly secrets?: "reference" | "inline"; readonly env?: Record<string, string> };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Inputs built by code: a 10,000-deep nesting, an over-large file, bytes that are not UTF-8. */
export const GENERATED: Readonly<Record<string, () => Uint8Array>> = {
  "nesting-10000-deep": () => utf8("app deep\n\nservice api {\n  labels " + "{ a ".repeat(10_000) + "}".repeat(10_000) + "\n}\n"),
  "nesting-10000-deep-lists": () => utf8('app deep\n\nservice api {\n  args = ' + "[".repeat(10_000) + "]".repeat(10_000) + "\n}\n"),
  "file-too-large": () => utf8("app big\n" + "// padding padding padding padding padding padding padding padding\n".repeat(130_000)),
  "not-utf8": () => new Uint8Array([...utf8("app bytes\n\nservice api {\n  image = \"a/b:1\"\n  run = \""), 0xff, 0xfe, ...utf8("\"\n}\n")]),
  "binary-nul": () => new Uint8Array([...utf8("app bytes\n"), 0, 1, 2, 3]),
};

let stdlibCache: Record<string, string> | undefined;
/** The real stdlib (prelude.kdsl, std/*.kdsl), keyed as Host.readStdlib expects. */
export function stdlibFiles(): Record<string, string> {
  if (stdlibCache) return stdlibCache;
  const out: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const f of readdirSync(dir).sort()) {
      const full = path.join(dir, f);
      if (statSync(full).isDirectory()) walk(full, prefix + f + "/");
      else if (f.endsWith(".kdsl")) out[prefix + f] = readFileSync(full, "utf8");
    }
  };
  walk(path.join(REPO, "stdlib"), "");
  return (stdlibCache = out);
}

function readOptions(file: string): Fixture["options"] {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Fixture["options"]) : {};
}

/** Every fixture, sorted by name. */
export function loadFixtures(): Fixture[] {
  const dir = path.join(REPO, FIXTURE_DIR);
  const out: Fixture[] = [];
  for (const f of readdirSync(dir).sort()) {
    const full = path.join(dir, f);
    if (statSync(full).isDirectory()) {
      const files = new Map<string, Uint8Array>();
      const walk = (d: string, rel: string) => {
        for (const g of readdirSync(d).sort()) {
          const p = path.join(d, g);
          if (statSync(p).isDirectory()) walk(p, `${rel}/${g}`);
          else if (rel !== `${FIXTURE_DIR}/${f}` || (g !== "expected" && g !== "options.json")) files.set(`${rel}/${g}`, readFileSync(p));
        }
      };
      walk(full, `${FIXTURE_DIR}/${f}`);
      out.push({ name: f, entry: `${FIXTURE_DIR}/${f}`, expectedPath: path.join(full, "expected"), files, options: readOptions(path.join(full, "options.json")) });
    } else if (f.endsWith(".kdsl")) {
      const name = f.slice(0, -".kdsl".length);
      const entry = `${FIXTURE_DIR}/${f}`;
      out.push({ name, entry, expectedPath: path.join(dir, `${name}.expected`), files: new Map([[entry, readFileSync(full)]]), options: readOptions(path.join(dir, `${name}.options.json`)) });
    }
  }
  for (const [name, generate] of Object.entries(GENERATED)) {
    const entry = `${FIXTURE_DIR}/${name}.kdsl`;
    out.push({ name, entry, expectedPath: path.join(dir, `${name}.expected`), files: new Map([[entry, generate()]]), options: readOptions(path.join(dir, `${name}.options.json`)) });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface FixtureRun {
  readonly diagnostics: readonly Diagnostic[];
  /** renderPlain of each diagnostic, one per line, ending with a newline. */
  readonly text: string;
  readonly fatal?: string;
}

/**
 * Builds a fixture over an in-memory host holding only its own files and the real stdlib. Files
 * are decoded as the CLI decodes them (cli/src/fs-host.ts): undecodable bytes are a diagnostic and
 * an empty text, and what the compiler then says about that empty file is dropped as noise.
 */
export function runFixture(fx: Fixture): FixtureRun {
  const texts: Record<string, string> = {};
  const decodeErrors: Diagnostic[] = [];
  for (const [p, bytes] of fx.files) {
    const decoded = decodeSource(p, bytes);
    if ("diagnostic" in decoded) {
      decodeErrors.push(decoded.diagnostic);
      texts[p] = "";
    } else texts[p] = decoded.text;
  }
  const host = memoryHost(texts, stdlibFiles(), fx.options.env ?? {});
  // Options not given fall back to the fixture's kdsl.json, as on the command line.
  const options: BuildOptions = { profiles: fx.options.profiles, secrets: fx.options.secrets };
  const result = build(host, fx.entry, options);
  // The CLI builds with buildOutput (stages freed early): it must report exactly the same.
  const cli = buildOutput(host, fx.entry, options);
  if (cli.diagnostics.map(renderPlain).join("\n") !== result.diagnostics.map(renderPlain).join("\n") || cli.fatal !== result.fatal) {
    throw new Error(`buildOutput and build disagree on ${fx.name}`);
  }
  const undecodable = new Set(decodeErrors.map((d) => d.span.file));
  const diagnostics = [...decodeErrors, ...result.diagnostics.filter((d) => !undecodable.has(d.span.file))];
  const text = diagnostics.map((d) => renderPlain(d) + "\n").join("");
  return result.fatal === undefined ? { diagnostics, text } : { diagnostics, text, fatal: result.fatal };
}

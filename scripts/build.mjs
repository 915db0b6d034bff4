// Bundles the CLI with esbuild into cli/dist: kdsl.cjs (flags, help, the command table) and one
// self-contained bundle per command in cli/dist/commands/, loaded only when that command runs.
// cli/bin/kdsl.js loads them through V8's code cache; this script warms the caches by running
// each command once, so the first real run is as fast as the next.
//
// Why bundles: loading chevrotain's unbundled ESM graph costs ~0.3 s; bundled ~0.02 s. Why CJS:
// V8's code cache (vm.Script cachedData) is available for scripts, not for ES modules, on Node 20;
// compiling the ~2.5 MB build bundle from source costs ~50-80 ms at every start without it.
import { build } from "esbuild";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const commands = readdirSync("cli/src/commands").filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3));

// @kubernetes-models/validate imports ajv-i18n for its English messages only (`localize.en`), which
// pulls in every language: 156 KiB of the build bundle, parsed at every start. Only English is
// bundled.
const englishOnly = {
  name: "ajv-i18n-english-only",
  setup: (b) => {
    b.onResolve({ filter: /^ajv-i18n$/ }, (a) => ({ path: "ajv-i18n", namespace: "english-only", pluginData: a.resolveDir }));
    b.onLoad({ filter: /.*/, namespace: "english-only" }, (a) => ({ contents: 'module.exports = { en: require("ajv-i18n/localize/en") };', resolveDir: a.pluginData, loader: "js" }));
  },
};

// chevrotain's parser is needed only for a file with errors: the bundles get an empty
// recovery-default.ts, so parse() throws NeedsRecoveryParser the first time, and the CLI then
// imports compiler/src/syntax/recovery.ts (cli/src/recovery.ts). esbuild sets up a module reached
// only through import() when it is imported, so chevrotain and lodash-es cost nothing at start.
const lazyRecovery = {
  name: "lazy-recovery-parser",
  setup: (b) => {
    b.onResolve({ filter: /\/recovery-default\.ts$/ }, () => ({ path: "recovery-default", namespace: "lazy-recovery" }));
    b.onLoad({ filter: /.*/, namespace: "lazy-recovery" }, () => ({ contents: "export const defaultRecovery = undefined;", loader: "js" }));
  },
};

// @kubernetes-models/validate's format table spreads in ajv-formats-draft2019 (idn-email, iri,
// idn-hostname: uri-js, IANA scheme tables, a nearley grammar, punycode) and is-cidr, ~150 KiB of
// the build bundle whose set-up (tables parsed, regexes and grammars built) ran at every start. The
// Kubernetes validators bundled here use none of those formats (checked below, after bundling):
// they use int32, int64, double, date-time (ajv-formats) and byte, quantity (the package's own).
// So those two modules are bundled as empty: a format the validators do not name is never looked up.
const UNUSED_FORMATS = /^(?:ajv-formats-draft2019\/formats(?:\/index\.js)?|is-cidr)$/;
const unusedFormats = {
  name: "unused-formats",
  setup: (b) => {
    b.onResolve({ filter: UNUSED_FORMATS }, (a) => ({ path: a.path, namespace: "unused-formats" }));
    b.onLoad({ filter: /.*/, namespace: "unused-formats" }, (a) => ({
      contents: a.path === "is-cidr" ? 'module.exports = () => { throw new Error("the cidr format is not bundled"); };' : "module.exports = {};",
      loader: "js",
    }));
  },
};
/**
 * The formats the bundled validators may name: the package's table without what the empty modules
 * gave it (draft2019's formats, one of which, `duration`, replaced ajv-formats' own) and `cidr`.
 */
const KEPT_FORMATS = (() => {
  const fromCompiler = createRequire(new URL("../compiler/package.json", import.meta.url));
  const validateEntry = fromCompiler.resolve("@kubernetes-models/validate");
  const { formats } = fromCompiler(validateEntry);
  const draft2019 = createRequire(validateEntry)("ajv-formats-draft2019/formats/index.js");
  return new Set(Object.keys(formats).filter((name) => !(name in draft2019) && name !== "cidr"));
})();

/** Fails the build if a bundled validator names a format that unusedFormats left out. */
function checkFormats(file) {
  const text = readFileSync(file, "utf8"); // `formats.int32`, `formats["date-time"]`; not paths (`dist/formats.js`)
  const named = new Set([...text.matchAll(/(?<![\w$/.])formats(?:\.([A-Za-z_$][\w$]*)|\[\s*"([^"]+)"\s*\])/g)].map((m) => m[1] ?? m[2]));
  const missing = [...named].filter((f) => !KEPT_FORMATS.has(f));
  if (missing.length > 0) throw new Error(`${file}: the validators use formats left out of the bundle (scripts/build.mjs unusedFormats): ${missing.join(", ")}`);
}

rmSync("cli/dist", { recursive: true, force: true });
const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  // Modules that read import.meta.url (to find stdlib/ beside the package) get the CJS equivalent.
  define: { "import.meta.url": "__kdslModuleUrl" },
  banner: { js: "const __kdslModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [englishOnly, lazyRecovery, unusedFormats],
};

await build({
  ...common,
  entryPoints: ["cli/src/entry.ts"],
  outfile: "cli/dist/kdsl.cjs",
  // The commands are separate bundles: keep main's `import("./commands/x.ts")` out of this one.
  plugins: [...common.plugins, { name: "commands-apart", setup: (b) => b.onResolve({ filter: /^\.\/commands\// }, (a) => ({ path: a.path, external: true })) }],
});
await build({
  ...common,
  entryPoints: Object.fromEntries(commands.map((c) => [c, `cli/src/commands/${c}.ts`])),
  outdir: "cli/dist/commands",
  outExtension: { ".js": ".cjs" },
});
for (const c of commands) checkFormats(`cli/dist/commands/${c}.cjs`);
checkFormats("cli/dist/kdsl.cjs");

// Warm the code caches: each command once, on the README's example, output discarded.
for (const args of [["build", "examples/numbers"], ["check", "examples/numbers"], ["fmt", "--check", "examples/numbers"], ["lint", "examples/numbers"], ["explain", "KD2004"]]) {
  spawnSync(process.execPath, ["cli/bin/kdsl.js", ...args], { stdio: "ignore", timeout: 60_000 });
}

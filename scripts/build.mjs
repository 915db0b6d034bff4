// Bundles the CLI with esbuild into cli/dist: kdsl.cjs (flags, help, the command table) and one
// self-contained bundle per command in cli/dist/commands/, loaded only when that command runs.
// cli/bin/kdsl.js loads them through V8's code cache; this script warms the caches by running
// each command once, so the first real run is as fast as the next.
//
// Why bundles: loading chevrotain's unbundled ESM graph costs ~0.3 s; bundled ~0.02 s. Why CJS:
// V8's code cache (vm.Script cachedData) is available for scripts, not for ES modules, on Node 20;
// compiling the ~2.5 MB build bundle from source costs ~50-80 ms at every start without it.
import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";

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
  plugins: [englishOnly, lazyRecovery],
};

await build({
  ...common,
  entryPoints: ["cli/src/entry.ts"],
  outfile: "cli/dist/kdsl.cjs",
  // The commands are separate bundles: keep main's `import("./commands/x.ts")` out of this one.
  plugins: [englishOnly, lazyRecovery, { name: "commands-apart", setup: (b) => b.onResolve({ filter: /^\.\/commands\// }, (a) => ({ path: a.path, external: true })) }],
});
await build({
  ...common,
  entryPoints: Object.fromEntries(commands.map((c) => [c, `cli/src/commands/${c}.ts`])),
  outdir: "cli/dist/commands",
  outExtension: { ".js": ".cjs" },
});

// Warm the code caches: each command once, on the README's example, output discarded.
for (const args of [["build", "examples/numbers"], ["check", "examples/numbers"], ["fmt", "--check", "examples/numbers"], ["lint", "examples/numbers"], ["explain", "KD2004"]]) {
  spawnSync(process.execPath, ["cli/bin/kdsl.js", ...args], { stdio: "ignore", timeout: 60_000 });
}

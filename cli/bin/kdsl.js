#!/usr/bin/env node
// The installed `kdsl` command. It runs the bundles of cli/dist (built by `npm run build`, which
// `prepare` runs on `npm ci`) through V8's code cache: each bundle's compiled code is kept in a
// `.cache` file beside it and reused while the bundle is unchanged (V8 checks the source), so a
// start does not re-parse megabytes of JavaScript. Node 22 has this built in (module compile
// cache); Node 20 does not, hence these lines. A cache that cannot be written is simply skipped.
//
// CommonJS (cli/bin/package.json says so), not an ES module: an ES module as the entry point sets
// up Node's ESM loader, and with it fs/promises, readline and the fs watchers, for nothing here:
// ~12 ms of main-thread CPU at every start (medians of 15, a one-line script either way).
"use strict";
const { readFileSync, writeFileSync, renameSync, rmSync } = require("node:fs");
const v8 = require("node:v8");
const { Script } = require("node:vm");
const Module = require("node:module");
const { createRequire } = Module;
const path = require("node:path");

// The young generation stays at its first size (a 1 MiB semi-space) instead of doubling up to
// 16 MiB. A build keeps nearly everything it allocates until lowering (the syntax tree, the
// analysis), so a large young generation collects little and only holds ~30 MiB more at the
// peak: kdsl build of the 5,000-service bench app, peak RSS ~164 -> ~135 MiB (N = 1,000: 110 ->
// 79), 283 small scavenges instead of 21 large ones. The price is a little time where the app is
// small: main-thread CPU at N = 1,000 +2% and +5% in two sets of interleaved runs (medians of 8
// and 11), at N = 5,000 -1% (wall -7%). Kept, as the peak-memory budget is met only with it. Set
// here, the only place that can, before anything is allocated in bulk; only on V8 versions known
// to have the flag (an unknown one is an error message on stderr).
if (Number(process.versions.v8.split(".")[0]) <= 12) v8.setFlagsFromString("--semi-space-growth-factor=1");

const dist = path.join(__dirname, "..", "dist");
const fresh = [];

function load(file) {
  const source = readFileSync(file, "utf8");
  let cachedData;
  try {
    cachedData = readFileSync(file + ".cache");
  } catch {}
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) fresh.push([file, script]);
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  return mod.exports;
}

// Written at exit, so the cache also holds the functions this run compiled lazily.
process.once("exit", () => {
  for (const [file, script] of fresh) {
    const tmp = `${file}.cache.${process.pid}`;
    try {
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, file + ".cache");
    } catch {
      rmSync(tmp, { force: true });
    }
  }
});

globalThis.__kdslLoadCommand = (name) => load(path.join(dist, "commands", `${name}.cjs`));
load(path.join(dist, "kdsl.cjs"));

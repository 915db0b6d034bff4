// Preloaded into every measured process (`node --require bench/rss-probe.cjs ...`): on exit, writes
// the process's peak resident set size in KiB (getrusage ru_maxrss) to the file named by
// KDSL_BENCH_RSS_FILE. CommonJS and --require rather than an ESM --import so that the probe costs
// next to nothing, even for `node -e 0`, and the same for every command measured.
"use strict";
const file = process.env.KDSL_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    require("node:fs").writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}

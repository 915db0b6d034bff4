// Preloaded into every measured process (`node --require bench/rss-probe.cjs ...`): on exit, writes
// the process's peak resident set size in KiB (getrusage ru_maxrss) to the file named by
// KDSL_BENCH_RSS_FILE, and after it, where Linux tells it, the main thread's CPU time in ms
// (/proc/thread-self/schedstat): on a shared or noisy machine that moves far less than wall time.
// CommonJS and --require rather than an ESM --import so that the probe costs next to nothing, even
// for `node -e 0`, and the same for every command measured.
"use strict";
const file = process.env.KDSL_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    const fs = require("node:fs");
    let cpuMs = "";
    try {
      cpuMs = " " + Number(fs.readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
    } catch {}
    fs.writeFileSync(file, String(process.resourceUsage().maxRSS) + cpuMs);
  });
}

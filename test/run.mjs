// The test command: uvu over every *.test.ts (through tsx), then one closing line in the plain
// form CI logs are read for, `N passed, N failed`. The exit code is uvu's.
import { spawn } from "node:child_process";

const child = spawn(process.execPath, ["--import", "tsx", "node_modules/uvu/bin.js", "test", "\\.test\\.ts$"], { stdio: ["inherit", "pipe", "inherit"] });
let tail = "";
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  tail = (tail + chunk.toString()).slice(-4000);
});
child.on("close", (code) => {
  const plain = tail.replace(/\x1b\[[0-9;]*m/g, "");
  const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
  const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
  const skipped = Number(/Skipped:\s+(\d+)/.exec(plain)?.[1] ?? 0);
  if (Number.isFinite(total) && Number.isFinite(passed)) process.stdout.write(`\n${passed} passed, ${total - passed - skipped} failed, ${skipped} skipped\n`);
  process.exitCode = code ?? 1;
});

// Process entry for the bundled CLI. Exit codes flush stdout before leaving (large YAML to a pipe).
import { main } from "./main.ts";

// A reader that stops early (`kdsl build . | head`) closes the pipe: the rest of the output is not
// wanted, which is no failure of the command (the SIGPIPE that ends `cat` quietly is ignored by
// Node, so the write fails with EPIPE instead, and an unhandled stream error is a stack trace).
// Any other failure to write is an I/O error: reported once, exit 2.
let writeFailed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE" || writeFailed) return;
    writeFailed = true;
    process.exitCode = Math.max(Number(process.exitCode ?? 0), 2);
    if (stream === process.stdout) process.stderr.write(`kdsl: cannot write the output: ${e.message}\n`);
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = writeFailed ? Math.max(code, 2) : code;
});

// Process entry for the bundled CLI. Exit codes flush stdout before leaving (large YAML to a pipe).
import { main } from "./main.ts";

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

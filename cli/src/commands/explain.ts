// `kdsl explain <code>`: the diagnostic's page from the catalogue.
// The narrow entry point keeps the parser and the Kubernetes models out of this command's load.
import { explain } from "@kdsl/compiler/catalogue";
import { UsageError } from "../errors.ts";
import type { Flags } from "../flags.ts";

export function run(flags: Flags): number {
  const code = flags.positionals[0];
  if (!code) throw new UsageError("explain takes a diagnostic code: kdsl explain KD2004");
  const page = explain(code);
  if (!page) throw new UsageError(`no diagnostic code \`${code}\`; codes look like KD2004`);
  process.stdout.write(page);
  return 0;
}

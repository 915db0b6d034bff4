// `kdsl explain <code>`: the diagnostic's page from the catalogue.
// The narrow entry point keeps the parser and the Kubernetes models out of this command's load.
import { explain } from "@kdsl/compiler/catalogue";
import { UsageError } from "../errors.ts";
import type { Flags } from "../flags.ts";

export async function run(flags: Flags): Promise<number> {
  const code = flags.positionals[0];
  if (!code) throw new UsageError("explain takes a diagnostic code: kdsl explain KD2004");
  let page = explain(code);
  if (!page && /^[a-z][a-z0-9-]*$/.test(code)) {
    // A lint rule id: its page is generated from the rule (loaded only for this case).
    const { ruleById, ruleMarkdown } = await import("@kdsl/compiler");
    const rule = ruleById(code);
    if (rule) page = ruleMarkdown(rule);
  }
  if (!page) throw new UsageError(`no diagnostic code or lint rule \`${code}\`; codes look like KD2004, rules like no-latest-tag`);
  process.stdout.write(page);
  return 0;
}

// `kdsl check <path> [--profile P]`: every diagnostic, nothing written. Builds in memory, so the
// Kubernetes schema is checked too, but no secret is read.
import { build, hasErrors } from "@kdsl/compiler";
import { fsHost, withDecodeErrors } from "../fs-host.ts";
import { printDiagnostics } from "../output.ts";
import { UsageError } from "../errors.ts";
import { profilesOf, type Flags } from "../flags.ts";
import { withRecoveryParser } from "../recovery.ts";

export async function run(flags: Flags): Promise<number> {
  const entry = flags.positionals[0];
  if (!entry || flags.positionals.length > 1) throw new UsageError("check takes one file or directory: kdsl check <path>");
  const host = fsHost();
  // Profiles, target and the rest as `kdsl build` takes them (flags, then kdsl.json); secrets by
  // reference whatever kdsl.json says, since check reads no secret value.
  const profiles = profilesOf(flags);
  const result = await withRecoveryParser(() => build(host, entry, { profiles, secrets: "reference", yaml: false }));
  if (result.fatal) throw new UsageError(result.fatal);
  const { diagnostics, texts } = withDecodeErrors(host, result.diagnostics, result.program.texts);
  printDiagnostics(diagnostics, texts, flags.format);
  if (hasErrors(diagnostics)) return 1;
  if (flags.format === "pretty") process.stderr.write(`${entry}: no problems\n`);
  return 0;
}

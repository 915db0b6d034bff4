// `kdsl build <file|dir> [-o DIR] [--profile P] [--secrets reference|inline] [--format pretty|json]`
import path from "node:path";
import { build, hasErrors } from "@kdsl/compiler";
import { fsHost, withDecodeErrors } from "../fs-host.ts";
import { printDiagnostics, writeAtomic } from "../output.ts";
import { UsageError } from "../errors.ts";
import type { Flags } from "../flags.ts";

export function run(flags: Flags): number {
  const entry = flags.positionals[0];
  if (!entry || flags.positionals.length > 1) throw new UsageError("build takes one file or directory: kdsl build <path>");
  const secrets = flags.secrets ?? "reference";
  if (secrets !== "reference" && secrets !== "inline") throw new UsageError(`--secrets must be \`reference\` or \`inline\`, not \`${secrets}\``);
  const host = fsHost();
  const profiles = (flags.profile ?? []).flatMap((p) => p.split(",")).filter(Boolean);
  const result = build(host, entry, { profiles, secrets });
  if (result.fatal) throw new UsageError(result.fatal);
  const { diagnostics, texts } = withDecodeErrors(host, result.diagnostics, result.program.texts);
  // Without -o, stdout is the YAML: JSON diagnostics go to stderr so that both stay parseable.
  printDiagnostics(diagnostics, texts, flags.format, flags.output ? process.stdout : process.stderr);
  if (hasErrors(diagnostics) || result.yaml === undefined) return 1;
  if (flags.output) {
    const file = path.join(flags.output, `${result.app?.name ?? "app"}.yaml`);
    try {
      writeAtomic(file, result.yaml);
    } catch (e) {
      throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
    }
    if (flags.format === "pretty") process.stderr.write(`wrote ${file} (${result.objects?.length ?? 0} objects)\n`);
  } else {
    process.stdout.write(result.yaml);
  }
  return 0;
}

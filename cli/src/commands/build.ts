// `kdsl build <file|dir> [-o DIR [--check]] [--profile P] [--secrets reference|inline] [--format pretty|json]`
import path from "node:path";
import { readFileSync } from "node:fs";
import { createTwoFilesPatch } from "diff";
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
  if (flags.check) return checkUpToDate(flags, result.app?.name ?? "app", result.yaml);
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

/**
 * `--check -o DIR`: the committed DIR/<app>.yaml must equal what the build produces now (the
 * `prettier --check` of generated manifests, for CI and pre-commit). Prints a unified diff and
 * exits 1 when it does not; writes nothing.
 */
function checkUpToDate(flags: Flags, app: string, yaml: string): number {
  if (!flags.output) throw new UsageError("build --check compares with committed output: kdsl build <path> --check -o DIR");
  const file = path.join(flags.output, `${app}.yaml`);
  let committed: string | undefined;
  try {
    committed = readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  if (committed === yaml) {
    if (flags.format === "pretty") process.stderr.write(`${file} is up to date\n`);
    return 0;
  }
  const shown = file.split(path.sep).join("/");
  process.stdout.write(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, committed ?? "", yaml, committed === undefined ? "missing" : "committed", "built now"));
  process.stderr.write(`${file} is ${committed === undefined ? "missing" : "out of date"}: run \`kdsl build ${flags.positionals[0]} -o ${flags.output}\` and commit the result\n`);
  return 1;
}

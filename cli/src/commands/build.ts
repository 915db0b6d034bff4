// `kdsl build <file|dir> [-o DIR [--check]] [--profile P] [--secrets reference|inline] [--target kubernetes|runtime] [--format pretty|json]`
// Flags left out fall back to the project's kdsl.json (the compiler reads it), then the defaults.
import path from "node:path";
import { readFileSync, statSync } from "node:fs";
import { createTwoFilesPatch } from "diff";
import { buildOutput, hasErrors } from "@kdsl/compiler";
import { fsHost, withDecodeErrors } from "../fs-host.ts";
import { printDiagnostics, writeAtomic } from "../output.ts";
import { UsageError } from "../errors.ts";
import { profilesOf, type Flags } from "../flags.ts";
import { withRecoveryParser } from "../recovery.ts";
import { shellCommand } from "../shell.ts";

export async function run(flags: Flags): Promise<number> {
  const entry = flags.positionals[0];
  if (!entry || flags.positionals.length > 1) throw new UsageError("build takes one file or directory: kdsl build <path>");
  const secrets = flags.secrets;
  if (secrets !== undefined && secrets !== "reference" && secrets !== "inline") throw new UsageError(`--secrets must be \`reference\` or \`inline\`, not \`${secrets}\``);
  const target = flags.target;
  if (target !== undefined && target !== "kubernetes" && target !== "runtime") throw new UsageError(`--target must be \`kubernetes\` or \`runtime\`, not \`${target}\``);
  const host = fsHost();
  const profiles = profilesOf(flags);
  const result = await withRecoveryParser(() => buildOutput(host, entry, { profiles, secrets, target, planRoot: planRoot(entry, flags.output) }));
  if (result.fatal) throw new UsageError(result.fatal);
  const { diagnostics, texts } = withDecodeErrors(host, result.diagnostics, result.texts);
  // Without -o, stdout is the YAML (or plan): JSON diagnostics go to stderr so that both stay parseable.
  printDiagnostics(diagnostics, texts, flags.format, flags.output ? process.stdout : process.stderr);
  const runtime = result.target === "runtime";
  const parts = result.output;
  if (hasErrors(diagnostics) || parts === undefined) return 1;
  const name = `${result.appName ?? "app"}${runtime ? ".plan.json" : ".yaml"}`;
  if (flags.check) return checkUpToDate(flags, name, Buffer.concat(parts));
  if (flags.output) {
    const file = path.join(flags.output, name);
    try {
      writeAtomic(file, parts);
    } catch (e) {
      throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
    }
    const what = runtime ? `${result.plan?.services.length ?? 0} services, ${result.plan?.jobs.length ?? 0} jobs` : `${result.objectCount ?? 0} objects`;
    if (flags.format === "pretty") process.stderr.write(`wrote ${file} (${what})\n`);
  } else {
    for (const p of parts) process.stdout.write(p);
  }
  return 0;
}

/**
 * The project directory as the plan records it: relative to the directory the plan is written
 * to (the current one when printed), so that a plan stays valid when the tree is moved or
 * checked out elsewhere, and is the same on every machine.
 */
function planRoot(entry: string, output: string | undefined): string {
  let dir = entry;
  try {
    if (!statSync(entry).isDirectory()) dir = path.dirname(entry);
  } catch {
    return entry; // the build reports the unreadable entry
  }
  const rel = path.relative(path.resolve(output ?? "."), path.resolve(dir)).split(path.sep).join("/");
  return rel === "" ? "." : rel;
}

/**
 * `--check -o DIR`: the committed DIR/<app>.yaml (or <app>.plan.json) must equal what the build produces now (the
 * `prettier --check` of generated manifests, for CI and pre-commit). Prints a unified diff and
 * exits 1 when it does not; writes nothing.
 */
function checkUpToDate(flags: Flags, name: string, built: Uint8Array): number {
  if (!flags.output) throw new UsageError("build --check compares with committed output: kdsl build <path> --check -o DIR");
  const file = path.join(flags.output, name);
  let committed: Buffer | undefined;
  try {
    committed = readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  if (committed !== undefined && Buffer.compare(committed, built) === 0) {
    if (flags.format === "pretty") process.stderr.write(`${file} is up to date\n`);
    return 0;
  }
  const shown = file.split(path.sep).join("/");
  // A checkout that turned LF into CRLF (git's autocrlf on Windows) would show a diff of lines
  // that all look alike: say what differs instead.
  if (committed !== undefined && committed.includes(13) && Buffer.compare(Buffer.from(committed.toString("latin1").replace(/\r\n/g, "\n"), "latin1"), built) === 0) {
    const pattern = `*${name.slice(name.indexOf("."))}`;
    process.stderr.write(`${file} differs only in line endings (CRLF): kdsl writes LF; set \`${pattern} text eol=lf\` in .gitattributes and check the file out again, or run \`${rebuildCommand(flags)}\` and commit the result\n`);
    return 1;
  }
  process.stdout.write(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, committed?.toString("utf8") ?? "", new TextDecoder().decode(built), committed === undefined ? "missing" : "committed", "built now"));
  process.stderr.write(`${file} is ${committed === undefined ? "missing" : "out of date"}: run \`${rebuildCommand(flags)}\` and commit the result\n`);
  return 1;
}

/** The build that writes what --check compared with: the same entry, output and options that shape the output. */
function rebuildCommand(flags: Flags): string {
  const words = ["kdsl", "build", flags.positionals[0]!, "-o", flags.output!];
  for (const p of flags.profile ?? []) words.push("--profile", p);
  if (flags.secrets !== undefined) words.push("--secrets", flags.secrets);
  if (flags.target !== undefined) words.push("--target", flags.target);
  return shellCommand(words);
}

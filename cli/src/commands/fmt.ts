// `kdsl fmt [--check] <path...>`: rewrite files in the canonical layout, or with --check list the
// files that are not (exit 1). Files with syntax errors are reported and left alone.
import { readFileSync, statSync, readdirSync } from "node:fs";
import path from "node:path";
import { decodeSource, format, hasErrors, type Diagnostic } from "@kdsl/compiler";
import { printDiagnostics, writeAtomic } from "../output.ts";
import { UsageError } from "../errors.ts";
import type { Flags } from "../flags.ts";
import { withRecoveryParser } from "../recovery.ts";

function expand(p: string): string[] {
  let st;
  try {
    st = statSync(p);
  } catch {
    throw new UsageError(`${p}: no such file or directory`);
  }
  if (!st.isDirectory()) return [p];
  return readdirSync(p)
    .filter((f) => f.endsWith(".kdsl"))
    .sort()
    .map((f) => path.join(p, f));
}

export async function run(flags: Flags): Promise<number> {
  if (flags.positionals.length === 0) throw new UsageError("fmt takes files or directories: kdsl fmt [--check] <path...>");
  const files = flags.positionals.flatMap(expand);
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const unformatted: string[] = [];
  for (const file of files) {
    const decoded = decodeSource(file, readFileSync(file));
    if ("diagnostic" in decoded) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }
    texts.set(file, decoded.text);
    const r = await withRecoveryParser(() => format(decoded.text, file));
    diagnostics.push(...r.diagnostics);
    if (r.text === undefined || r.text === decoded.text) continue;
    unformatted.push(file);
    if (!flags.check) writeAtomic(file, r.text);
  }
  printDiagnostics(diagnostics, texts, flags.format);
  if (flags.check) for (const f of unformatted) process.stdout.write(`${f}: not formatted\n`);
  else for (const f of unformatted) process.stderr.write(`formatted ${f}\n`);
  if (hasErrors(diagnostics)) return 1;
  return flags.check && unformatted.length > 0 ? 1 : 0;
}

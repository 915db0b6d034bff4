// `kdsl fmt [--check] <path...>`: rewrite files in the canonical layout, or with --check list the
// files that are not (exit 1). Files with syntax errors are reported and left alone. A path or
// file that cannot be read, or a file that cannot be rewritten, is an I/O error (exit 2); every
// file is read before the first is rewritten, so an unreadable one stops the run with none changed.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { decodeSource, format, hasErrors, readFailure, type Diagnostic } from "@kdsl/compiler";
import { printDiagnostics, writeAtomic } from "../output.ts";
import { isSymlink, readBytes } from "../fs-host.ts";
import { UsageError } from "../errors.ts";
import type { Flags } from "../flags.ts";
import { withRecoveryParser } from "../recovery.ts";

const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

function expand(p: string): string[] {
  let st;
  try {
    st = statSync(p);
  } catch (e) {
    if (errno(e) !== "ENOENT") throw new UsageError(`${p}: cannot be read (${errno(e)})`);
    throw new UsageError(isSymlink(p) ? `${p}: cannot be read (a broken symbolic link)` : `${p}: no such file or directory`);
  }
  if (!st.isDirectory()) return [p];
  let names: string[];
  try {
    names = readdirSync(p);
  } catch (e) {
    throw new UsageError(`${p}: cannot be read (${errno(e)})`);
  }
  const files = names.filter((f) => f.endsWith(".kdsl")).sort().map((f) => path.join(p, f));
  if (files.length === 0) throw new UsageError(`no .kdsl files in ${p}`);
  return files;
}

export async function run(flags: Flags): Promise<number> {
  if (flags.positionals.length === 0) throw new UsageError("fmt takes files or directories: kdsl fmt [--check] <path...>");
  const files = [...new Set(flags.positionals.flatMap(expand))];
  const sources: [string, Uint8Array][] = files.map((file) => {
    const read = readBytes(file);
    if (!("bytes" in read)) throw new UsageError(readFailure(file, read));
    return [file, read.bytes];
  });
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const unformatted: string[] = [];
  let writeFailure: string | undefined;
  for (const [file, bytes] of sources) {
    const decoded = decodeSource(file, bytes);
    if ("diagnostic" in decoded) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }
    texts.set(file, decoded.text);
    const r = await withRecoveryParser(() => format(decoded.text, file));
    diagnostics.push(...r.diagnostics);
    if (r.text === undefined || r.text === decoded.text) continue;
    if (!flags.check) {
      try {
        writeAtomic(file, r.text);
      } catch (e) {
        // Stop here: what was rewritten so far is listed below, then the error (exit 2).
        writeFailure = `${file}: cannot be written (${errno(e)})`;
        break;
      }
    }
    unformatted.push(file);
  }
  printDiagnostics(diagnostics, texts, flags.format);
  if (flags.check) for (const f of unformatted) process.stdout.write(`${f}: not formatted\n`);
  else for (const f of unformatted) process.stderr.write(`formatted ${f}\n`);
  if (writeFailure) throw new UsageError(writeFailure);
  if (hasErrors(diagnostics)) return 1;
  return flags.check && unformatted.length > 0 ? 1 : 0;
}

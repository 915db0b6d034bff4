// `kdsl fmt [--check] <path...>`: rewrite files in the canonical layout, or with --check list the
// files that are not (exit 1). A directory stands for its project: its .kdsl files and the local
// modules they `use`. The canonical layout has no byte-order mark. Files with syntax errors are
// reported and left alone. A path or
// file that cannot be read, or a file that cannot be rewritten, is an I/O error (exit 2); every
// file is read before the first is rewritten, so an unreadable one stops the run with none changed.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { decodeSource, format, formatProject, hasErrors, readFailure, type Diagnostic } from "@kdsl/compiler";
import { printDiagnostics, writeAtomic } from "../output.ts";
import { fsHost, hasBom, isSymlink, readBytes } from "../fs-host.ts";
import { UsageError } from "../errors.ts";
import type { Flags } from "../flags.ts";
import { withRecoveryParser } from "../recovery.ts";

const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

/** A file to format: its text (absent when it could not be decoded), the canonical layout, whether it has a BOM. */
interface Source {
  readonly file: string;
  readonly text?: string;
  readonly formatted?: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly bom: boolean;
}

/**
 * The files a path stands for, read and formatted (nothing written yet). A file is that file. A
 * directory is a project: its .kdsl files and the local modules they `use`, as `kdsl build` reads
 * them (the compiler's formatProject), stdlib aside.
 */
async function sourcesOf(p: string): Promise<Source[]> {
  let st;
  try {
    st = statSync(p);
  } catch (e) {
    if (errno(e) !== "ENOENT") throw new UsageError(`${p}: cannot be read (${errno(e)})`);
    throw new UsageError(isSymlink(p) ? `${p}: cannot be read (a broken symbolic link)` : `${p}: no such file or directory`);
  }
  if (!st.isDirectory()) {
    const read = readBytes(p);
    if (!("bytes" in read)) throw new UsageError(readFailure(p, read));
    const decoded = decodeSource(p, read.bytes);
    if ("diagnostic" in decoded) return [{ file: p, diagnostics: [decoded.diagnostic], bom: false }];
    const r = await withRecoveryParser(() => format(decoded.text, p));
    return [{ file: p, text: decoded.text, ...(r.text !== undefined ? { formatted: r.text } : {}), diagnostics: r.diagnostics, bom: hasBom(read.bytes) }];
  }
  let names: string[];
  try {
    names = readdirSync(p);
  } catch (e) {
    throw new UsageError(`${p}: cannot be read (${errno(e)})`);
  }
  if (!names.some((f) => f.endsWith(".kdsl"))) throw new UsageError(`no .kdsl files in ${p}`);
  const host = fsHost();
  const r = await withRecoveryParser(() => formatProject(host, p));
  if (r.fatal) throw new UsageError(r.fatal);
  return r.files.map((f) =>
    host.undecodable.has(f.file)
      ? { file: f.file, diagnostics: host.decodeErrors.filter((d) => d.span.file === f.file), bom: false }
      : { file: f.file, text: f.text, ...(f.formatted !== undefined ? { formatted: f.formatted } : {}), diagnostics: f.diagnostics, bom: host.withBom.has(f.file) },
  );
}

export async function run(flags: Flags): Promise<number> {
  if (flags.positionals.length === 0) throw new UsageError("fmt takes files or directories: kdsl fmt [--check] <path...>");
  // Every file is read before the first is rewritten; a file reached twice is formatted once.
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const p of flags.positionals) {
    for (const s of await sourcesOf(p)) {
      if (seen.has(path.resolve(s.file))) continue;
      seen.add(path.resolve(s.file));
      sources.push(s);
    }
  }
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const unformatted: string[] = [];
  let writeFailure: string | undefined;
  for (const { file, text, formatted, diagnostics: found, bom } of sources) {
    diagnostics.push(...found);
    if (text === undefined) continue;
    texts.set(file, text);
    // The canonical form has no byte-order mark: a file with one is not formatted, whatever else.
    if (formatted === undefined || (formatted === text && !bom)) continue;
    if (!flags.check) {
      try {
        writeAtomic(file, formatted);
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

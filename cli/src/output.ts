// How the CLI speaks: diagnostics rendered for a terminal (colour only on a TTY, NO_COLOR
// respected) or as JSON, and files written whole or not at all.
import { chmodSync, closeSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { ANSI_COLORS, NO_COLORS, renderJson, renderPretty, sortDiagnostics, type Diagnostic } from "@kdsl/compiler";

export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !("NO_COLOR" in process.env && process.env["NO_COLOR"] !== "") && process.env["TERM"] !== "dumb";
}

/** Code frames shown for one code and message; the repeats after them are counted. */
const FRAMES_PER_MESSAGE = 3;
/** Positions listed for the repeats counted after them. */
const POSITIONS_LISTED = 3;

/** Pretty output goes to stderr; JSON to `jsonTo` (stdout unless stdout carries the YAML). */
export function printDiagnostics(ds: readonly Diagnostic[], texts: ReadonlyMap<string, string>, format: "pretty" | "json", jsonTo: NodeJS.WritableStream = process.stdout): void {
  const sorted = sortDiagnostics(ds);
  if (format === "json") {
    jsonTo.write(renderJson(sorted) + "\n");
    return;
  }
  if (sorted.length === 0) return;
  const colors = useColor(process.stderr) ? ANSI_COLORS : NO_COLORS;
  // One cause can repeat thousands of times (an env var 5,000 secrets read): past a few code
  // frames per code and message, the rest are counted with their first positions. JSON lists all.
  const frames: string[] = [];
  const more = new Map<string, Diagnostic[]>();
  const seen = new Map<string, number>();
  for (const d of sorted) {
    const key = `${d.code}\u0000${d.message}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= FRAMES_PER_MESSAGE) frames.push(renderPretty(d, texts.get(d.span.file), colors));
    else (more.get(key) ?? more.set(key, []).get(key)!).push(d);
  }
  for (const rest of more.values()) {
    const at = rest.slice(0, POSITIONS_LISTED).map((d) => `${d.span.file}:${d.span.line}:${d.span.col}`).join(", ");
    frames.push(`… and ${rest.length} more of the same ${rest[0]!.severity === "info" ? "note" : rest[0]!.severity} (${rest[0]!.code}: ${rest[0]!.message}), at ${at}${rest.length > POSITIONS_LISTED ? ", …" : ""}; \`--format json\` lists every one`);
  }
  const out = frames.join("\n\n");
  const errors = sorted.filter((d) => d.severity === "error").length;
  const warnings = sorted.filter((d) => d.severity === "warning").length;
  const summary = [errors ? `${errors} error${errors > 1 ? "s" : ""}` : "", warnings ? `${warnings} warning${warnings > 1 ? "s" : ""}` : ""].filter(Boolean).join(", ");
  process.stderr.write(out + "\n\n" + (summary || `${sorted.length} note${sorted.length > 1 ? "s" : ""}`) + "\n");
}

/**
 * Writes through a temporary file in the same directory and renames it: readers never see half a
 * file. A file that exists is replaced as an editor would: through a symbolic link (the link's
 * target gets the new text, the link stays), and with its mode kept (a read-only file stays
 * read-only; rename needs only the directory to be writable).
 */
export function writeAtomic(file: string, content: string | Uint8Array | readonly Uint8Array[]): void {
  const existing = existingTarget(file);
  const target = existing?.path ?? file;
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    if (typeof content === "string" || content instanceof Uint8Array) writeFileSync(tmp, content);
    else writeParts(tmp, content);
    if (existing) chmodSync(tmp, existing.mode);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** The file a write to `file` should replace (symbolic links resolved) and its mode, if it exists. */
function existingTarget(file: string): { path: string; mode: number } | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return undefined; // not there (or a link to nothing, which the write replaces)
  }
  const st = statSync(real);
  return st.isFile() ? { path: real, mode: st.mode & 0o7777 } : undefined;
}

/** Writes `parts` one after the other to `file` (a build's output comes in pieces: see BuildOutput.output). */
function writeParts(file: string, parts: readonly Uint8Array[]): void {
  const fd = openSync(file, "w");
  try {
    for (const p of parts) for (let at = 0; at < p.length; ) at += writeSync(fd, p, at, p.length - at);
  } finally {
    closeSync(fd);
  }
}

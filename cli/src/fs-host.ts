// The compiler's host over the real file system, for the CLI. Reads are decoded strictly (invalid
// UTF-8 is a diagnostic, see decodeSource); the stdlib sits beside the installed package.
import { existsSync, lstatSync, readFileSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { decodeSource, type BytesResult, type Diagnostic, type Host, type ReadError, type ReadResult } from "@kdsl/compiler";

/**
 * The stdlib ships beside cli/: found by walking up from this module, which is cli/src/ when run
 * from source and cli/dist/ or cli/dist/commands/ when bundled.
 */
export const STDLIB_DIR = ((): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, "stdlib");
    if (existsSync(path.join(candidate, "prelude.kdsl"))) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../stdlib");
})();

export interface FsHost extends Host {
  /** Decoding problems met while reading (invalid UTF-8, binary files). */
  readonly decodeErrors: Diagnostic[];
  /** Files that could not be decoded, with a lossy decoding for code frames (they were read as empty). */
  readonly undecodable: Map<string, string>;
  /** Files read that start with a UTF-8 byte-order mark (decoding drops it; `kdsl fmt` removes it). */
  readonly withBom: Set<string>;
}

export const hasBom = (b: Uint8Array): boolean => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * A run's diagnostics with the decoding problems first. A file that could not be decoded was given
 * to the compiler as empty, so what the compiler says about that file (empty, no `app`) is noise
 * and dropped; its code frames show a lossy decoding of the bytes.
 */
export function withDecodeErrors(host: FsHost, diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): { diagnostics: Diagnostic[]; texts: Map<string, string> } {
  return {
    diagnostics: [...host.decodeErrors, ...diagnostics.filter((d) => !host.undecodable.has(d.span.file))],
    texts: new Map([...texts, ...host.undecodable]),
  };
}

export function readBytes(p: string): BytesResult {
  try {
    return { bytes: readFileSync(p) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A link to nothing is there but cannot be read: say which, not "no such file".
    if (code === "ENOENT") return isSymlink(p) ? { error: "unreadable", detail: "a broken symbolic link" } : { error: "not-found" };
    // A directory that cannot be listed either is reported for that (listKdslFiles found no files).
    if (code === "EISDIR") return listError(p) ?? { error: "is-directory" };
    return { error: "unreadable", detail: code ?? String(e) };
  }
}

export function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function listError(dir: string): ReadError | undefined {
  try {
    readdirSync(dir);
    return undefined;
  } catch (e) {
    return { error: "unreadable", detail: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}

export function fsHost(env: NodeJS.ProcessEnv = process.env): FsHost {
  const decodeErrors: Diagnostic[] = [];
  const undecodable = new Map<string, string>();
  const withBom = new Set<string>();
  return {
    decodeErrors,
    undecodable,
    withBom,
    readFile(p: string): ReadResult {
      const read = readBytes(p);
      if (!("bytes" in read)) return read;
      const bytes = read.bytes;
      if (hasBom(bytes)) withBom.add(p);
      const decoded = decodeSource(p, bytes);
      if ("diagnostic" in decoded) {
        // A compile may run twice (cli/src/recovery.ts) and so read a file twice: one report per file.
        if (!undecodable.has(p)) decodeErrors.push(decoded.diagnostic);
        // Control characters of binary junk must not reach the terminal through the code frame.
        undecodable.set(p, new TextDecoder().decode(bytes).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD"));
        return { text: "" };
      }
      return decoded;
    },
    readBytes,
    listKdslFiles(dir: string) {
      try {
        if (!statSync(dir).isDirectory()) return undefined;
        return readdirSync(dir)
          .filter((f) => f.endsWith(".kdsl"))
          .sort()
          .map((f) => path.posix.join(dir.split(path.sep).join("/"), f));
      } catch {
        return undefined;
      }
    },
    readStdlib(p: string) {
      try {
        return readFileSync(path.join(STDLIB_DIR, p), "utf8");
      } catch {
        return undefined;
      }
    },
    getEnv: (name) => env[name],
  };
}

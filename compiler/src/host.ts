// The compiler does no I/O: files and the environment come through this interface. The CLI backs
// it with the file system, the language server with open documents, tests with a map.
export type ReadError = { readonly error: "not-found" | "is-directory" | "unreadable"; readonly detail?: string };
export type ReadResult = { readonly text: string } | ReadError;
export type BytesResult = { readonly bytes: Uint8Array } | ReadError;

/**
 * Why a file could not be read, as the CLI prints it (exit 2). `named`: the path is the one the
 * user gave, so a missing one is "no such file or directory"; a file found in a listing that then
 * vanished "cannot be read".
 */
export function readFailure(file: string, read: ReadError, named = true): string {
  if (read.error === "not-found") return named ? `${file}: no such file or directory` : `${file}: cannot be read (no such file)`;
  if (read.error === "is-directory") return `${file}: cannot be read (it is a directory)`;
  return `${file}: cannot be read${read.detail ? ` (${read.detail})` : ""}`;
}

export interface Host {
  /** Reads a project file by path (as given by the caller, `/`-separated). */
  readFile(path: string): ReadResult;
  /**
   * Reads a file's bytes, whatever they hold: the files secrets take their values from
   * (`file("...")`), which may be binary (keystores, DER certificates). No decoding, no diagnostics.
   */
  readBytes(path: string): BytesResult;
  /** The `.kdsl` files directly inside a directory, or undefined when `path` is not a directory. */
  listKdslFiles(path: string): readonly string[] | undefined;
  /** Reads a stdlib file by its path inside stdlib/ (`prelude.kdsl`, `std/web.kdsl`). */
  readStdlib(path: string): string | undefined;
  /** An environment variable, for `env(...)` secret values in inline mode. */
  getEnv(name: string): string | undefined;
}

/** A host over an in-memory map, for tests and the playground. */
export function memoryHost(files: Readonly<Record<string, string>>, stdlib: Readonly<Record<string, string>>, env: Readonly<Record<string, string>> = {}): Host {
  const readFile = (p: string): ReadResult => (p in files ? { text: files[p]! } : Object.keys(files).some((f) => f.startsWith(p + "/")) ? { error: "is-directory" } : { error: "not-found" });
  return {
    readFile,
    readBytes: (p) => {
      const r = readFile(p);
      return "text" in r ? { bytes: new TextEncoder().encode(r.text) } : r;
    },
    listKdslFiles: (dir) => {
      const prefix = dir.endsWith("/") ? dir : dir + "/";
      const inside = Object.keys(files).filter((f) => f.startsWith(prefix));
      if (inside.length === 0) return undefined;
      return inside.filter((f) => !f.slice(prefix.length).includes("/") && f.endsWith(".kdsl")).sort();
    },
    readStdlib: (p) => stdlib[p],
    getEnv: (n) => env[n],
  };
}

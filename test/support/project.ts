// Test helpers: a compiler host over the real repository (stdlib included) with a controlled
// environment, and the golden-file comparison every golden test shares.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as assert from "uvu/assert";
import { fsHost } from "../../cli/src/fs-host.ts";
import type { Host } from "../../compiler/src/host.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The CLI's own file-system host, with an environment of the test's choosing (never the real one). */
export function repoHost(env: Record<string, string> = {}): Host {
  return fsHost(env);
}

export const updating = process.env["UPDATE_GOLDEN"] === "1";

/** Compares `actual` with the golden file; UPDATE_GOLDEN=1 rewrites it instead. */
export function golden(file: string, actual: string): void {
  if (updating || !existsSync(file)) {
    if (!updating) throw new Error(`missing golden file ${path.relative(repoRoot, file)}; run with UPDATE_GOLDEN=1 to create it`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.fixture(actual, readFileSync(file, "utf8"), `${path.relative(repoRoot, file)} is out of date (UPDATE_GOLDEN=1 npm test rewrites it)`);
}

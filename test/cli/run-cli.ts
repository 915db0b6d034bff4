// Runs the real `kdsl` command (the bundle under cli/dist, built first if missing) as a child
// process, with a timeout, and picks apart what it said. Shared by the CLI and bad-input tests.
import { spawnSync, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "cli/bin/kdsl.js");

function newestSource(): number {
  let newest = 0;
  for (const dir of ["compiler/src", "cli/src"]) {
    for (const f of readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })) newest = Math.max(newest, statSync(join(ROOT, dir, f)).mtimeMs);
  }
  return newest;
}

let bundleChecked = false;
/**
 * Builds cli/dist (once per process) when it is missing or older than the sources it bundles, so
 * that the tests never run yesterday's compiler against today's stdlib.
 */
export function ensureBundle(): void {
  if (bundleChecked) return;
  const bundle = join(ROOT, "cli/dist/kdsl.cjs");
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource()) {
    execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: "inherit", timeout: 120_000 });
  }
  bundleChecked = true;
}

export interface CliRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** Set when the process could not be started or was killed by the timeout. */
  readonly error?: Error;
}

export interface CliOptions {
  readonly cwd?: string;
  /** Added to a clean environment (PATH and HOME kept, no colour or kdsl variables inherited). */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

export function kdsl(args: readonly string[], options: CliOptions = {}): CliRun {
  ensureBundle();
  const env: Record<string, string> = {};
  for (const k of ["PATH", "HOME", "TMPDIR", "SystemRoot"]) if (process.env[k] !== undefined) env[k] = process.env[k]!;
  Object.assign(env, options.env ?? {});
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, encoding: "utf8", timeout: options.timeoutMs ?? 10_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms: performance.now() - t0, ...(r.error ? { error: r.error } : {}) };
}

/** One line for assertion messages: how the run ended and the start of what it said. */
export function describe(r: CliRun): string {
  const clip = (s: string) => (s.length > 1500 ? s.slice(0, 1500) + "…" : s);
  return `exit ${r.status}${r.signal ? ` (signal ${r.signal})` : ""}${r.error ? ` (${r.error.message})` : ""} after ${r.ms.toFixed(0)} ms\n--- stderr\n${clip(r.stderr)}\n--- stdout\n${clip(r.stdout)}`;
}

/** Lines that look like a JavaScript stack trace, or the CLI's own report of a crash. */
export function crashSigns(output: string): string[] {
  return output.split("\n").filter((l) => /^\s+at .+(\(|:\d+)/.test(l) || /internal error/i.test(l) || /\b(TypeError|ReferenceError|RangeError):/.test(l));
}

/** The `file:line:col` positions of the diagnostics' `-->` lines, as [file, line, col]. */
export function positions(stderr: string): [string, number, number][] {
  return [...stderr.matchAll(/-->\s+(\S+?):(\d+):(\d+)\s*$/gm)].map((m) => [m[1]!, Number(m[2]), Number(m[3])]);
}

/** The diagnostic codes in pretty output, in order. */
export function codes(stderr: string): string[] {
  return [...stderr.matchAll(/\b(?:error|warning|info)\[(KD\d{4})\]/g)].map((m) => m[1]!);
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix = "kdsl-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// ESC, and CSI as one byte: what a colour or cursor sequence starts with.
export const ESCAPES = /[\u001b\u009b]/;

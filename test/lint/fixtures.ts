// The lint fixtures under test/lint/<rule-id>/ (layout in test/lint/README.md): discovery and a
// lint run over an in-memory host holding one fixture file and the real stdlib.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { memoryHost } from "../../compiler/src/host.ts";
import { lint, type LintResult } from "../../compiler/src/lint/index.ts";
import { parseLintConfig, type LintConfig } from "../../compiler/src/lint/config.ts";
import { fixProject, type FixResult } from "../../compiler/src/lint/fix.ts";
import { REPO, stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

export const LINT_DIR = "test/lint";
export type CaseKind = "fail" | "pass" | "suppressed" | "fix";
const KINDS: readonly CaseKind[] = ["fail", "pass", "suppressed", "fix"];

export interface LintCase {
  readonly rule: string;
  readonly kind: CaseKind;
  /** `fail`, `fail-canary`, ... */
  readonly name: string;
  /** Repository-relative path of the .kdsl file (as diagnostics show it). */
  readonly entry: string;
  readonly text: string;
  /** fail: `<name>.expected`; fix: `<name>.fixed.kdsl`. */
  readonly expectedPath?: string;
  readonly config?: LintConfig;
}

/** Rule ids that have a fixture directory. */
export function fixtureRules(): string[] {
  const dir = path.join(REPO, LINT_DIR);
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

export function loadCases(rule: string): LintCase[] {
  const dir = path.join(REPO, LINT_DIR, rule);
  if (!existsSync(dir)) return [];
  let config: LintConfig | undefined;
  const configPath = path.join(dir, "kdsl.json");
  if (existsSync(configPath)) {
    const loaded = parseLintConfig(`${LINT_DIR}/${rule}/kdsl.json`, readFileSync(configPath, "utf8"));
    if (loaded.diagnostics.length) throw new Error(`${configPath}: ${loaded.diagnostics.map((d) => d.message).join("; ")}`);
    config = loaded.config;
  }
  const out: LintCase[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith(".kdsl") || f.endsWith(".fixed.kdsl")) continue;
    const name = f.slice(0, -".kdsl".length);
    const kind = KINDS.find((k) => name === k || name.startsWith(k + "-"));
    if (!kind) throw new Error(`${LINT_DIR}/${rule}/${f}: a fixture is named fail*, pass*, suppressed* or fix*`);
    const expectedPath = kind === "fail" ? path.join(dir, `${name}.expected`) : kind === "fix" ? path.join(dir, `${name}.fixed.kdsl`) : undefined;
    out.push({ rule, kind, name, entry: `${LINT_DIR}/${rule}/${f}`, text: readFileSync(path.join(dir, f), "utf8"), ...(expectedPath ? { expectedPath } : {}), ...(config ? { config } : {}) });
  }
  return out;
}

export function hostFor(entry: string, text: string) {
  return memoryHost({ [entry]: text }, stdlibFiles());
}

export function lintCase(c: LintCase, text = c.text): LintResult {
  return lint(hostFor(c.entry, text), c.entry, c.config ? { config: c.config } : {});
}

/** Applies the fixes of `rule` only, to a fixed point. */
export function fixCase(c: LintCase, text = c.text): FixResult {
  return fixProject(hostFor(c.entry, text), c.entry, c.config ? { config: c.config } : {}, (d) => d.code === c.rule);
}

/** An app every rule accepts except single-replica (one replica): the engine and CLI tests watch that one. */
export const SINGLE_REPLICA_APP = `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 1
  port http 8080
  health {
    readiness = http("/ready")
    liveness = tcp()
  }
  scratch ["/tmp"]
  disruption { max-unavailable = 1 }
  avoid { "app.kubernetes.io/name" = "api" }
  resources {
    cpu = 100m to 300m
    memory = 128Mi to 256Mi
  }
}
`;

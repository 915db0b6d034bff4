// kdsl.json's `lint` section: per-rule severity and options, and ignored paths. The file is read
// through the host from the project root (the entry directory, or the entry file's directory)
// and validated with ajv against the schema generated from the registry. Problems are diagnostics
// with a position in kdsl.json (KD7001 not JSON, KD7002 wrong shape, KD7003 unknown rule).
import type { Ajv, ErrorObject } from "ajv";
import { ajvLib } from "../project/libs.ts";
import { posix as path } from "node:path";
import type { Host } from "../host.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { locateErrors, readJsonObject, type JsonFile } from "../project/json-file.ts";
import { didYouMean } from "../semantics/suggest.ts";
import type { AnyRule, ConfiguredSeverity } from "./rule.ts";
import { RULES } from "./registry.ts";
import { lintSchema } from "./schema.ts";

export { PROJECT_FILE as CONFIG_FILE } from "../project/schema.ts";
import { PROJECT_FILE as CONFIG_FILE } from "../project/schema.ts";

/** A rule's setting, as the user wrote it (or absent for the defaults). */
export type RuleSetting = ConfiguredSeverity | readonly [ConfiguredSeverity, Readonly<Record<string, unknown>>];

export interface LintConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly ignore: readonly string[];
}

export const DEFAULT_CONFIG: LintConfig = { rules: {}, ignore: [] };

export interface LoadedConfig {
  readonly config: LintConfig;
  /** The path read, when there was a file. */
  readonly file?: string;
  readonly text?: string;
  readonly diagnostics: readonly Diagnostic[];
}

let validator: ReturnType<Ajv["compile"]> | undefined;
function validate(data: unknown): readonly ErrorObject[] {
  validator ??= new (ajvLib().Ajv)({ allErrors: true, strict: true }).compile(lintSchema());
  return validator(data) ? [] : (validator.errors ?? []);
}

/** Reads `<root>/kdsl.json`; no file means the defaults. Other top-level sections belong to other tools. */
export function loadLintConfig(host: Host, root: string): LoadedConfig {
  const file = root === "." || root === "" ? CONFIG_FILE : path.join(root, CONFIG_FILE);
  const read = host.readFile(file);
  if (!("text" in read)) return { config: DEFAULT_CONFIG, diagnostics: [] };
  return parseLintConfig(file, read.text);
}

export function parseLintConfig(file: string, text: string): LoadedConfig {
  const read = readJsonObject(file, text);
  if ("diagnostic" in read) return { config: DEFAULT_CONFIG, file, text, diagnostics: [read.diagnostic] };
  const lint = read.json.data["lint"];
  if (lint === undefined) return { config: DEFAULT_CONFIG, file, text, diagnostics: [] };
  const errors = validate(lint);
  if (errors.length) return { config: DEFAULT_CONFIG, file, text, diagnostics: toDiagnostics(read.json, errors) };
  const l = lint as { rules?: Record<string, RuleSetting>; ignore?: string[] };
  return { config: { rules: l.rules ?? {}, ignore: l.ignore ?? [] }, file, text, diagnostics: [] };
}

export function settingFor(rule: AnyRule, config: LintConfig): { severity: ConfiguredSeverity; options: Record<string, unknown> } {
  const s = config.rules[rule.id];
  const defaults = { ...((rule.options?.defaults as Record<string, unknown>) ?? {}) };
  if (s === undefined) return { severity: rule.severity, options: defaults };
  if (typeof s === "string") return { severity: s, options: defaults };
  return { severity: s[0], options: { ...defaults, ...s[1] } };
}

// ---- errors mapped to positions ---------------------------------------------------------------

function toDiagnostics(json: JsonFile, errors: readonly ErrorObject[]): Diagnostic[] {
  return locateErrors(json, errors, ["lint"]).map(({ error: e, path, where, span }) => {
    if (e.keyword === "additionalProperties") {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      if (path.length === 2 && path[1] === "rules") {
        return diag("KD7003", span, `unknown lint rule \`${key}\` in ${CONFIG_FILE}`, { hints: [...didYouMean(key, RULES.map((r) => r.id)), "`kdsl lint --list-rules` lists every rule."] });
      }
      return diag("KD7002", span, `\`${where}\` has no setting \`${key}\``);
    }
    // Where one of several forms was allowed, say so rather than what the first form wanted.
    const anyOf = errors.some((x) => x.keyword === "anyOf" && x.instancePath === e.instancePath);
    const message = anyOf && path[1] === "rules" ? "must be `off`, `info`, `warning` or `error`, or `[severity, { options }]`" : (e.message ?? "is not valid");
    return diag("KD7002", span, `\`${where}\` ${message}`);
  });
}

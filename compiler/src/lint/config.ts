// kdsl.json's `lint` section: per-rule severity and options, and ignored paths. The file is read
// through the host from the project root (the entry directory, or the entry file's directory)
// and validated with ajv against the schema generated from the registry. Problems are diagnostics
// with a position in kdsl.json (KD7001 not JSON, KD7002 wrong shape, KD7003 unknown rule).
import { Ajv, type ErrorObject } from "ajv";
import { parseDocument, isMap, isPair, isScalar, type Node } from "yaml";
import { posix as path } from "node:path";
import type { Host } from "../host.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { spanAt, fileStart } from "../syntax/span.ts";
import { didYouMean } from "../semantics/suggest.ts";
import type { AnyRule, ConfiguredSeverity } from "./rule.ts";
import { RULES } from "./registry.ts";
import { lintSchema } from "./schema.ts";

export const CONFIG_FILE = "kdsl.json";

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
  validator ??= new Ajv({ allErrors: true, strict: true }).compile(lintSchema());
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
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? Math.min(Number(m[1]), text.length) : 0;
    const reason = (e as Error).message.replace(/ in JSON at position \d+.*$/, "").replace(/^JSON\.parse: /, "");
    return { config: DEFAULT_CONFIG, file, text, diagnostics: [diag("KD7001", spanAt(file, text, at, Math.min(at + 1, text.length)), `${CONFIG_FILE} is not valid JSON: ${reason}`, { hints: ["kdsl.json is plain JSON: no comments, no trailing commas."] })] };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { config: DEFAULT_CONFIG, file, text, diagnostics: [diag("KD7002", fileStart(file), `${CONFIG_FILE} must hold a JSON object`)] };
  }
  const lint = (data as Record<string, unknown>)["lint"];
  if (lint === undefined) return { config: DEFAULT_CONFIG, file, text, diagnostics: [] };
  const errors = validate(lint);
  if (errors.length) return { config: DEFAULT_CONFIG, file, text, diagnostics: toDiagnostics(file, text, errors) };
  const l = lint as { rules?: Record<string, RuleSetting>; ignore?: string[] };
  return { config: { rules: l.rules ?? {}, ignore: l.ignore ?? [] }, file, text, diagnostics: [] };
}

/** Severity and options of a rule under a config: defaults, then what kdsl.json says. */
export function settingFor(rule: AnyRule, config: LintConfig): { severity: ConfiguredSeverity; options: Record<string, unknown> } {
  const s = config.rules[rule.id];
  const defaults = { ...((rule.options?.defaults as Record<string, unknown>) ?? {}) };
  if (s === undefined) return { severity: rule.severity, options: defaults };
  if (typeof s === "string") return { severity: s, options: defaults };
  return { severity: s[0], options: { ...defaults, ...s[1] } };
}

// ---- errors mapped to positions ---------------------------------------------------------------

function toDiagnostics(file: string, text: string, errors: readonly ErrorObject[]): Diagnostic[] {
  const doc = parseDocument(text);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // anyOf reports every branch; one message per place reads better. Prefer the most specific.
  const ranked = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length);
  for (const e of ranked) {
    const segs = ["lint", ...e.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))];
    const where = segs.join(".");
    if ([...seen].some((s) => s === where || s.startsWith(where + "."))) continue;
    seen.add(where);
    if (e.keyword === "additionalProperties") {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const span = keySpan(doc.getIn(segs, true) as Node | undefined, key, file, text);
      if (segs.length === 2 && segs[1] === "rules") {
        out.push(diag("KD7003", span, `unknown lint rule \`${key}\` in ${CONFIG_FILE}`, { hints: [...didYouMean(key, RULES.map((r) => r.id)), "`kdsl lint --list-rules` lists every rule."] }));
      } else out.push(diag("KD7002", span, `\`${where}\` has no setting \`${key}\``));
      continue;
    }
    const node = doc.getIn(segs, true) as Node | undefined;
    const span = node?.range ? spanAt(file, text, node.range[0], node.range[1]) : fileStart(file);
    // Where one of several forms was allowed, say so rather than what the first form wanted.
    const anyOf = errors.some((x) => x.keyword === "anyOf" && x.instancePath === e.instancePath);
    const message = anyOf && segs[1] === "rules" ? "must be `off`, `info`, `warning` or `error`, or `[severity, { options }]`" : e.message ?? "is not valid";
    out.push(diag("KD7002", span, `\`${where}\` ${message}`));
  }
  return out;
}

function keySpan(map: Node | undefined, key: string, file: string, text: string) {
  if (isMap(map)) {
    for (const p of map.items) {
      if (isPair(p) && isScalar(p.key) && p.key.value === key && p.key.range) return spanAt(file, text, p.key.range[0], p.key.range[1]);
    }
  }
  return map?.range ? spanAt(file, text, map.range[0], map.range[1]) : fileStart(file);
}

// The one catalogue of diagnostic codes. KD1xxx syntax, KD2xxx names, KD3xxx types and units,
// KD4xxx evaluation, KD5xxx Kubernetes output. Every code has a title, a default severity and an
// explanation page (`kdsl explain CODE`, docs/diagnostics.md is generated from it). Tests fail on
// duplicate codes, codes never raised by a fixture, and codes without a page.
import type { Diagnostic, Fix, RelatedInfo, Severity } from "./diagnostic.ts";
import type { Span } from "../syntax/span.ts";
import { EXPLANATIONS } from "./explanations.ts";

export interface CatalogueEntry {
  readonly code: string;
  readonly title: string;
  readonly severity: Severity;
}

const entries: CatalogueEntry[] = [
  { code: "KD1001", title: "unexpected character", severity: "error" },
  { code: "KD1002", title: "unterminated string", severity: "error" },
  { code: "KD1003", title: "unterminated block comment", severity: "error" },
  { code: "KD1004", title: "syntax error", severity: "error" },
  { code: "KD1005", title: "unclosed bracket", severity: "error" },
  { code: "KD1006", title: "nesting too deep", severity: "error" },
  { code: "KD1007", title: "file too large", severity: "error" },
  { code: "KD1008", title: "not a UTF-8 text file", severity: "error" },
  { code: "KD1009", title: "empty file", severity: "error" },
  { code: "KD1010", title: "invalid escape in string", severity: "error" },
  { code: "KD1011", title: "invalid interpolation", severity: "error" },
  { code: "KD1020", title: "selector term outside a selector", severity: "error" },
  { code: "KD2001", title: "unknown name", severity: "error" },
  { code: "KD2002", title: "duplicate declaration", severity: "error" },
  { code: "KD2003", title: "unknown service", severity: "error" },
  { code: "KD2004", title: "unknown field", severity: "error" },
  { code: "KD2005", title: "unknown kind", severity: "error" },
  { code: "KD2006", title: "unknown template", severity: "error" },
  { code: "KD2007", title: "module not found", severity: "error" },
  { code: "KD2008", title: "`use` outside the project", severity: "error" },
  { code: "KD2009", title: "cyclic `use`", severity: "error" },
  { code: "KD2010", title: "missing or repeated `app`", severity: "error" },
  { code: "KD2011", title: "cyclic template", severity: "error" },
  { code: "KD2012", title: "unknown key", severity: "error" },
  { code: "KD2013", title: "field set twice", severity: "error" },
  { code: "KD2014", title: "unknown profile", severity: "error" },
  { code: "KD2015", title: "template of the wrong kind", severity: "error" },
  { code: "KD2040", title: "unknown fact in a condition", severity: "error" },
  { code: "KD2041", title: "unknown profile in a condition", severity: "error" },
  { code: "KD2042", title: "unknown Kubernetes field in a patch", severity: "error" },
  { code: "KD2043", title: "unknown object to patch", severity: "error" },
  { code: "KD2030", title: "unknown port of the service", severity: "error" },
  { code: "KD2020", title: "unknown template parameter", severity: "error" },
  { code: "KD2021", title: "template parameter declared or given twice", severity: "error" },
  { code: "KD3001", title: "type mismatch", severity: "error" },
  { code: "KD3002", title: "wrong unit", severity: "error" },
  { code: "KD3003", title: "value out of range", severity: "error" },
  { code: "KD3004", title: "invalid DNS name", severity: "error" },
  { code: "KD3005", title: "invalid label key", severity: "error" },
  { code: "KD3006", title: "invalid label value", severity: "error" },
  { code: "KD3007", title: "invalid image reference", severity: "error" },
  { code: "KD3008", title: "invalid port", severity: "error" },
  { code: "KD3009", title: "missing required field", severity: "error" },
  { code: "KD3010", title: "request above limit", severity: "error" },
  { code: "KD3011", title: "secret value written in source", severity: "error" },
  { code: "KD3012", title: "unknown function or wrong arguments", severity: "error" },
  { code: "KD3013", title: "invalid environment variable name", severity: "error" },
  { code: "KD3014", title: "wrong form for this field", severity: "error" },
  { code: "KD3015", title: "reference to the wrong kind of thing", severity: "error" },
  { code: "KD3060", title: "invalid comparison in a condition", severity: "error" },
  { code: "KD3061", title: "wrong arguments to a text builtin", severity: "error" },
  { code: "KD3062", title: "value that cannot be interpolated here", severity: "error" },
  { code: "KD3063", title: "patch value of the wrong type", severity: "error" },
  { code: "KD3064", title: "patch of a field kdsl owns", severity: "error" },
  { code: "KD3065", title: "set-based selector where only equality works", severity: "error" },
  { code: "KD3066", title: "invalid selector", severity: "error" },
  { code: "KD3067", title: "invalid config or secret key", severity: "error" },
  { code: "KD3040", title: "unknown release strategy", severity: "error" },
  { code: "KD3041", title: "unknown secret", severity: "error" },
  { code: "KD3042", title: "invalid step, host, path or port name", severity: "error" },
  { code: "KD3043", title: "invalid version name", severity: "error" },
  { code: "KD3044", title: "version weights leave nothing for the main image", severity: "error" },
  { code: "KD3045", title: "invalid secret mount path", severity: "error" },
  { code: "KD3020", title: "missing template argument", severity: "error" },
  { code: "KD3021", title: "invalid cron schedule", severity: "error" },
  { code: "KD3022", title: "value cannot be written into a string", severity: "error" },
  { code: "KD3023", title: "settings that cannot go together", severity: "error" },
  { code: "KD3024", title: "autoscaling bounds out of order", severity: "error" },
  { code: "KD3025", title: "invalid mount path", severity: "error" },
  { code: "KD3026", title: "required field unset", severity: "error" },
  { code: "KD3027", title: "not one of the allowed words", severity: "error" },
  { code: "KD4001", title: "environment variable not set", severity: "error" },
  { code: "KD4002", title: "file not readable", severity: "error" },
  { code: "KD4003", title: "service has no port", severity: "error" },
  { code: "KD4030", title: "patch of an object that is not generated", severity: "error" },
  { code: "KD4020", title: "needs a port", severity: "error" },
  { code: "KD4021", title: "rollout steps without the rollout strategy", severity: "error" },
  { code: "KD4022", title: "several new versions under the rollout strategy", severity: "error" },
  { code: "KD4023", title: "exposure setting of another strategy", severity: "error" },
  { code: "KD4024", title: "secret source of the wrong mode", severity: "error" },
  { code: "KD4025", title: "canary without a weight", severity: "error" },
  { code: "KD4010", title: "volume shared by several replicas", severity: "error" },
  { code: "KD4011", title: "not available on a stateful service", severity: "error" },
  { code: "KD4012", title: "CPU autoscaling without a CPU request", severity: "error" },
  { code: "KD5001", title: "generated object fails the Kubernetes schema", severity: "error" },
  { code: "KD5002", title: "name too long for Kubernetes", severity: "error" },
  { code: "KD5003", title: "two generated objects with one name", severity: "error" },
  // KD6xxx: the runtime plan (`kdsl build --target runtime`).
  { code: "KD6001", title: "workloads wait for each other", severity: "error" },
  { code: "KD6002", title: "settings the local runtime ignores", severity: "info" },
  { code: "KD6003", title: "not run locally", severity: "info" },
  { code: "KD6004", title: "port variable set by the runtime", severity: "warning" },
  { code: "KD6005", title: "not enough local ports", severity: "error" },
  // KD7xxx: the linter's own problems (lint findings use their rule id as code).
  { code: "KD7001", title: "kdsl.json is not valid JSON", severity: "error" },
  { code: "KD7002", title: "invalid lint setting in kdsl.json", severity: "error" },
  { code: "KD7003", title: "unknown lint rule in kdsl.json", severity: "error" },
  { code: "KD7004", title: "a lint rule failed", severity: "error" },
  // KD702x: the project file's own settings (kdsl.json, read by build).
  { code: "KD7020", title: "invalid project setting in kdsl.json", severity: "error" },
  { code: "KD7021", title: "unknown setting in kdsl.json", severity: "error" },
  { code: "KD7022", title: "kdsl.json names an unknown profile", severity: "error" },
  { code: "KD7023", title: "misspelled setting in kdsl.json", severity: "warning" },
];

export const CATALOGUE: ReadonlyMap<string, CatalogueEntry> = new Map(entries.map((e) => [e.code, e]));

export function explain(code: string): string | undefined {
  const entry = CATALOGUE.get(code.toUpperCase());
  if (!entry) return undefined;
  return `# ${entry.code}: ${entry.title}\n\nSeverity: ${entry.severity}\n\n${EXPLANATIONS[entry.code] ?? ""}`.trimEnd() + "\n";
}

export interface DiagExtras {
  readonly label?: string;
  readonly hints?: readonly string[];
  readonly related?: readonly RelatedInfo[];
  readonly fixes?: readonly Fix[];
  readonly severity?: Severity;
}

/** Builds a diagnostic of a catalogued code; an unknown code is a programming error caught by tests. */
export function diag(code: string, span: Span, message: string, extras: DiagExtras = {}): Diagnostic {
  const entry = CATALOGUE.get(code);
  if (!entry) throw new Error(`diagnostic code ${code} is not in the catalogue`);
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { code, severity: extras.severity ?? entry.severity, message, span };
  if (extras.label !== undefined) d.label = extras.label;
  if (extras.hints?.length) d.hints = extras.hints;
  if (extras.related?.length) d.related = extras.related;
  if (extras.fixes?.length) d.fixes = extras.fixes;
  return d;
}

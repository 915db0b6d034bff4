// SARIF 2.1.0, as GitHub code scanning reads it: one run, the driver's rules with help text (the
// rule's docs page as markdown), results with a rule id, level, message and a region. Catalogue
// codes (build errors met while linting) get a rule entry of their own from the catalogue.
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.ts";
import { CATALOGUE, explain } from "../diagnostics/catalogue.ts";
import type { AnyRule } from "./rule.ts";
import { RULES, ruleById } from "./registry.ts";
import { ruleMarkdown } from "./docs.ts";

export interface SarifOptions {
  readonly version: string;
  /** Base URL of docs/rules/ (e.g. `https://github.com/org/kdsl/blob/main/docs/rules`); helpUri is `<base>/<id>.md`. */
  readonly docsUrl?: string;
  /** Paths as written in findings → URIs relative to the repository root (default: as they are). */
  readonly relativize?: (file: string) => string;
  /** Include every rule in tool.driver.rules, not only those with results (default: true). */
  readonly allRules?: boolean;
}

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

function ruleDescriptor(rule: AnyRule, options: SarifOptions): Record<string, unknown> {
  const markdown = ruleMarkdown(rule);
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.docs.rationale },
    help: { text: `${rule.docs.rationale}\n\nHow to fix: ${rule.docs.fix}`, markdown },
    ...(options.docsUrl ? { helpUri: `${options.docsUrl.replace(/\/$/, "")}/${rule.id}.md` } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: [rule.category, "kubernetes"] },
  };
}

function codeDescriptor(code: string): Record<string, unknown> {
  const entry = CATALOGUE.get(code);
  const page = explain(code) ?? code;
  return {
    id: code,
    shortDescription: { text: entry?.title ?? code },
    help: { text: page, markdown: page },
    defaultConfiguration: { level: LEVEL[entry?.severity ?? "error"] },
    properties: { tags: ["compiler"] },
  };
}

export function renderSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  const rel = options.relativize ?? ((f: string) => f);
  const ids = [...(options.allRules === false ? [] : RULES.map((r) => r.id))];
  for (const d of diagnostics) if (!ids.includes(d.code)) ids.push(d.code);
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => {
    const rule = ruleById(id);
    return rule ? ruleDescriptor(rule, options) : codeDescriptor(id);
  });
  const results = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: index.get(d.code)!,
    level: LEVEL[d.severity],
    message: { text: withHint(d) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(rel(d.span.file)), uriBaseId: "%SRCROOT%" },
          region: { startLine: d.span.line, startColumn: d.span.col, endLine: d.span.endLine, endColumn: Math.max(d.span.endCol, d.span.endLine === d.span.line ? d.span.col : 1) },
        },
      },
    ],
    ...(d.related?.length
      ? { relatedLocations: d.related.map((r, i) => ({ id: i, message: { text: r.message }, physicalLocation: { artifactLocation: { uri: uriOf(rel(r.span.file)), uriBaseId: "%SRCROOT%" }, region: { startLine: r.span.line, startColumn: r.span.col } } })) }
      : {}),
  }));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "kdsl", semanticVersion: options.version, version: options.version, rules } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** GitHub Actions workflow commands: one `::error file=...::message` line per finding. */
export function renderGithub(diagnostics: readonly Diagnostic[], relativize: (file: string) => string = (f) => f): string {
  const cmd = { error: "error", warning: "warning", info: "notice" } as const;
  const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const prop = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  return diagnostics
    .map((d) => {
      const s = d.span;
      const props = [`file=${prop(relativize(s.file))}`, `line=${s.line}`, `col=${s.col}`, `endLine=${s.endLine}`, `endColumn=${s.endCol}`, `title=${prop(d.code)}`].join(",");
      return `::${cmd[d.severity]} ${props}::${data(withHint(d))}\n`;
    })
    .join("");
}

/** The headline and the first help line, for formats with one message. */
function withHint(d: Diagnostic): string {
  return d.hints?.length ? `${d.message} (help: ${d.hints[0]})` : d.message;
}

/**
 * A path as a relative URI reference: each segment percent-encoded (`sp ace#1/app.kdsl` becomes
 * `sp%20ace%231/app.kdsl`; `encodeURI` would leave `#` and `?`, which start a fragment or query).
 */
export function uriOf(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

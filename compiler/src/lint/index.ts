// `lint`: build the project (objects, no YAML text), then run every enabled rule over the result.
// Findings are Diagnostics whose code is the rule id, so the CLI renderers, SARIF and the language
// server treat them like any other. A rule that throws becomes a KD7004 diagnostic, never a crash.
import picomatch from "picomatch";
import { posix as path } from "node:path";
import type { Host } from "../host.ts";
import { build, type BuildResult } from "../api.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { hasErrors, sortDiagnostics, withoutRepeats } from "../diagnostics/diagnostic.ts";
import { RULES, ruleById } from "./registry.ts";
import { loadLintConfig, settingFor, type LintConfig } from "./config.ts";
import { projectFilePath } from "../project/load.ts";
import { forRule, lintBase } from "./context.ts";
import { findSuppressions, removalEdit, suppressionScope, type Malformed, type Suppression } from "./suppress.ts";
import { applySuppressions } from "./suppress-apply.ts";
import type { AnyRule } from "./rule.ts";

export interface LintOptions {
  /** Profiles to apply before linting (default: as `kdsl build`, kdsl.json's `profiles`, else none). */
  readonly profiles?: readonly string[];
  /** Use this config instead of reading `<root>/kdsl.json`. */
  readonly config?: LintConfig;
  /** Run only these rules (tests); suppressions of other rules are then not reported as unused. */
  readonly only?: readonly string[];
}

export interface LintResult extends BuildResult {
  /** Build diagnostics, config problems and findings, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** True when kdsl.json is invalid (an error in any of its sections): nothing was linted (the CLI exits 2). */
  readonly configError: boolean;
  /** Source texts for code frames: the program's files plus kdsl.json when it was read. */
  readonly texts: ReadonlyMap<string, string>;
}

export function lint(host: Host, entry: string, options: LintOptions = {}): LintResult {
  // The project settings apply as they do to `kdsl build`: the same build, the same kdsl.json.
  const built = build(host, entry, { profiles: options.profiles, yaml: false });
  const texts = new Map(built.program.texts);
  if (built.fatal) return { ...built, configError: false, texts };
  const loaded = options.config ? { config: options.config, diagnostics: [] } : loadLintConfig(host, built.program.root);
  if ("file" in loaded && loaded.file && loaded.text !== undefined) texts.set(loaded.file, loaded.text);
  // The build reads kdsl.json too (project defaults) and reports a file that is not a JSON object
  // with the same code at the same place: say it once.
  const fresh = loaded.diagnostics.filter((d) => !built.diagnostics.some((b) => b.code === d.code && b.span.file === d.span.file && b.span.start === d.span.start));
  // An error in the project settings (KD7020, KD7021, KD7022) is as much an invalid kdsl.json as
  // one in the `lint` section: the lint did not run as configured.
  const projectFile = projectFilePath(built.program.root);
  const invalidProject = built.diagnostics.some((d) => d.severity === "error" && d.span.file === projectFile);
  if (loaded.diagnostics.length || invalidProject) return { ...built, diagnostics: sortDiagnostics([...built.diagnostics, ...fresh]), configError: true, texts };
  if (hasErrors(built.diagnostics) || !built.app || !built.objects || !built.decls || !built.analysis) return { ...built, configError: false, texts };

  const config = loaded.config;
  const base = lintBase({ app: built.app, objects: built.objects, decls: built.decls, analysis: built.analysis, program: built.program });
  const findings: Diagnostic[] = [];
  const active = new Set<string>();
  const selected = options.only ? RULES.filter((r) => options.only!.includes(r.id)) : RULES;
  for (const rule of selected) {
    const { severity, options: ruleOptions } = settingFor(rule, config);
    if (severity === "off") continue;
    active.add(rule.id);
    runRule(rule, () => rule.check(forRule(base, rule, ruleOptions, severity, findings)), findings, base.app.origin);
  }

  // Suppressions live in the user's files only (project files and project-local modules).
  const suppressions: Suppression[] = [];
  const malformed: Malformed[] = [];
  const sources = [...built.program.files, ...built.program.modules];
  for (const f of sources) {
    const text = texts.get(f.file);
    if (text === undefined || !base.projectFiles.has(f.file) || !text.includes("kdsl-ignore")) continue;
    const found = findSuppressions(f, text);
    suppressions.push(...found.suppressions);
    malformed.push(...found.malformed);
  }
  const known = RULES.map((r) => r.id);
  // Suppressions of rules that did not run (off, or not selected) are not "unused".
  const scope = suppressionScope(sources, built.analysis.scope.templates);
  const { kept, meta } = applySuppressions(findings, suppressions, malformed, scope, known, active);
  for (const m of meta) {
    const rule = ruleById(m.id)!;
    const { severity } = settingFor(rule, config);
    if (severity === "off" || (options.only && !options.only.includes(m.id))) continue;
    const text = texts.get(m.span.file);
    const fixes = m.remove && text !== undefined ? [{ title: m.remove.title, edits: [m.remove.whole ? removalEdit(m.remove.span, text) : { span: m.remove.span, newText: "" }] }] : undefined;
    kept.push({ code: m.id, severity, message: m.message, span: m.span, ...(m.hints?.length ? { hints: m.hints } : {}), ...(m.related?.length ? { related: m.related } : {}), ...(fixes ? { fixes } : {}) });
  }

  const ignored = ignoreMatcher(config.ignore, built.program.root);
  const lintFindings = withoutRepeats(kept.filter((d) => !ignored(d.span.file)));
  return { ...built, diagnostics: sortDiagnostics([...built.diagnostics, ...lintFindings]), configError: false, texts };
}

function runRule(rule: AnyRule, run: () => void, out: Diagnostic[], at: Diagnostic["span"]): void {
  const before = out.length;
  try {
    run();
  } catch (e) {
    out.length = before; // a half-run rule's findings are not trustworthy
    out.push(diag("KD7004", at, `lint rule \`${rule.id}\` failed: ${(e as Error)?.message ?? String(e)}`, { hints: ["this is a bug in kdsl, not in your files; the other rules ran. Please report it with the input.", `turn the rule off in kdsl.json (\`"${rule.id}": "off"\`) until it is fixed.`] }));
  }
}

function ignoreMatcher(globs: readonly string[], root: string): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  const match = picomatch(globs as string[], { dot: true });
  return (file) => match(path.relative(root === "" ? "." : root, file));
}


export { RULES, ruleById } from "./registry.ts";
export type { Rule, AnyRule, LintContext, Finding, Category, RuleSeverity, ConfiguredSeverity } from "./rule.ts";
export { CONFIG_FILE, parseLintConfig, type LintConfig } from "./config.ts";
export { lintSchema } from "./schema.ts";

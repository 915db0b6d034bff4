// The compiler's public face. The CLI, the language server and the tests call these functions and
// nothing deeper; each returns plain data and diagnostics and never throws on bad input.
import type { Host } from "./host.ts";
import { loadProgram, type Program } from "./program.ts";
import { analyse, type Analysis } from "./semantics/analyse.ts";
import { evaluate, type EvaluatedDecl } from "./evaluate/evaluate.ts";
import { lower } from "./ir/lower.ts";
import type { AppModel } from "./ir/model.ts";
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import { hasErrors, sortDiagnostics } from "./diagnostics/diagnostic.ts";
import { toKubernetes, toYaml, type EmittedObject } from "./backends/k8s/index.ts";

export interface CheckResult {
  readonly program: Program;
  readonly analysis?: Analysis;
  readonly diagnostics: readonly Diagnostic[];
  /** An I/O or usage problem with the entry itself (exit 2), not a diagnostic. */
  readonly fatal?: string;
}

/** Load and check a project: every diagnostic up to and including names and types. */
export function check(host: Host, entry: string): CheckResult {
  const program = loadProgram(host, entry);
  if (program.fatal) return { program, diagnostics: program.diagnostics, fatal: program.fatal };
  const analysis = analyse(program);
  return { program, analysis, diagnostics: sortDiagnostics([...program.diagnostics, ...withoutFollowOns(program.diagnostics, analysis.diagnostics)]) };
}

/**
 * One root cause, reported once: after a syntax error, recovery has skipped or invented syntax, so
 * semantic findings from there on in that file are consequences, not news. Those before the first
 * syntax error stand, and so does everything in files without one.
 */
function withoutFollowOns(syntax: readonly Diagnostic[], semantic: readonly Diagnostic[]): Diagnostic[] {
  const firstError = new Map<string, number>();
  for (const d of syntax) {
    if (d.severity !== "error") continue;
    // Input nested past the limit was cut off and closed artificially: nothing in it is news.
    const at = d.code === "KD1006" ? 0 : d.span.start;
    const prev = firstError.get(d.span.file);
    if (prev === undefined || at < prev) firstError.set(d.span.file, at);
  }
  if (firstError.size === 0) return [...semantic];
  return semantic.filter((d) => {
    const cut = firstError.get(d.span.file);
    return cut === undefined || (d.span.end < cut && d.code !== "KD3009" && d.code !== "KD2010");
  });
}

export interface BuildOptions {
  readonly profiles?: readonly string[];
  readonly secrets?: "reference" | "inline";
  /** False skips writing the YAML text (the linter needs only the objects). */
  readonly yaml?: boolean;
}

export interface BuildResult extends CheckResult {
  readonly app?: AppModel;
  readonly objects?: readonly EmittedObject[];
  /** Every declaration with its final typed values (profiles and defaults applied). */
  readonly decls?: readonly EvaluatedDecl[];
  /** The multi-document YAML, present only when there are no errors. */
  readonly yaml?: string;
}

/** Check, evaluate the chosen profiles, lower to the app model and emit validated Kubernetes YAML. */
export function build(host: Host, entry: string, options: BuildOptions = {}): BuildResult {
  const checked = check(host, entry);
  if (checked.fatal || !checked.analysis) return checked;
  const profiles = options.profiles ?? [];
  const evaluated = evaluate(checked.analysis, profiles);
  let diagnostics = [...checked.diagnostics, ...evaluated.diagnostics];
  if (hasErrors(diagnostics)) return { ...checked, diagnostics: sortDiagnostics(diagnostics) };
  const lowered = lower(checked.analysis, evaluated.decls, host, { secrets: options.secrets ?? "reference", profiles, root: checked.program.root });
  diagnostics = [...diagnostics, ...lowered.diagnostics];
  if (hasErrors(diagnostics)) return { ...checked, app: lowered.app, diagnostics: sortDiagnostics(diagnostics) };
  const k8s = toKubernetes(lowered.app);
  diagnostics = sortDiagnostics([...diagnostics, ...k8s.diagnostics]);
  const result = { ...checked, app: lowered.app, objects: k8s.objects, decls: evaluated.decls, diagnostics };
  return hasErrors(diagnostics) || options.yaml === false ? result : { ...result, yaml: toYaml(k8s.objects.map((o) => o.object)) };
}

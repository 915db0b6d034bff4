// The compiler's public face. The CLI, the language server and the tests call these functions and
// nothing deeper; each returns plain data and diagnostics and never throws on bad input.
import type { Host } from "./host.ts";
import { loadProgram, STDLIB_PREFIX, type Program } from "./program.ts";
import { printFile } from "./format/items.ts";
import { analyse, type Analysis } from "./semantics/analyse.ts";
import { evaluate, type EvaluatedDecl } from "./evaluate/evaluate.ts";
import { lower } from "./ir/lower.ts";
import type { AppModel } from "./ir/model.ts";
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import { hasErrors, sortDiagnostics } from "./diagnostics/diagnostic.ts";
import { toKubernetes, toKubernetesYaml, toYaml, type EmittedObject } from "./backends/k8s/index.ts";
import { toPlan, planJson, type Plan } from "./backends/plan/index.ts";
import { loadProject, type LoadedProject } from "./project/load.ts";
import { DEFAULT_BASE_PORT } from "./project/schema.ts";
import { diag } from "./diagnostics/catalogue.ts";
import { didYouMean } from "./semantics/suggest.ts";

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

/** One file of a project as `kdsl fmt` sees it. */
export interface FormattedSource {
  readonly file: string;
  /** The text as read. */
  readonly text: string;
  /** The canonical layout; absent when the file has syntax errors (it is then left alone). */
  readonly formatted?: string;
  /** The file's own parse diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Formats the files `kdsl build` would read for `entry`, minus the stdlib: the project files and
 * the local modules they `use`, reached the same way (so `kdsl fmt --check <project>` covers
 * `use "./lib/common"`). Each file is read and parsed once, by the loader; the layout is printed
 * from that tree. `fatal` as for check(): an entry or module that cannot be read.
 */
export function formatProject(host: Host, entry: string): { readonly files: readonly FormattedSource[]; readonly fatal?: string } {
  const program = loadProgram(host, entry);
  if (program.fatal) return { files: [], fatal: program.fatal };
  const files = [...program.files, ...program.modules.filter((m) => !m.file.startsWith(STDLIB_PREFIX))].map((ast): FormattedSource => {
    const text = program.texts.get(ast.file) ?? "";
    const diagnostics = program.syntax.get(ast.file) ?? [];
    return hasErrors(diagnostics) ? { file: ast.file, text, diagnostics } : { file: ast.file, text, formatted: printFile({ text }, ast), diagnostics };
  });
  return { files };
}

/**
 * Options left out fall back to the project file (kdsl.json at the project root), then to the
 * built-in defaults: no profiles, `reference` secrets, the `kubernetes` target.
 */
export interface BuildOptions {
  readonly profiles?: readonly string[];
  readonly secrets?: "reference" | "inline";
  /** `kubernetes`: validated objects and YAML; `runtime`: the built-in runtime's plan instead. */
  readonly target?: "kubernetes" | "runtime";
  /** The project directory as the plan records it (the CLI passes it absolute); default the root as loaded. */
  readonly planRoot?: string;
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
  /** What was built: the option, else kdsl.json's `target`, else `kubernetes`. */
  readonly target?: "kubernetes" | "runtime";
  /** Under the `runtime` target, when there are no errors: the plan and its JSON text. */
  readonly plan?: Plan;
  readonly planJson?: string;
}

/** Check, evaluate the chosen profiles, lower to the app model and emit validated Kubernetes YAML. */
export function build(host: Host, entry: string, options: BuildOptions = {}): BuildResult {
  const prepared = prepare(host, entry, options);
  if (!("lowered" in prepared)) return prepared.result;
  const { checked, target, evaluated, lowered, settings } = prepared;
  let diagnostics = prepared.diagnostics;
  if (target === "runtime") {
    const planned = toPlan(lowered.app, { root: options.planRoot ?? checked.program.root, basePort: settings.basePort ?? DEFAULT_BASE_PORT });
    diagnostics = sortDiagnostics([...diagnostics, ...planned.diagnostics]);
    const result = { ...checked, target, app: lowered.app, decls: evaluated.decls, diagnostics };
    return hasErrors(diagnostics) || !planned.plan ? result : { ...result, plan: planned.plan, planJson: planJson(planned.plan) };
  }
  const k8s = toKubernetes(lowered.app);
  diagnostics = sortDiagnostics([...diagnostics, ...k8s.diagnostics]);
  const result = { ...checked, target, app: lowered.app, objects: k8s.objects, decls: evaluated.decls, diagnostics };
  return hasErrors(diagnostics) || options.yaml === false ? result : { ...result, yaml: toYaml(k8s.objects.map((o) => o.object)) };
}

/** What `kdsl build` writes, and what it needs to report problems: nothing of the stages between. */
export interface BuildOutput {
  readonly diagnostics: readonly Diagnostic[];
  /** The source text of every file, by path, for code frames. */
  readonly texts: ReadonlyMap<string, string>;
  readonly fatal?: string;
  readonly target?: "kubernetes" | "runtime";
  /** The app's name, when the app got as far as its model. */
  readonly appName?: string;
  /** Kubernetes objects written (kubernetes target). */
  readonly objectCount?: number;
  /** Under the runtime target: the plan (its JSON is the output). */
  readonly plan?: Plan;
  /**
   * What a build writes, when there are no errors: the YAML, or the plan's JSON, as UTF-8, in
   * pieces to be written one after the other. Bytes, not a string: the backend writes the YAML as
   * bytes, and a 16 MB string made from them only to be encoded again on its way out would be two
   * more copies at the moment memory peaks; pieces, not one buffer, for the same reason (see
   * YamlDocuments).
   */
  readonly output?: readonly Uint8Array[];
}

/**
 * build() for callers that only write the result (the CLI's `kdsl build`). Same output and
 * diagnostics, but each stage's data is let go as soon as the next stage has what it needs: the
 * syntax tree, the analysis and the evaluated values once the app model exists, and each
 * Kubernetes object once it is validated and written (toKubernetesYaml). On the 5,000-service
 * bench app build() keeps ~75 MiB alive to its end (tree, values, 20,500 objects, the YAML
 * string), which is what the peak-memory budget is about. The language server and the linter want
 * those stages and call build().
 */
export function buildOutput(host: Host, entry: string, options: Omit<BuildOptions, "yaml"> = {}): BuildOutput {
  let prepared: Prepared | undefined = prepare(host, entry, options);
  if (!("lowered" in prepared)) {
    const { result } = prepared;
    return { diagnostics: result.diagnostics, texts: result.program.texts, fatal: result.fatal, target: result.target, appName: result.app?.name };
  }
  const { target, settings } = prepared;
  const texts = prepared.checked.program.texts;
  const root = prepared.checked.program.root;
  const app = prepared.lowered.app;
  let diagnostics = prepared.diagnostics;
  prepared = undefined; // the tree, the analysis and the values: garbage from here on
  const base = { texts, target, appName: app.name };
  if (target === "runtime") {
    const planned = toPlan(app, { root: options.planRoot ?? root, basePort: settings.basePort ?? DEFAULT_BASE_PORT });
    diagnostics = sortDiagnostics([...diagnostics, ...planned.diagnostics]);
    return hasErrors(diagnostics) || !planned.plan ? { ...base, diagnostics } : { ...base, diagnostics, plan: planned.plan, output: [new TextEncoder().encode(planJson(planned.plan))] };
  }
  const k8s = toKubernetesYaml(app);
  diagnostics = sortDiagnostics([...diagnostics, ...k8s.diagnostics]);
  const counted = { ...base, diagnostics, objectCount: k8s.count };
  return hasErrors(diagnostics) ? counted : { ...counted, output: k8s.parts() };
}

type Prepared =
  | { readonly result: BuildResult }
  | {
      readonly checked: CheckResult & { readonly analysis: Analysis };
      readonly settings: LoadedProject["settings"];
      readonly target: "kubernetes" | "runtime";
      readonly evaluated: ReturnType<typeof evaluate>;
      readonly lowered: ReturnType<typeof lower>;
      /** Everything so far, not yet sorted: no errors among them. */
      readonly diagnostics: readonly Diagnostic[];
    };

/** The stages both builds share: check, the project file, profiles, evaluation and lowering. */
function prepare(host: Host, entry: string, options: BuildOptions): Prepared {
  const first = check(host, entry);
  if (first.fatal || !first.analysis) return { result: first };
  const project = loadProject(host, first.program.root);
  if (project.fatal) return { result: { ...first, diagnostics: first.diagnostics, fatal: project.fatal } };
  const checked = project.file !== undefined && project.text !== undefined ? { ...first, program: { ...first.program, texts: new Map([...first.program.texts, [project.file, project.text]]) } } : first;
  const analysis = first.analysis;
  const settings = project.settings;
  const target = options.target ?? settings.target ?? "kubernetes";
  const profiles = options.profiles ?? projectProfiles(project, analysis.profiles);
  const evaluated = evaluate(analysis, profiles);
  let diagnostics = [...checked.diagnostics, ...project.diagnostics, ...(options.profiles ? [] : unknownProfiles(project, analysis.profiles)), ...evaluated.diagnostics];
  if (hasErrors(diagnostics)) return { result: { ...checked, target, diagnostics: sortDiagnostics(diagnostics) } };
  const lowered = lower(analysis, evaluated.decls, host, { secrets: options.secrets ?? settings.secrets ?? "reference", profiles, root: checked.program.root, namespace: settings.namespace, strategy: settings.strategy });
  diagnostics = [...diagnostics, ...lowered.diagnostics];
  if (hasErrors(diagnostics)) return { result: { ...checked, target, app: lowered.app, diagnostics: sortDiagnostics(diagnostics) } };
  return { checked: { ...checked, analysis }, settings, target, evaluated, lowered, diagnostics };
}

/** kdsl.json's default profiles that the app declares (the others are KD7022, not KD2014). */
function projectProfiles(project: LoadedProject, declared: ReadonlyMap<string, unknown>): string[] {
  return (project.settings.profiles ?? []).filter((p) => declared.has(p));
}

function unknownProfiles(project: LoadedProject, declared: ReadonlyMap<string, unknown>) {
  return (project.settings.profiles ?? []).flatMap((p, i) =>
    declared.has(p) ? [] : [diag("KD7022", project.profileSpans[i]!, `kdsl.json applies profile \`${p}\`, which the app does not declare`, { hints: [...didYouMean(p, declared.keys()), `profiles in this app: ${[...declared.keys()].map((k) => `\`${k}\``).join(", ") || "none"}.`] })],
  );
}

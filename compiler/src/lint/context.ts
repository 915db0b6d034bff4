// The LintContext a rule's `check` receives: the build's results plus helpers that find values
// and the best .kdsl span for them. Built once per lint run; `forRule` adds options and a sink.
import type { Span } from "../syntax/span.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { AppModel } from "../ir/model.ts";
import type { EmittedObject } from "../backends/k8s/index.ts";
import type { Analysis } from "../semantics/analyse.ts";
import type { EvaluatedDecl } from "../evaluate/evaluate.ts";
import type { Value } from "../semantics/values.ts";
import type { Program } from "../program.ts";
import type { AnyRule, Finding, LintContext, RuleSeverity } from "./rule.ts";

export interface LintInput {
  readonly app: AppModel;
  readonly objects: readonly EmittedObject[];
  readonly decls: readonly EvaluatedDecl[];
  readonly analysis: Analysis;
  readonly program: Program;
}

/** Shared lookups, computed once for all rules. */
export interface LintBase extends LintInput {
  readonly byName: ReadonlyMap<string, EvaluatedDecl>;
  readonly projectFiles: ReadonlySet<string>;
}

export function lintBase(input: LintInput): LintBase {
  const byName = new Map<string, EvaluatedDecl>();
  for (const d of input.decls) byName.set(d.symbol.name, d);
  // Project files and project-local modules: places a user can edit (not stdlib/, not the prelude).
  const projectFiles = new Set<string>([...input.program.files, ...input.program.modules].map((f) => f.file).filter((f) => !f.startsWith("stdlib/")));
  return { ...input, byName, projectFiles };
}

export function fieldOf(base: LintBase, name: string, path: readonly string[]): Value | undefined {
  let v: Value | undefined = base.byName.get(name)?.final;
  for (const key of path) {
    if (v?.v !== "block") return undefined;
    v = v.fields.get(key);
  }
  return v;
}

const within = (inner: Span, outer: Span) => inner.file === outer.file && inner.start >= outer.start && inner.end <= outer.end;

/** A context for one rule: its options, and findings turned into Diagnostics with its id and severity. */
export function forRule<O>(base: LintBase, rule: AnyRule, options: O, severity: RuleSeverity, out: Diagnostic[]): LintContext<O> {
  const declSpan = (name: string): Span => {
    const d = base.byName.get(name);
    return d?.symbol.decl.name?.span ?? d?.symbol.decl.span ?? base.app.origin;
  };
  return {
    app: base.app,
    objects: base.objects,
    decls: base.decls,
    analysis: base.analysis,
    program: base.program,
    options,
    decl: (name) => base.byName.get(name),
    field: (name, path) => fieldOf(base, name, path),
    spanOf: (name, path = []) => {
      const v = path.length ? fieldOf(base, name, path) : undefined;
      return v && base.projectFiles.has(v.span.file) ? v.span : declSpan(name);
    },
    isOwn: (name, path) => {
      const d = base.byName.get(name);
      const v = fieldOf(base, name, path);
      return d !== undefined && v !== undefined && within(v.span, d.symbol.decl.span);
    },
    report: (f: Finding) => {
      // A span outside the user's files (prelude, stdlib) cannot be edited or suppressed: move it.
      const span = base.projectFiles.has(f.span.file) ? f.span : base.app.origin;
      out.push({
        code: rule.id,
        severity,
        message: f.message,
        span,
        ...(f.label ? { label: f.label } : {}),
        ...(f.hints?.length ? { hints: f.hints } : {}),
        ...(f.related ? { related: f.related } : {}),
        ...(f.fix ? { fixes: [f.fix] } : {}),
      });
    },
  };
}

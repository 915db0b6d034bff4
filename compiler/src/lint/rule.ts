// The lint rule contract. A rule is data (id, category, severity, summary, docs, options) plus one
// `check` function over a finished build: the app model (IR), the emitted Kubernetes objects and
// the typed values each declaration ended up with. Every finding carries a span in a .kdsl file,
// so even a problem seen on generated YAML points at the line that caused it.
//
// How to add a rule (one file per rule, see rules/no-latest-tag.ts for a complete example):
//   1. Create compiler/src/lint/rules/<id>.ts exporting `const rule: Rule = { ... }` (or with an
//      options type: `Rule<{ min: number }>`). The id is kebab-case and is the finding's code.
//   2. Add it to the list in compiler/src/lint/registry.ts (alphabetical).
//   3. Add fixtures under test/lint/<id>/ (see test/lint/README.md): fail.kdsl with `# expect`
//      annotations, pass.kdsl, suppressed.kdsl, and fix.kdsl + fix.expected.kdsl if `fixable`.
//   4. Run `UPDATE_GOLDEN=1 node --import tsx test/lint/docs.test.ts` to generate docs/rules/<id>.md.
// Read the IR and the objects defensively: other fields are being added; absent means "not set".
// Report through `ctx.report`, and find spans with `ctx.spanOf` (never a stdlib or prelude span).
import type { Span } from "../syntax/span.ts";
import type { Fix, RelatedInfo } from "../diagnostics/diagnostic.ts";
import type { AppModel } from "../ir/model.ts";
import type { EmittedObject } from "../backends/k8s/index.ts";
import type { Analysis } from "../semantics/analyse.ts";
import type { EvaluatedDecl } from "../evaluate/evaluate.ts";
import type { Value } from "../semantics/values.ts";
import type { Program } from "../program.ts";

export type Category = "security" | "reliability" | "correctness" | "efficiency" | "style";
export const CATEGORIES: readonly Category[] = ["security", "reliability", "correctness", "efficiency", "style"];

/** What a rule reports as: the Diagnostic severities. */
export type RuleSeverity = "error" | "warning" | "info";
/** What a user may set in kdsl.json: a severity or `off`. */
export type ConfiguredSeverity = RuleSeverity | "off";

export interface RuleDocs {
  /** Why it matters (markdown, one or two paragraphs). */
  readonly rationale: string;
  /** A complete .kdsl program that triggers the rule. */
  readonly bad: string;
  /** The same program fixed. */
  readonly good: string;
  /** How to fix it (markdown). */
  readonly fix: string;
  /** When and how to suppress, if there is more to say than the generic `// kdsl-ignore` line. */
  readonly suppress?: string;
}

/** A JSON schema fragment for one option (`{ type: "integer", minimum: 1 }`). */
export type JsonSchema = { readonly [k: string]: unknown };

export interface RuleOptions<O> {
  /** One schema per option name; the config schema and the docs are generated from it. */
  readonly schema: { readonly [K in keyof O]: JsonSchema & { readonly description: string } };
  readonly defaults: O;
}

/** One problem a rule found. */
export interface Finding {
  /** Where in a .kdsl file; use ctx.spanOf to get one. */
  readonly span: Span;
  /** The headline, in the user's names, no trailing period. */
  readonly message: string;
  /** Short label under the underlined span. */
  readonly label?: string;
  /** `help:` lines: how to fix, full sentences. */
  readonly hints?: readonly string[];
  readonly related?: readonly RelatedInfo[];
  /** A machine-applicable fix (TextEdits on .kdsl sources); `kdsl lint --fix` applies it. */
  readonly fix?: Fix;
}

export interface LintContext<O = Record<string, never>> {
  /** The app model of the default build (no profile applied, secrets by reference). */
  readonly app: AppModel;
  /** The Kubernetes objects emitted for it, each with the span of the IR object it came from. */
  readonly objects: readonly EmittedObject[];
  /** Every declaration with its final typed values (templates merged, defaults filled); each value has a span. */
  readonly decls: readonly EvaluatedDecl[];
  /** Symbols, templates and profile overlays (for rules about profiles and unused things). */
  readonly analysis: Analysis;
  /** Syntax trees and the source text of every file, by path. */
  readonly program: Program;
  /** This rule's options, defaults merged with kdsl.json. */
  readonly options: O;
  report(finding: Finding): void;
  /** The declaration named `name` (service, job, secret, config), if any. */
  decl(name: string): EvaluatedDecl | undefined;
  /** The final value at `path` inside declaration `name` (`["resources", "cpu"]`), if set or defaulted. */
  field(name: string, path: readonly string[]): Value | undefined;
  /**
   * The best place to report something about `path` in declaration `name`: the value's own span
   * when it is written in a project file, else the declaration's name (a default from the prelude
   * or a value from a stdlib template is reported where the declaration is).
   */
  spanOf(name: string, path?: readonly string[]): Span;
  /** True when the value at `path` is written in this declaration's own body (not inherited or defaulted). */
  isOwn(name: string, path: readonly string[]): boolean;
}

export interface Rule<O = Record<string, never>> {
  /** kebab-case, unique; the finding's diagnostic code and the key in kdsl.json. */
  readonly id: string;
  readonly category: Category;
  /** Severity unless kdsl.json says otherwise. */
  readonly severity: RuleSeverity;
  /** One line, no trailing period: what the rule flags. */
  readonly summary: string;
  readonly docs: RuleDocs;
  readonly options?: RuleOptions<O>;
  /** True when some findings carry a fix; the meta-tests then require a fix fixture. */
  readonly fixable?: boolean;
  check(ctx: LintContext<O>): void;
}

/** A rule with its options type erased, as the registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

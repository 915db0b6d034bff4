// Evaluation: the chosen profiles overlaid in order, then the prelude's defaults filled in for
// fields still unset. Pure and deterministic: the same analysis and profiles give the same values.
import type { Analysis, CheckedDecl } from "../semantics/analyse.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { fileStart } from "../syntax/span.ts";
import { block, merge, type BlockValue, type Value } from "../semantics/values.ts";
import type { FieldSchema } from "../semantics/types.ts";
import { checkValue } from "../semantics/check-block.ts";
import { didYouMean } from "../semantics/suggest.ts";
import { decider } from "./conditions.ts";
import { watchName } from "../semantics/template-memo.ts";
import { checkMergedRequired } from "../semantics/merged-required.ts";

export interface EvaluatedDecl extends CheckedDecl {
  readonly final: BlockValue;
}

export function evaluate(analysis: Analysis, profiles: readonly string[]): { decls: EvaluatedDecl[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const overlays: ReadonlyMap<string, BlockValue>[] = [];
  for (const p of profiles) {
    const o = analysis.profiles.get(p);
    if (o) overlays.push(o);
    else {
      const at = analysis.app?.name.span ?? fileStart(analysis.decls[0]?.symbol.decl.span.file ?? ".");
      diagnostics.push(diag("KD2014", at, `no profile named \`${p}\``, { hints: [...didYouMean(p, analysis.profiles.keys()), `profiles in this app: ${[...analysis.profiles.keys()].map((k) => `\`${k}\``).join(", ") || "none"}.`] }));
    }
  }
  const defaults = new Defaults(analysis);
  const decide = decider(profiles);
  // Objects written out rather than `{ ...d, final }`: the spread was most of this loop's time.
  const decls: EvaluatedDecl[] = [];
  for (const d of analysis.decls) {
    let value = d.value;
    for (const o of overlays) {
      const over = o.get(d.symbol.name);
      if (over) value = block(merge(value, over).fields, value.span);
    }
    checkMergedRequired(analysis.scope, profiles, d.symbol, d.schema.fields, d.value, value, diagnostics);
    value = defaults.fill(d.symbol.name, value, d.schema.fields, diagnostics);
    // Checked after the defaults, which may hold an `if` of their own.
    const final = analysis.scope.conditions.pending ? decide(value) : value;
    decls.push({ symbol: d.symbol, schema: d.schema, value: d.value, final });
  }
  return { decls, diagnostics };
}

/**
 * The prelude's defaults for fields a declaration leaves unset. A default's value is the same for
 * every declaration unless its check reads the declaration's name, so it is checked once per field
 * (name watched, as template members are: semantics/template-memo.ts) and then shared.
 */
class Defaults {
  private readonly lists = new WeakMap<ReadonlyMap<string, FieldSchema>, readonly FieldSchema[]>();
  private readonly checked = new Map<FieldSchema, { readonly value: Value | undefined; readonly diagnostics: readonly Diagnostic[] }>();

  constructor(private readonly analysis: Analysis) {}

  fill(self: string, value: BlockValue, fields: ReadonlyMap<string, FieldSchema>, diagnostics: Diagnostic[]): BlockValue {
    let out: Map<string, Value> | undefined;
    for (const f of this.withDefault(fields)) {
      if (value.fields.has(f.name)) continue;
      const v = this.check(self, f, diagnostics);
      if (v) (out ??= new Map(value.fields)).set(f.name, v);
    }
    return out ? block(out, value.span) : value;
  }

  private check(self: string, f: FieldSchema, diagnostics: Diagnostic[]): Value | undefined {
    const known = this.checked.get(f);
    if (known) {
      for (const d of known.diagnostics) diagnostics.push(d);
      return known.value;
    }
    const watched = watchName({ scope: this.analysis.scope, selfName: self, diagnostics });
    const value = checkValue(watched.ctx, f.name, f.type, f.defaultExpr!);
    for (const d of watched.ctx.diagnostics) diagnostics.push(d);
    if (!watched.readName()) this.checked.set(f, { value, diagnostics: watched.ctx.diagnostics });
    return value;
  }

  /** The fields with a default, in schema order. */
  private withDefault(fields: ReadonlyMap<string, FieldSchema>): readonly FieldSchema[] {
    let list = this.lists.get(fields);
    if (list === undefined) {
      list = [...fields.values()].filter((f) => f.defaultExpr !== undefined);
      this.lists.set(fields, list);
    }
    return list;
  }
}

// Evaluation: the chosen profiles overlaid in order, then the prelude's defaults filled in for
// fields still unset. Pure and deterministic: the same analysis and profiles give the same values.
import type { Analysis, CheckedDecl } from "../semantics/analyse.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { fileStart } from "../syntax/span.ts";
import { merge, type BlockValue, type Value } from "../semantics/values.ts";
import type { FieldSchema } from "../semantics/types.ts";
import { checkValue } from "../semantics/check-block.ts";
import { didYouMean } from "../semantics/suggest.ts";
import { decide } from "./conditions.ts";

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
  const decls = analysis.decls.map((d) => {
    let value = d.value;
    for (const o of overlays) {
      const over = o.get(d.symbol.name);
      if (over) value = { ...merge(value, over), span: value.span };
    }
    return { ...d, final: decide(withDefaults(analysis, d.symbol.name, value, d.schema.fields, diagnostics), profiles) };
  });
  return { decls, diagnostics };
}

function withDefaults(analysis: Analysis, self: string, value: BlockValue, fields: ReadonlyMap<string, FieldSchema>, diagnostics: Diagnostic[]): BlockValue {
  let out: Map<string, Value> | undefined;
  for (const [name, f] of fields) {
    if (!f.defaultExpr || value.fields.has(name)) continue;
    const v = checkValue({ scope: analysis.scope, selfName: self, diagnostics }, name, f.type, f.defaultExpr);
    if (v) (out ??= new Map(value.fields)).set(name, v);
  }
  return out ? { v: "block", fields: out, span: value.span } : value;
}

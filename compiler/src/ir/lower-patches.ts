// Lowering of the escape hatch and of selectors. A `k8s` value is a block of object kinds, each a
// block of Kubernetes fields whose leaves are checked JSON (semantics/check-patch.ts); it becomes
// plain data, one patch per kind, in kind order so that output stays deterministic.
import type { K8sPatch, LabelSelector } from "./model.ts";
import type { Value } from "../semantics/values.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";

export function lowerPatches(v: Value | undefined): K8sPatch[] {
  if (v?.v !== "block") return [];
  const out: K8sPatch[] = [];
  for (const target of [...v.fields.keys()].sort()) {
    const body = v.fields.get(target)!;
    const data = toJson(body);
    if (data && typeof data === "object" && !Array.isArray(data)) out.push({ target, data: data as Record<string, unknown>, origin: body.span });
  }
  return out;
}

function toJson(v: Value): unknown {
  if (v.v === "json") return v.json;
  if (v.v !== "block") return undefined;
  const o: Record<string, unknown> = {};
  for (const [k, x] of v.fields) o[k] = toJson(x);
  return o;
}

/** A service's `select`: a Kubernetes Service selects by equality only, so set terms are errors. */
export function selectOf(v: Extract<Value, { v: "selector" }> | undefined, diagnostics: Diagnostic[]): LabelSelector | undefined {
  if (!v) return undefined;
  if (v.selector.matchExpressions.length > 0) {
    const e = v.selector.matchExpressions[0]!;
    diagnostics.push(
      diag("KD3065", v.span, `a service's \`select\` takes equality terms only, not \`${e.operator === "In" ? `${e.key} in [...]` : e.operator === "NotIn" ? `${e.key} notin [...]` : e.operator === "Exists" ? e.key : `!${e.key}`}\``, {
        label: "a Kubernetes Service selects pods by equal labels",
        hints: ['write `key = "value"` terms; give the pods you want a common label (`labels { tier = "backend" }`) and select that.'],
      }),
    );
    return undefined;
  }
  return v.selector;
}

// Typed values: what the checker makes of expressions and blocks. Templates, profiles and defaults
// are merged at this level; lowering turns the merged values into the app model.
import type { Span } from "../syntax/span.ts";
import type { InterpolationPart, LabelSelector, ProbeAction } from "../ir/model.ts";

export type Value =
  | { readonly v: "string"; readonly s: string; readonly span: Span }
  | { readonly v: "int"; readonly n: number; readonly span: Span }
  | { readonly v: "bool"; readonly b: boolean; readonly span: Span }
  | { readonly v: "cpu"; readonly millis: number; readonly span: Span }
  | { readonly v: "memory"; readonly bytes: number; readonly raw: string; readonly span: Span }
  | { readonly v: "duration"; readonly seconds: number; readonly span: Span }
  | { readonly v: "percent"; readonly n: number; readonly span: Span }
  | { readonly v: "range"; readonly from: Value; readonly to?: Value; readonly span: Span }
  | { readonly v: "list"; readonly items: readonly Value[]; readonly span: Span }
  /** Blocks: declaration bodies and nested records (`resources { ... }`), and maps (`labels`, `env`). */
  | {
      readonly v: "block";
      readonly fields: ReadonlyMap<string, Value>;
      readonly span: Span;
      /** Keys `unset` removes from what this block is merged over (see unset.ts). */
      readonly removed?: ReadonlyMap<string, Span>;
    }
  | { readonly v: "secretRef"; readonly secret: string; readonly key: string; readonly span: Span }
  | { readonly v: "configRef"; readonly config: string; readonly key: string; readonly span: Span }
  | { readonly v: "serviceRef"; readonly service: string; readonly form: "url" | "host" | "port" | "address"; readonly span: Span }
  | { readonly v: "source"; readonly from: "env" | "file"; readonly arg: string; readonly span: Span }
  /** `remote("path/in/store"[, "property"])`: a key of an external secret store. */
  | { readonly v: "remote"; readonly key: string; readonly property?: string; readonly span: Span }
  /** A rollout step: a traffic weight (`10%`), or a pause (`pause(5m)`; `pause()` waits for promotion). */
  | { readonly v: "step"; readonly weight?: number; readonly pause?: number | "promote"; readonly span: Span }
  | { readonly v: "probe"; readonly action: ProbeAction; readonly span: Span }
  | { readonly v: "port"; readonly name: string; readonly port: number; readonly target: number; readonly span: Span }
  | { readonly v: "workload"; readonly name: string; readonly span: Span }
  /** `if c then a else b`: decided once the profiles are known (evaluate/conditions.ts). */
  | { readonly v: "cond"; readonly cond: CondValue; readonly then: Value; readonly else: Value; readonly span: Span }
  /** A string holding service addresses (`"jdbc:postgresql://${db.address}/shop"`), resolved per target. */
  | { readonly v: "interp"; readonly parts: readonly InterpolationPart[]; readonly span: Span }
  | { readonly v: "selector"; readonly selector: LabelSelector; readonly span: Span }
  /** A plain JSON value inside a `k8s { }` patch, already checked against the Kubernetes schema. */
  | { readonly v: "json"; readonly json: unknown; readonly span: Span };

/** A checked condition: `profile` comparisons wait for evaluation; `name` and `app` are folded. */
export type CondValue =
  | { readonly c: "const"; readonly b: boolean }
  | { readonly c: "profile"; readonly negate: boolean; readonly anyOf: readonly string[] }
  | { readonly c: "and" | "or"; readonly left: CondValue; readonly right: CondValue };

export type BlockValue = Extract<Value, { v: "block" }>;

export function block(fields: ReadonlyMap<string, Value>, span: Span): BlockValue {
  return { v: "block", fields, span };
}

/**
 * The one merge rule, for templates under declarations and profiles over both: later settings
 * win, blocks (records and maps, ports by name) merge key by key, lists replace, and `unset`
 * removes an inherited entry.
 */
export function merge(base: BlockValue, over: BlockValue): BlockValue {
  // Over nothing (a declaration's first template, or its body), `over` is the result: its map is
  // shared rather than copied unless it holds a removal there is nothing to apply to.
  if (base.fields.size === 0 && !hasBareRemoval(over)) return over.removed === undefined ? over : { v: "block", fields: over.fields, span: over.span };
  const fields = new Map(base.fields);
  // `unset x` removes x from what is below, before this block's own settings apply.
  if (over.removed !== undefined) for (const k of over.removed.keys()) fields.delete(k);
  for (const [k, v] of over.fields) {
    const b = fields.get(k);
    if (b && b.v === "block" && v.v === "block") fields.set(k, merge(b, v));
    else if (v.v !== "block" || v.removed === undefined || v.fields.size > 0) fields.set(k, v);
    // else: removals under a key nothing below has; nothing to remove, nothing to keep.
  }
  return { v: "block", fields, span: over.span };
}

/** A nested block that only removes (`unset health.liveness` with no `health` settings). */
function hasBareRemoval(b: BlockValue): boolean {
  for (const v of b.fields.values()) if (v.v === "block" && v.removed !== undefined && v.fields.size === 0) return true;
  return false;
}

// Typed values: what the checker makes of expressions and blocks. Templates, profiles and defaults
// are merged at this level; lowering turns the merged values into the app model.
import type { Span } from "../syntax/span.ts";
import type { ProbeAction } from "../ir/model.ts";

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
  | { readonly v: "block"; readonly fields: ReadonlyMap<string, Value>; readonly span: Span }
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
  | { readonly v: "workload"; readonly name: string; readonly span: Span };

export type BlockValue = Extract<Value, { v: "block" }>;

export function block(fields: ReadonlyMap<string, Value>, span: Span): BlockValue {
  return { v: "block", fields, span };
}

/**
 * The one merge rule, for templates under declarations and profiles over both: later settings
 * win, blocks (records and maps, ports by name) merge key by key, lists replace.
 */
export function merge(base: BlockValue, over: BlockValue): BlockValue {
  const fields = new Map(base.fields);
  for (const [k, v] of over.fields) {
    const b = fields.get(k);
    fields.set(k, b && b.v === "block" && v.v === "block" ? merge(b, v) : v);
  }
  return { v: "block", fields, span: over.span };
}

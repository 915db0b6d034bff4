// Names referred to anywhere in the program's typed values, for the unused-declaration rules:
// secret and config references, and plain strings (a `files` target, `expose.tls`, a name in a
// `k8s` patch). Computed once per lint run (cached on the decls array).
import type { Value } from "../semantics/values.ts";
import type { LintContext } from "./rule.ts";

const cache = new WeakMap<object, Set<string>>();

function walkJson(j: unknown, out: Set<string>): void {
  if (typeof j === "string") out.add(j);
  else if (Array.isArray(j)) for (const x of j) walkJson(x, out);
  else if (j && typeof j === "object") for (const x of Object.values(j)) walkJson(x, out);
}

function walk(v: Value, out: Set<string>): void {
  switch (v.v) {
    case "secretRef": out.add(v.secret); break;
    case "configRef": out.add(v.config); break;
    case "string": out.add(v.s); break;
    case "workload": out.add(v.name); break;
    case "json": walkJson(v.json, out); break;
    case "block": for (const x of v.fields.values()) walk(x, out); break;
    case "list": for (const x of v.items) walk(x, out); break;
    case "range": walk(v.from, out); if (v.to) walk(v.to, out); break;
    case "cond": walk(v.then, out); walk(v.else, out); break;
    default: break;
  }
}

/** The unused-secret and unused-config check: each `kind` declaration that nothing refers to. */
export function reportUnused(ctx: LintContext<unknown>, kind: "secret" | "config"): void {
  const used = referencedNames(ctx);
  for (const d of ctx.decls) {
    if (d.symbol.kind !== kind || used.has(d.symbol.name)) continue;
    ctx.report({ span: ctx.spanOf(d.symbol.name), message: `${kind} \`${d.symbol.name}\` is never used`, label: "unused", hints: ["remove it, or refer to it where it is meant to be used."] });
  }
}

/** Every name referred to by a workload, the app or a profile (not by secrets and configs themselves). */
export function referencedNames(ctx: LintContext<unknown>): ReadonlySet<string> {
  let out = cache.get(ctx.decls);
  if (out) return out;
  out = new Set<string>();
  for (const d of ctx.decls) if (d.symbol.kind !== "secret" && d.symbol.kind !== "config") walk(d.final, out);
  if (ctx.analysis.app) walk(ctx.analysis.app.value, out);
  for (const overlays of ctx.analysis.profiles.values()) for (const o of overlays.values()) walk(o, out);
  cache.set(ctx.decls, out);
  return out;
}

// `unset health.liveness`: removes what a template (or, in a profile, the declaration) set, the one
// thing the merge rule cannot express by itself. Each path is checked against the schema; the
// removal is recorded on the block value at the path's parent (`removed`), and merge() applies it
// to the base before the block's own settings. A removal with nothing under it is harmless.
import type { Directive, Expr, Name } from "../syntax/ast.ts";
import type { Span } from "../syntax/span.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { FieldSchema } from "./types.ts";
import { block, type BlockValue, type Value } from "./values.ts";
import type { Ctx } from "./scope.ts";
import { didYouMean } from "./suggest.ts";

export const UNSET = "unset";

/** True for an `unset a.b` member in a block whose kind has no field named `unset`. */
export function isUnset(path: readonly Name[], kind: string, fields: ReadonlyMap<string, FieldSchema>): boolean {
  return kind === "Directive" && path.length === 1 && path[0]!.text === UNSET && !fields.has(UNSET);
}

export function checkUnset(ctx: Ctx, m: Directive, fields: ReadonlyMap<string, FieldSchema>, where: string, out: Map<string, Value>, removed: Map<string, Span>): void {
  if (m.args.length === 0 || m.arrow) {
    ctx.diagnostics.push(diag("KD3014", m.span, "`unset` takes the fields to remove", { hints: ["write `unset health.liveness` or `unset labels.tier canary` (several paths separated by spaces)."] }));
    return;
  }
  for (const arg of m.args) {
    const path = refPath(arg);
    if (!path) {
      ctx.diagnostics.push(diag("KD3014", arg.span, "`unset` takes field paths such as `health.liveness`", { label: "not a field path" }));
      continue;
    }
    if (resolves(ctx, path, fields, where, arg.span)) record(out, removed, path, arg.span);
  }
}

/**
 * `unset canary.image`: the block would be left without a required field. In a profile the path
 * the user wrote starts with the target (`unset api.canary.image`), which the hint repeats.
 */
function requiredInBlock(ctx: Ctx, path: readonly Name[], span: Span) {
  const target = span.start < path[0]!.span.start ? `${ctx.selfName}.` : "";
  const name = path[path.length - 1]!.text;
  const parent = path.slice(0, -1).map((p) => p.text).join(".");
  return diag("KD3026", span, `\`${name}\` is required in \`${parent}\`, so it cannot be unset`, {
    label: `\`${parent}\` needs its \`${name}\``,
    hints: [`unset the whole block instead: \`unset ${target}${parent}\`, or set another value: \`${target}${parent}.${name} = ...\`.`],
  });
}

function refPath(e: Expr): readonly Name[] | undefined {
  return e.kind === "Ref" ? e.path : undefined;
}

/**
 * Every step of the path names a field (or a key of a map, or a port), the way it would be set,
 * and the last is not required: a block that lost a required field would be dropped or mangled.
 */
function resolves(ctx: Ctx, path: readonly Name[], fields: ReadonlyMap<string, FieldSchema>, where: string, span: Span): boolean {
  let level: ReadonlyMap<string, FieldSchema> | undefined = fields;
  let at = where;
  for (let i = 0; i < path.length; i++) {
    const n = path[i]!;
    if (!level) {
      ctx.diagnostics.push(diag("KD2004", n.span, `\`${path[i - 1]!.text}\` is not a block, so it has no \`${n.text}\``));
      return false;
    }
    const f: FieldSchema | undefined = level.get(n.text) ?? level.get("_");
    if (!f) {
      ctx.diagnostics.push(diag("KD2004", n.span, `${at} has no field \`${n.text}\``, { label: "nothing to unset", hints: didYouMean(n.text, [...level.keys()].filter((k) => k !== "_")) }));
      return false;
    }
    if (i === 0 && path.length === 1 && !f.optional && f.name !== "_") {
      ctx.diagnostics.push(diag("KD3026", n.span, `\`${n.text}\` is required, so it cannot be unset`, { hints: [`set another value instead: \`${n.text} = ...\`.`] }));
      return false;
    }
    if (i > 0 && i === path.length - 1 && !f.optional && f.name !== "_") {
      ctx.diagnostics.push(requiredInBlock(ctx, path, span));
      return false;
    }
    at = `\`${n.text}\``;
    // Maps and ports are blocks keyed by name: their next step is any key, and the last.
    if (f.type.t === "map" || (f.type.t === "scalar" && f.type.name === "Port")) {
      if (path.length > i + 2) {
        ctx.diagnostics.push(diag("KD2004", path[i + 2]!.span, `\`${n.text}.${path[i + 1]!.text}\` is not a block, so it has no \`${path[i + 2]!.text}\``));
        return false;
      }
      return true;
    }
    level = f.type.t === "record" ? f.type.fields : undefined;
  }
  return true;
}

/**
 * A removal at the top of the block goes to `top` (the caller's `removed`); a deeper one becomes
 * the `removed` of the nested block at the path's parent, created if the block sets nothing there.
 */
function record(out: Map<string, Value>, top: Map<string, Span>, path: readonly Name[], span: Span): void {
  const [head, ...rest] = path;
  if (rest.length === 0) top.set(head!.text, span);
  else out.set(head!.text, withRemoval(out.get(head!.text), rest, span));
}

function withRemoval(prev: Value | undefined, path: readonly Name[], span: Span): BlockValue {
  const base = prev?.v === "block" ? prev : block(new Map(), span);
  const [head, ...rest] = path;
  if (rest.length === 0) return { ...base, removed: new Map(base.removed ?? []).set(head!.text, span) };
  const fields = new Map(base.fields);
  fields.set(head!.text, withRemoval(fields.get(head!.text), rest, span));
  return { ...base, fields };
}

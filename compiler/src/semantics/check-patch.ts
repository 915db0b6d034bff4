// The escape hatch: `k8s { ... }` patches the generated object, checked field by field against the
// Kubernetes schema (k8s-schema/fields.json, derived from the models the Kubernetes project
// generates from its OpenAPI spec). Forms:
//   k8s { spec.progressDeadlineSeconds = 600 }      the workload's main object (a Deployment for a service)
//   k8s.service { spec.sessionAffinity = "ClientIP" } another object the declaration generates
//   k8s.pod { priorityClassName = "high" }            every pod template of the workload
//   k8s.container { imagePullPolicy = "Always" }      every container of those pods
// The value is a block per target whose leaves are `json` values, so templates and profiles merge
// patches by the one merge rule (blocks merge key by key, lists replace).
import type { Block, Expr, Member, Name } from "../syntax/ast.ts";
import type { Span } from "../syntax/span.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { block, type BlockValue, type Value } from "./values.ts";
import type { Ctx } from "./scope.ts";
import { didYouMean } from "./suggest.ts";
import { stringText } from "./check-expr.ts";
import { MAIN_TARGET, PATCH_TARGETS, fieldsOf, typeName } from "../k8s-schema/schema.ts";

/** Fields kdsl owns: changing them would break names, references or the object's identity. */
const OWNED: Readonly<Record<string, string>> = {
  apiVersion: "the API version follows from the object kind",
  kind: "the object kind is what the target names",
  status: "status is written by the cluster, not by manifests",
  "metadata.name": "names are the declarations' names; other objects refer to them",
  "metadata.namespace": "the namespace is the app's (`app x { namespace = ... }`)",
};

/** Checks one member whose field is `k8s`, adding its patch to `out` under `k8s`. */
export function checkPatchMember(ctx: Ctx, m: Exclude<Member, { kind: "FieldDecl" }>, path: readonly Name[], out: Map<string, Value>): void {
  const kind = ctx.selfKind ?? ctx.scope.decls.get(ctx.selfName)?.kind ?? "service";
  const main = MAIN_TARGET[kind];
  let rest = path.slice(1);
  let target = main;
  const second = rest[0];
  if (second && second.text in PATCH_TARGETS) {
    target = second.text;
    rest = rest.slice(1);
  }
  if (!target) {
    ctx.diagnostics.push(diag("KD2043", path[0]!.span, `a ${kind} has no main object to patch`, { hints: [`name the object: \`k8s.<kind> { ... }\`, one of ${Object.keys(PATCH_TARGETS).map((k) => `\`${k}\``).join(", ")}.`] }));
    return;
  }
  const root = PATCH_TARGETS[target]!;
  const prev = out.get("k8s");
  const targets = new Map(prev?.v === "block" ? prev.fields : []);
  const before = targets.get(target);
  const fields = new Map(before?.v === "block" ? before.fields : []);
  const where = { target, prefix: [] as string[] };
  if (rest.length === 0) {
    if (m.kind !== "Nested") {
      ctx.diagnostics.push(diag("KD3014", m.span, "`k8s` is not written this way", { hints: ["write `k8s { spec.field = value }` or `k8s.service { ... }`."] }));
      return;
    }
    checkBody(ctx, m.body, root, fields, where);
  } else if (!(rest[0]!.text in (fieldsOf(root) ?? {})) && path.length === 2 && m.kind === "Nested") {
    // `k8s.deploymnt { }`: neither a target nor a field of the main object.
    const candidates = [...Object.keys(PATCH_TARGETS), ...Object.keys(fieldsOf(root) ?? {})];
    ctx.diagnostics.push(diag("KD2043", rest[0]!.span, `\`${rest[0]!.text}\` is neither an object kdsl generates nor a field of the ${typeName(root)}`, { hints: [...didYouMean(rest[0]!.text, candidates), `objects: ${Object.keys(PATCH_TARGETS).join(", ")}.`] }));
    return;
  } else {
    checkAt(ctx, m, rest, root, fields, where);
  }
  targets.set(target, block(fields, before?.span ?? m.span));
  out.set("k8s", block(targets, prev?.span ?? m.span));
}

interface Where {
  readonly target: string;
  readonly prefix: readonly string[];
}

function checkBody(ctx: Ctx, body: Block, type: string, out: Map<string, Value>, where: Where): void {
  for (const m of body.members) {
    if (m.kind === "FieldDecl") continue;
    checkAt(ctx, m, m.path, type, out, where);
  }
}

/** A member at `path` below an object of schema type `type`. */
function checkAt(ctx: Ctx, m: Exclude<Member, { kind: "FieldDecl" }>, path: readonly Name[], type: string, out: Map<string, Value>, where: Where): void {
  const head = path[0]!;
  const fields = fieldsOf(type);
  const isMap = type.startsWith("{");
  const fieldType = isMap ? type.slice(1, -1) : fields?.[head.text];
  if (fieldType === undefined) {
    const names = Object.keys(fields ?? {});
    ctx.diagnostics.push(
      diag("KD2042", head.span, `${typeName(type)} has no field \`${head.text}\``, {
        label: "not in the Kubernetes schema",
        hints: [...didYouMean(head.text, names), names.length <= 16 ? `its fields: ${names.join(", ")}.` : `it has ${names.length} fields; see \`kubectl explain\`.`],
      }),
    );
    return;
  }
  const full = [...where.prefix, head.text].join(".");
  const owned = OWNED[where.target === "pod" || where.target === "container" ? "" : full];
  if (owned) {
    ctx.diagnostics.push(diag("KD3064", head.span, `\`${full}\` cannot be patched: ${owned}`));
    return;
  }
  const inner: Where = { target: where.target, prefix: [...where.prefix, head.text] };
  const prev = out.get(head.text);
  if (path.length > 1 || m.kind === "Nested") {
    if (!isObjectType(fieldType)) {
      ctx.diagnostics.push(diag("KD3063", (path[1] ?? head).span, `\`${full}\` is ${describe(fieldType)}, not a block`));
      return;
    }
    const nested = new Map(prev?.v === "block" ? prev.fields : []);
    if (path.length > 1) checkAt(ctx, m, path.slice(1), fieldType, nested, inner);
    else if (m.kind === "Nested") checkBody(ctx, m.body, fieldType, nested, inner);
    out.set(head.text, block(nested, prev?.span ?? m.span));
    return;
  }
  if (m.kind !== "Assign" || !m.value) {
    if (m.kind !== "Assign") ctx.diagnostics.push(diag("KD3014", m.span, `\`${full}\` is not written this way`, { hints: [`write \`${head.text} = ...\`.`] }));
    return;
  }
  if (prev) {
    ctx.diagnostics.push(diag("KD2013", head.span, `\`${full}\` is set twice`, { label: "set again here", related: [{ span: prev.span, message: "first set here" }] }));
    return;
  }
  const json = checkJson(ctx, m.value, fieldType, full);
  if (json !== undefined) out.set(head.text, { v: "json", json, span: m.value.span });
}

function isObjectType(t: string): boolean {
  return t.startsWith("{") || fieldsOf(t) !== undefined;
}

function describe(t: string): string {
  if (t.startsWith("[")) {
    const item = t.slice(1, -1);
    return fieldsOf(item) ? `a list of blocks (${typeName(item)})` : `a list of ${describe(item).replace(/^an? /, "")}s`;
  }
  if (t.startsWith("{")) return "a block of entries";
  if (t === "IntOrString") return "a number or a string";
  if (t === "any" || t === "object") return "any value";
  if (fieldsOf(t)) return `a block (${typeName(t)})`;
  return `a ${t}`;
}

/** A value for a leaf of schema type `t`, as plain JSON; undefined after reporting. */
function checkJson(ctx: Ctx, e: Expr, t: string, full: string): unknown {
  const bad = (hint?: string): undefined => {
    ctx.diagnostics.push(diag("KD3063", e.span, `\`${full}\` expects ${describe(t)}`, { label: "the Kubernetes schema says otherwise", hints: hint ? [hint] : [] }));
    return undefined;
  };
  if (t.startsWith("[")) {
    if (e.kind !== "List") return bad();
    const item = t.slice(1, -1);
    if (isObjectType(item)) return bad("lists of objects cannot be written in a patch yet; patch a field of an existing item through `k8s.pod` or `k8s.container` instead.");
    const items = e.items.map((i) => checkJson(ctx, i, item, full));
    return items.some((i) => i === undefined) ? undefined : items;
  }
  if (isObjectType(t)) return bad(`write \`${full.split(".").pop()} { ... }\`.`);
  const any = t === "any" || t === "object";
  switch (e.kind) {
    case "String": {
      if (t !== "string" && t !== "IntOrString" && !any) return bad();
      return stringText(ctx, e);
    }
    case "Number":
      if (t === "number" || t === "IntOrString" || any) return e.value;
      return bad(t === "string" ? `write it as a string: \`"${e.raw}"\`.` : undefined);
    case "Quantity":
      // Quantities (`500m`, `1Gi`) and percentages are strings in Kubernetes objects.
      if (t === "string" || t === "IntOrString" || any) return e.raw;
      return bad();
    case "Bool":
      if (t === "boolean" || any) return e.value;
      return bad();
    case "List":
      if (!any) return bad();
      return e.items.map((i) => checkJson(ctx, i, "any", full));
    default:
      return bad();
  }
}

export type { BlockValue, Span };

// Blocks against the schema of their kind: each member finds its field (or is reported with the
// closest field name), takes the form its type needs (`=`, a nested block, a directive) and is
// checked; the result is one block value. Settings on the same field twice are reported.
import type { Block, Directive, Expr, Member, Name } from "../syntax/ast.ts";
import type { Span } from "../syntax/span.ts";
import { spanCovering } from "../syntax/span.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { OWNED_LABELS } from "../ir/labels.ts";
import type { FieldSchema, Type } from "./types.ts";
import { describeType } from "./types.ts";
import type { Value } from "./values.ts";
import { block, type BlockValue } from "./values.ts";
import type { Ctx } from "./scope.ts";
import { checkScalar, mismatch } from "./check-expr.ts";
import { checkIf } from "./check-if.ts";
import { checkPatchMember } from "./check-patch.ts";
import { checkSelector } from "./check-selector.ts";
import { didYouMean } from "./suggest.ts";
import { checkUnset, isUnset } from "./unset.ts";
import { checkEnvName, checkLabelKey, checkPortName } from "./names.ts";

type Fields = ReadonlyMap<string, FieldSchema>;

/** The wildcard field `_` in the prelude accepts any key (secret and config entries). */
const ANY = "_";

export function checkBlock(ctx: Ctx, body: Block, fields: Fields, where: string): BlockValue {
  return checkMembers(ctx, body.members, undefined, fields, where, body.span);
}

/** The path a member sets (a field declaration, in the prelude only, sets its name). */
export function pathOf(m: Member): readonly Name[] {
  return m.kind === "FieldDecl" ? [m.name] : m.path;
}

/**
 * Checks one member in place of checkMember, from what it learnt checking the same member before
 * (semantics/template-memo.ts); false when it cannot, and checkMember runs.
 */
export interface MemberMemo {
  check(ctx: Ctx, member: Member, path: readonly Name[], fields: Fields, where: string, out: Map<string, Value>, seen: Map<string, Span>): boolean;
}

/**
 * Members with the paths to check them by: their own (pathOf), or `paths[i]` (a profile strips the
 * target's name off its paths). Two arrays rather than an array of pairs: no object per member.
 */
export function checkMembers(ctx: Ctx, members: readonly Member[], paths: readonly (readonly Name[])[] | undefined, fields: Fields, where: string, span: Span, memo?: MemberMemo): BlockValue {
  const out = new Map<string, Value>();
  const seen = new Map<string, Span>();
  let unsets: Directive[] | undefined;
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    const path = paths === undefined ? pathOf(member) : paths[i]!;
    if (isUnset(path, member.kind, fields)) (unsets ??= []).push(member as Directive);
    else if (memo === undefined || !memo.check(ctx, member, path, fields, where, out, seen)) checkMember(ctx, member, path, fields, where, out, seen);
  }
  if (unsets === undefined) return block(out, span);
  // Removals apply to what lies below this block, so they are taken after its own settings.
  const removed = new Map<string, Span>();
  for (const u of unsets) checkUnset(ctx, u, fields, where, out, removed);
  return removed.size > 0 ? { ...block(out, span), removed } : block(out, span);
}

/** Why `key` is no ConfigMap or Secret data key (Kubernetes' IsConfigMapKey), or undefined. */
function dataKeyProblem(key: string): string | undefined {
  if (key.length > 253) return "it is longer than 253 characters";
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) return "only letters, digits, `-`, `_` and `.` are allowed";
  if (key === "." || key === ".." || key.startsWith("..")) return "it cannot be `.` or `..` or start with `..`";
  return undefined;
}

function fieldFor(ctx: Ctx, name: Name, fields: Fields, where: string): FieldSchema | undefined {
  const f = fields.get(name.text) ?? fields.get(ANY);
  if (!f) {
    ctx.diagnostics.push(diag("KD2004", name.span, `${where} has no field \`${name.text}\``, { label: "unknown field", hints: didYouMean(name.text, [...fields.keys()].filter((k) => k !== ANY)) }));
  }
  return f;
}

export function checkMember(ctx: Ctx, m: Member, path: readonly Name[], fields: Fields, where: string, out: Map<string, Value>, seen: Map<string, Span>): void {
  const head = path[0];
  if (!head) return;
  if (m.kind === "FieldDecl") {
    ctx.diagnostics.push(diag("KD3014", m.span, "field declarations (`name: Type`) belong in the prelude only", { hints: [`write \`${head.text} = ...\`.`] }));
    return;
  }
  if (m.kind === "Directive" && m.op) {
    ctx.diagnostics.push(diag("KD1020", m.span, `\`${m.op === "!" ? "!key" : `key ${m.op} [...]`}\` belongs in a \`select { ... }\` block`, { hints: ["set forms of label selection are written inside `select` (or `avoid`)."] }));
    return;
  }
  const field = fieldFor(ctx, head, fields, where);
  if (!field) return;
  const key = head.text;
  if (field.type.t === "scalar" && (field.type.name === "ConfigValue" || field.type.name === "SecretValue") && !fields.has(key)) {
    const problem = dataKeyProblem(key);
    if (problem) {
      ctx.diagnostics.push(diag("KD3067", head.span, `\`${key}\` cannot be a key of a ${field.type.name === "ConfigValue" ? "ConfigMap" : "Secret"}: ${problem}`, { hints: ["keys hold letters, digits, `-`, `_` and `.`, e.g. `\"tls.crt\"` or `max-items`."] }));
      return;
    }
  }
  // The escape hatch and selectors have their own forms (check-patch.ts, check-selector.ts).
  if (field.type.t === "scalar" && field.type.name === "K8sPatch") return checkPatchMember(ctx, m, path, out);
  if (field.type.t === "scalar" && field.type.name === "Selector" && path.length === 1) {
    const earlierSel = seen.get(key);
    if (earlierSel) return twice(ctx, head.span, `\`${key}\``, earlierSel);
    seen.set(key, head.span);
    const sel = checkSelector(ctx, m, key);
    if (sel) out.set(key, sel);
    return;
  }
  // `resources.cpu = 1` is shorthand for `resources { cpu = 1 }`.
  if (path.length > 1) {
    if (field.type.t !== "record" && field.type.t !== "map") {
      ctx.diagnostics.push(diag("KD2004", path[1]!.span, `\`${key}\` is not a block, so it has no \`${path[1]!.text}\``));
      return;
    }
    const inner = new Map<string, Value>();
    const prev = out.get(key);
    if (prev?.v === "block") for (const [k, v] of prev.fields) inner.set(k, v);
    const innerSeen = new Map<string, Span>([...seen].filter(([k]) => k.startsWith(key + ".")).map(([k, s]) => [k.slice(key.length + 1), s]));
    if (field.type.t === "record") checkMember(ctx, m, path.slice(1), field.type.fields, `\`${key}\``, inner, innerSeen);
    else checkMapEntry(ctx, key, field.type, path[1]!, m, inner, innerSeen);
    for (const [k, s] of innerSeen) seen.set(`${key}.${k}`, s);
    out.set(key, block(inner, prev?.span ?? m.span));
    return;
  }
  if (field.type.t === "scalar" && field.type.name === "Port") {
    if (m.kind !== "Directive") return formError(ctx, m, key, "port http 8080");
    const port = checkPort(ctx, m);
    if (!port) return;
    const ports = out.get(key);
    const map = new Map(ports?.v === "block" ? ports.fields : []);
    const dup = map.get(port.name);
    if (dup) return twice(ctx, port.span, `port \`${port.name}\``, dup.span);
    map.set(port.name, port);
    out.set(key, block(map, ports?.span ?? m.span));
    return;
  }
  const earlier = seen.get(key);
  if (earlier && fields.get(key)) return twice(ctx, head.span, `\`${key}\``, earlier);
  seen.set(key, head.span);
  const value = checkField(ctx, m, key, field);
  if (value) out.set(key, value);
}

function checkField(ctx: Ctx, m: Exclude<Member, { kind: "FieldDecl" }>, key: string, field: FieldSchema): Value | undefined {
  const type = field.type;
  switch (type.t) {
    case "record":
      if (m.kind !== "Nested") return formError(ctx, m, key, `${key} { ... }`);
      return checkBlock(ctx, m.body, type.fields, `\`${key}\``);
    case "map": {
      if (m.kind !== "Nested") return formError(ctx, m, key, `${key} { name = value }`);
      const entries = new Map<string, Value>();
      const seen = new Map<string, Span>();
      for (const e of m.body.members) {
        const name = e.kind === "FieldDecl" ? e.name : e.path[0];
        if (!name) continue;
        if (e.kind !== "FieldDecl" && e.path.length > 1) {
          ctx.diagnostics.push(diag("KD3014", e.path[1]!.span, `entries of \`${key}\` are single keys; quote a key that holds dots: \`"${e.path.map((p) => p.text).join(".")}" = ...\``));
          continue;
        }
        checkMapEntry(ctx, key, type, name, e, entries, seen);
      }
      return block(entries, m.span);
    }
    case "list": {
      const expr = m.kind === "Assign" ? m.value : m.kind === "Directive" && m.args.length === 1 && !m.arrow ? m.args[0] : undefined;
      if (m.kind === "Nested" || (m.kind === "Directive" && expr === undefined)) return formError(ctx, m, key, `${key} [a, b]`);
      if (!expr) return undefined;
      if (expr.kind === "If") return checkValue(ctx, key, type, expr);
      if (expr.kind !== "List") return mismatch(ctx, key, type, expr);
      const items: Value[] = [];
      for (const item of expr.items) {
        const v = checkValue(ctx, key, type.of, item);
        if (v) items.push(v);
      }
      return { v: "list", items, span: expr.span };
    }
    default: {
      if (m.kind !== "Assign") return formError(ctx, m, key, `${key} = ...`);
      return m.value ? checkValue(ctx, key, type, m.value) : undefined;
    }
  }
}

function checkMapEntry(ctx: Ctx, key: string, type: Extract<Type, { t: "map" }>, name: Name, e: Member, out: Map<string, Value>, seen: Map<string, Span>): void {
  if (e.kind === "Directive" && e.op) {
    ctx.diagnostics.push(diag("KD1020", e.span, `\`${e.op === "!" ? "!key" : `key ${e.op} [...]`}\` belongs in a \`select { ... }\` block`, { hints: [`entries of \`${key}\` are written \`name = value\`.`] }));
    return;
  }
  if (e.kind !== "Assign") {
    formError(ctx, e, name.text, `${name.text} = ...`);
    return;
  }
  const problem = type.key.t === "scalar" && type.key.name === "LabelKey" ? checkLabelKey(name.text) : type.key.t === "scalar" && type.key.name === "EnvName" ? checkEnvName(name.text) : undefined;
  if (problem) {
    const code = type.key.t === "scalar" && type.key.name === "EnvName" ? "KD3013" : "KD3005";
    ctx.diagnostics.push(diag(code, name.span, `\`${name.text}\` is not ${describeType(type.key)}: ${problem}`));
    return;
  }
  if (key === "labels" && OWNED_LABELS.has(name.text)) {
    ctx.diagnostics.push(diag("KD3005", name.span, `\`${name.text}\` is a label kdsl sets itself: its selectors depend on it`, { hints: ["use a key of your own, e.g. `example.com/owner`; kdsl sets `app.kubernetes.io/name`, `part-of`, `managed-by` and `track`."] }));
    return;
  }
  const earlier = seen.get(name.text);
  if (earlier) return twice(ctx, name.span, `\`${key}.${name.text}\``, earlier);
  seen.set(name.text, name.span);
  const v = e.value ? checkValue(ctx, name.text, type.value, e.value) : undefined;
  if (v) out.set(name.text, v);
}

export function checkValue(ctx: Ctx, key: string, type: Type, e: Expr): Value | undefined {
  if (e.kind === "If") return checkIf(ctx, key, type, e, checkValue);
  // A list as an `if` branch (`uses = if ... then [a] else [a, b]`).
  if (type.t === "list" && e.kind === "List") {
    const items = e.items.map((i) => checkValue(ctx, key, type.of, i));
    return items.every((i) => i !== undefined) ? { v: "list", items: items as Value[], span: e.span } : undefined;
  }
  if (type.t === "range") {
    if (e.kind !== "Range") return checkValue(ctx, key, type.of, e);
    const from = checkValue(ctx, key, type.of, e.from);
    const to = e.to ? checkValue(ctx, key, type.of, e.to) : undefined;
    if (!from) return undefined;
    const a = magnitude(from);
    const b = to ? magnitude(to) : undefined;
    if (a !== undefined && b !== undefined && a > b) {
      ctx.diagnostics.push(diag("KD3010", e.span, `\`${key}\` requests more than its limit`, { label: "the request (left) must not exceed the limit (right)" }));
      return undefined;
    }
    return to ? { v: "range", from, to, span: e.span } : { v: "range", from, span: e.span };
  }
  if (type.t === "scalar") {
    if (e.kind === "Range") return mismatch(ctx, key, type, e);
    return checkScalar(ctx, key, type.name, e);
  }
  return mismatch(ctx, key, type, e);
}

function magnitude(v: Value): number | undefined {
  return v.v === "cpu" ? v.millis : v.v === "memory" ? v.bytes : v.v === "duration" ? v.seconds : undefined;
}

function checkPort(ctx: Ctx, m: Directive): Extract<Value, { v: "port" }> | undefined {
  const [nameExpr, portExpr, extra] = m.args;
  const usage = "write `port NAME PORT` or `port NAME PORT -> TARGET`, e.g. `port http 8080`.";
  if (!nameExpr || nameExpr.kind !== "Ref" || nameExpr.path.length !== 1 || !portExpr || extra) {
    ctx.diagnostics.push(diag("KD3014", m.span, "a port needs a name and a number", { hints: [usage] }));
    return undefined;
  }
  const name = nameExpr.path[0]!.text;
  const problem = checkPortName(name);
  if (problem) {
    ctx.diagnostics.push(diag("KD3008", nameExpr.span, `\`${name}\` is not a valid port name: ${problem}`));
    return undefined;
  }
  const port = portNumber(ctx, portExpr);
  const target = m.arrow ? portNumber(ctx, m.arrow) : port;
  if (port === undefined || target === undefined) return undefined;
  return { v: "port", name, port, target, span: m.span };
}

function portNumber(ctx: Ctx, e: Expr): number | undefined {
  if (e.kind === "Number" && Number.isInteger(e.value) && e.value >= 1 && e.value <= 65535) return e.value;
  const text = e.kind === "Number" ? e.raw : e.kind === "Quantity" ? e.raw : undefined;
  ctx.diagnostics.push(diag("KD3008", e.span, text ? `\`${text}\` is not a port number: ports are whole numbers from 1 to 65535` : "expected a port number from 1 to 65535"));
  return undefined;
}

function formError(ctx: Ctx, m: Member, key: string, form: string): undefined {
  const span = m.kind === "FieldDecl" ? m.span : spanCovering(m.path[0]!.span, m.span);
  ctx.diagnostics.push(diag("KD3014", span, `\`${key}\` is not written this way`, { hints: [`write \`${form}\`.`] }));
  return undefined;
}

function twice(ctx: Ctx, span: Span, what: string, earlier: Span): undefined {
  ctx.diagnostics.push(diag("KD2013", span, `${what} is set twice`, { label: "set again here", related: [{ span: earlier, message: "first set here" }] }));
  return undefined;
}

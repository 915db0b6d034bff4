// Template parameters: `template web(port: Int = 8080) { port http port }` used as
// `service api from web(port = 9090) { ... }`. Arguments are checked at the use site against the
// parameter's type (the prelude's types); the template body is then checked with every parameter
// reference replaced by its argument (or default). Substituting expressions, rather than values,
// lets a parameter stand wherever an expression may: `port http port`, `http(path)`, `uses [db]`,
// `db.host`, `"${db.host}"`, `"${prefix}-cache"`, `if name == "api" then n else 2`; and a problem inside the template with a bad argument points at
// the argument. Templates without parameters are used as written: no copy, no cost.
import type { Arg, Block, Condition, Expr, Member, Name, TemplateDecl } from "../syntax/ast.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { Ctx } from "./scope.ts";
import { typeOf } from "./schema.ts";
import { checkValue } from "./check-block.ts";
import { didYouMean } from "./suggest.ts";
import { mismatch } from "./check-expr.ts";
import type { Type } from "./types.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** Parameter name → the expression that stands for it. */
export type Bindings = ReadonlyMap<string, Expr>;

/** `${name}` and `${app}` already mean the declaration and the app in every string. */
const RESERVED = new Set(["name", "app"]);

/**
 * The body of each template of a chain (outermost first, as templateChain returns it) with its
 * parameters substituted; undefined where the arguments were wrong (already reported), so the
 * template adds nothing and causes no follow-on errors.
 */
export function instantiateChain(ctx: Ctx, use: { readonly from?: Name; readonly args?: readonly Arg[] }, chain: readonly TemplateDecl[]): (Block | undefined)[] {
  const out: (Block | undefined)[] = new Array(chain.length);
  let outer: Bindings = new Map();
  let from = use.from;
  let args = use.args;
  let ok = true;
  for (let i = chain.length - 1; i >= 0; i--) {
    const t = chain[i]!;
    if (ok && !t.params && !args) {
      out[i] = t.body;
      outer = new Map();
    } else {
      const bindings: Bindings | undefined = ok ? bind(ctx, t, args, from!, outer) : undefined;
      ok = bindings !== undefined;
      out[i] = bindings && t.body ? (bindings.size > 0 ? substituted(ctx, t.body, bindings) : t.body) : undefined;
      outer = bindings ?? new Map();
    }
    from = t.from;
    args = t.args;
  }
  return out;
}

/**
 * Parameters without a value, when a template is checked on its own (unused-templates.ts): `outer`
 * are the names the arguments may mention that have no value (an argument that mentions one is
 * taken as given, and not checked); `own`, when present, collects the template's parameters left
 * without a value (no default, or a bad one, reported) instead of reporting each as missing.
 */
export interface OpenParams {
  readonly outer: ReadonlySet<string>;
  readonly own?: Set<string>;
}

/** bind() for a template checked on its own, or for the arguments it gives its base. */
export function bindOpen(ctx: Ctx, t: TemplateDecl, args: readonly Arg[] | undefined, at: Name, outer: Bindings, open: OpenParams): Bindings | undefined {
  return bind(ctx, t, args, at, outer, open);
}

function bind(ctx: Ctx, t: TemplateDecl, args: readonly Arg[] | undefined, at: Name, outer: Bindings, open?: OpenParams): Bindings | undefined {
  const params = t.params ?? [];
  const name = t.name?.text ?? at.text;
  let ok = true;
  const declared = new Map<string, NonNullable<TemplateDecl["params"]>[number]>();
  for (const p of params) {
    if (RESERVED.has(p.name.text) || declared.has(p.name.text)) {
      const why = RESERVED.has(p.name.text) ? `\`${p.name.text}\` is reserved: \`\${${p.name.text}}\` already means the ${p.name.text === "app" ? "app's name" : "declaration's name"}` : `parameter \`${p.name.text}\` is declared twice`;
      ctx.diagnostics.push(diag("KD2021", p.name.span, why, { label: "rename this parameter" }));
      ok = false;
      continue;
    }
    declared.set(p.name.text, p);
  }
  const given = new Map<string, Arg>();
  for (const a of args ?? []) {
    if (!declared.has(a.name.text)) {
      const hints = params.length === 0 ? [`\`${name}\` takes no parameters; remove the parentheses.`] : [...didYouMean(a.name.text, declared.keys()), `\`${name}\` takes ${[...declared.keys()].map((k) => `\`${k}\``).join(", ")}.`];
      ctx.diagnostics.push(diag("KD2020", a.name.span, `template \`${name}\` has no parameter \`${a.name.text}\``, { label: "unknown parameter", hints, related: t.name ? [{ span: t.name.span, message: "template declared here" }] : [] }));
      ok = false;
      continue;
    }
    const earlier = given.get(a.name.text);
    if (earlier) {
      ctx.diagnostics.push(diag("KD2021", a.name.span, `parameter \`${a.name.text}\` is given twice`, { label: "given again here", related: [{ span: earlier.name.span, message: "first given here" }] }));
      ok = false;
      continue;
    }
    given.set(a.name.text, a);
  }
  const bindings = new Map<string, Expr>();
  for (const [pname, p] of declared) {
    const a = given.get(pname);
    const type = p.type ? paramType(ctx, p.type) : undefined;
    if (open && a?.value && mentions(a.value, open.outer)) continue;
    if (!type && open?.own) {
      open.own.add(pname);
      continue;
    }
    const expr = a ? (a.value && outer.size > 0 ? substituteExpr(ctx, a.value, outer) : a.value) : p.default;
    if (!type) {
      ok = false;
      continue;
    }
    if (!expr) {
      if (!a && open?.own) {
        open.own.add(pname);
        continue;
      }
      if (!a) {
        ctx.diagnostics.push(diag("KD3020", at.span, `template \`${name}\` needs a value for \`${pname}\``, { label: `\`${pname}\` has no default`, hints: [`write \`from ${name}(${pname} = ...)\`.`], related: [{ span: p.name.span, message: "parameter declared here" }] }));
      }
      ok = false;
      continue;
    }
    // The argument is checked against the parameter's type where it is written.
    if (!checkArg(ctx, pname, type, expr)) {
      if (open?.own) open.own.add(pname);
      else ok = false;
      continue;
    }
    bindings.set(pname, expr);
  }
  return ok ? bindings : undefined;
}

/** Lists are checked item by item, as a list field's value is; everything else as a field's value. */
function checkArg(ctx: Ctx, pname: string, type: Type, expr: Expr): boolean {
  if (type.t !== "list") return checkValue(ctx, pname, type, expr) !== undefined;
  if (expr.kind !== "List") return mismatch(ctx, pname, type, expr) !== undefined;
  let ok = true;
  for (const item of expr.items) if (checkValue(ctx, pname, type.of, item) === undefined) ok = false;
  return ok;
}

function paramType(ctx: Ctx, ref: NonNullable<TemplateDecl["params"]>[number]["type"] & object) {
  const problems: Diagnostic[] = [];
  const type = typeOf(ref, problems);
  if (!type) {
    ctx.diagnostics.push(diag("KD2001", ref.span, `unknown type \`${ref.name?.text ?? "?"}\` for a parameter`, { hints: ["parameters take the types of the prelude's fields: `Int`, `String`, `Bool`, `Duration`, `Cpu`, `Memory`, `Percent`, `Image`, `ServiceRef`, `List<String>`, ..."] }));
  } else if (type.t === "scalar" && type.name === "Port") {
    // `port` is written as a directive, so a Port-typed argument could never be given.
    ctx.diagnostics.push(diag("KD2001", ref.span, "a parameter cannot be a `Port`", { hints: ["take the number as an `Int` and write `port http <param>` in the template."] }));
    return undefined;
  }
  return type;
}

/** The body with its parameters replaced; undefined when a replacement failed (reported). */
function substituted(ctx: Ctx, body: Block, env: Bindings): Block | undefined {
  const before = ctx.diagnostics.length;
  const out = substituteBlock(ctx, body, env);
  return ctx.diagnostics.length > before ? undefined : out;
}

// What no parameter reaches is returned as it is (the same node), so that members a template writes
// the same way for every user stay one node, which the template memo (template-memo.ts) recognises.
export function substituteBlock(ctx: Ctx, b: Block, env: Bindings): Block {
  const members = same(b.members, (m) => substituteMember(ctx, m, env));
  return members === b.members ? b : { ...b, members };
}

function substituteMember(ctx: Ctx, m: Member, env: Bindings): Member {
  switch (m.kind) {
    case "Assign": {
      const value = m.value && substituteExpr(ctx, m.value, env);
      return value === m.value ? m : { ...m, value };
    }
    case "Nested": {
      const body = substituteBlock(ctx, m.body, env);
      return body === m.body ? m : { ...m, body };
    }
    case "Directive": {
      const args = same(m.args, (a) => substituteExpr(ctx, a, env));
      const arrow = m.arrow && substituteExpr(ctx, m.arrow, env);
      return args === m.args && arrow === m.arrow ? m : { ...m, args, ...(arrow ? { arrow } : {}) };
    }
    case "FieldDecl":
      return m;
  }
}

/** `items` mapped by `f`, or `items` itself when `f` changed none of them. */
function same<T>(items: readonly T[], f: (x: T) => T): readonly T[] {
  let out: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const x = f(items[i]!);
    if (out === undefined && x !== items[i]) out = items.slice(0, i);
    if (out !== undefined) out.push(x);
  }
  return out ?? items;
}

export function substituteExpr(ctx: Ctx, e: Expr, env: Bindings): Expr {
  switch (e.kind) {
    case "Ref": {
      const bound = env.get(e.path[0]!.text);
      if (!bound) return e;
      if (e.path.length === 1) return bound;
      // `db.host` where `db` stands for a service: the argument's name, then the rest of the path.
      if (bound.kind === "Ref") return { ...e, path: [...bound.path, ...e.path.slice(1)] };
      return e;
    }
    case "Call": {
      const args = same(e.args, (a) => substituteExpr(ctx, a, env));
      return args === e.args ? e : { ...e, args };
    }
    case "List": {
      const items = same(e.items, (a) => substituteExpr(ctx, a, env));
      return items === e.items ? e : { ...e, items };
    }
    case "Range": {
      const from = substituteExpr(ctx, e.from, env);
      const to = e.to && substituteExpr(ctx, e.to, env);
      return from === e.from && to === e.to ? e : { ...e, from, ...(to ? { to } : {}) };
    }
    case "If": {
      // Both branches, and the values a condition compares with (`if name == prefix`).
      const cond = e.cond && substituteCondition(ctx, e.cond, env);
      const then = e.then && substituteExpr(ctx, e.then, env);
      const otherwise = e.else && substituteExpr(ctx, e.else, env);
      return cond === e.cond && then === e.then && otherwise === e.else ? e : { ...e, ...(cond ? { cond } : {}), ...(then ? { then } : {}), ...(otherwise ? { else: otherwise } : {}) };
    }
    case "String":
      return e.parts.some((p) => typeof p !== "string" && p.kind === "Ref" && env.has(p.path[0]!.text)) ? { ...e, parts: e.parts.flatMap((p) => interpolate(ctx, p, env)) } : e;
    default:
      return e;
  }
}

function substituteCondition(ctx: Ctx, c: Condition, env: Bindings): Condition {
  if (c.kind === "Compare") {
    const value = c.value && substituteExpr(ctx, c.value, env);
    return value === c.value ? c : { ...c, value };
  }
  const left = substituteCondition(ctx, c.left, env);
  const right = c.right && substituteCondition(ctx, c.right, env);
  return left === c.left && right === c.right ? c : { ...c, left, ...(right ? { right } : {}) };
}

/** `${port}` inside a string: the argument's text as written (a string's own parts, a number's digits). */
function interpolate(ctx: Ctx, p: string | Expr, env: Bindings): (string | Expr)[] {
  if (typeof p === "string" || p.kind !== "Ref") return [p];
  const bound = env.get(p.path[0]!.text);
  if (!bound) return [p];
  // `${db.host}` where `db` stands for a service: that service's address, as `db.host` outside a string.
  if (p.path.length > 1) return bound.kind === "Ref" ? [{ ...p, path: [...bound.path, ...p.path.slice(1)] }] : [p];
  switch (bound.kind) {
    case "String":
      return [...bound.parts];
    case "Number":
    case "Quantity":
      return [bound.raw];
    case "Bool":
      return [String(bound.value)];
    case "Ref":
      return [bound.path.map((n) => n.text).join(".")];
    default:
      ctx.diagnostics.push(diag("KD3022", p.span, `parameter \`${p.path[0]!.text}\` holds ${bound.kind === "List" ? "a list" : "a value"} that cannot be written into a string`, { hints: ["interpolate strings, numbers, names and booleans only."] }));
      return [""];
  }
}

/** Whether `e` reads one of `names` (a parameter), anywhere inside. */
export function mentions(e: Expr, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  switch (e.kind) {
    case "Ref":
      return names.has(e.path[0]!.text);
    case "String":
      return e.parts.some((p) => typeof p !== "string" && mentions(p, names));
    case "Call":
      return e.args.some((a) => mentions(a, names));
    case "List":
      return e.items.some((a) => mentions(a, names));
    case "Range":
      return mentions(e.from, names) || (e.to !== undefined && mentions(e.to, names));
    case "If":
      return (e.cond !== undefined && conditionMentions(e.cond, names)) || (e.then !== undefined && mentions(e.then, names)) || (e.else !== undefined && mentions(e.else, names));
    default:
      return false;
  }
}

function conditionMentions(c: Condition, names: ReadonlySet<string>): boolean {
  if (c.kind === "Compare") return c.value !== undefined && mentions(c.value, names);
  return conditionMentions(c.left, names) || (c.right !== undefined && conditionMentions(c.right, names));
}

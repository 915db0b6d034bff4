// Text built from parts: the pure string builtins (`lower`, `upper`, `join`) and strings that
// interpolate service addresses (`"jdbc:postgresql://${db.address}/shop"`). A service address
// differs per target (cluster DNS in Kubernetes, the local proxy in the runtime), so such text
// stays a list of parts (an `interp` value) until a backend resolves it; every other text is
// known while checking and becomes a plain string.
import type { Call, Expr, Ref, StringLit } from "../syntax/ast.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { InterpolationPart } from "../ir/model.ts";
import type { Ctx } from "./scope.ts";
import type { Value } from "./values.ts";
import { didYouMean } from "./suggest.ts";
import { refText } from "./names.ts";

/** The pure builtins over text, with their usage line for messages. */
export const TEXT_BUILTINS: Readonly<Record<string, string>> = {
  lower: 'lower("Text") gives "text"',
  upper: 'upper("text") gives "TEXT"',
  join: 'join(["a", "b"], ",") gives "a,b"',
};

const SERVICE_FORMS = ["url", "host", "port", "address"] as const;

/**
 * Text as parts. `addresses` says whether service addresses may appear (environment values only:
 * elsewhere the text must be known while checking). Undefined after reporting a problem.
 */
export function textParts(ctx: Ctx, e: Expr, addresses: boolean): InterpolationPart[] | undefined {
  if (e.kind === "String") return stringParts(ctx, e, addresses);
  if (e.kind === "Call" && e.callee.text in TEXT_BUILTINS) return callParts(ctx, e, addresses);
  if (e.kind === "Number") return [e.raw];
  if (e.kind === "Ref" && e.path.length === 2) {
    const part = addressPart(ctx, e, addresses);
    return part ? [part] : undefined;
  }
  const what = e.kind === "Call" ? `a call to \`${e.callee.text}(...)\`` : e.kind === "Quantity" ? `\`${e.raw}\`` : e.kind === "Ref" ? `the name \`${refText(e.path.map((n) => n.text))}\`` : e.kind === "List" ? "a list" : e.kind === "Bool" ? "a boolean" : "an expression";
  ctx.diagnostics.push(diag("KD3061", e.span, `expected text here, found ${what}`, { hints: ["text builtins take strings (with `${...}` in them), numbers, or other text builtins."] }));
  return undefined;
}

/** The value of text parts: a plain string when it holds no service address. */
export function textValue(parts: readonly InterpolationPart[], span: Value["span"]): Value {
  return parts.every((p) => typeof p === "string") ? { v: "string", s: parts.join(""), span } : { v: "interp", parts: merged(parts), span };
}

function merged(parts: readonly InterpolationPart[]): InterpolationPart[] {
  const out: InterpolationPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === "string" && typeof last === "string") out[out.length - 1] = last + p;
    else if (p !== "") out.push(p);
  }
  return out;
}

function stringParts(ctx: Ctx, s: StringLit, addresses: boolean): InterpolationPart[] | undefined {
  const out: InterpolationPart[] = [];
  let ok = true;
  for (const p of s.parts) {
    if (typeof p === "string") out.push(p);
    else if (p.kind === "Ref" && p.path.length === 1 && p.path[0]!.text === "name") out.push(ctx.selfName);
    else if (p.kind === "Ref" && p.path.length === 1 && p.path[0]!.text === "app") out.push(ctx.scope.appName);
    else if (p.kind === "Ref") {
      const part = addressPart(ctx, p, addresses);
      if (part) out.push(part);
      else ok = false;
    }
  }
  return ok ? out : undefined;
}

/** `${db.address}` inside a string: a service and one of its address forms. */
export function addressPart(ctx: Ctx, p: Ref, addresses: boolean): InterpolationPart | undefined {
  const text = refText(p.path.map((n) => n.text));
  const sym = ctx.scope.decls.get(p.path[0]!.text);
  if (!sym || p.path.length !== 2) {
    ctx.diagnostics.push(diag("KD2001", p.span, `unknown name \`${text}\` in a string`, { hints: [...(sym ? [] : didYouMean(p.path[0]!.text, ["name", "app", ...ctx.scope.decls.keys()])), "strings can interpolate `${name}`, `${app}` and, in environment values, service addresses such as `${db.address}`."] }));
    return undefined;
  }
  if (sym.kind === "secret" || sym.kind === "config") {
    ctx.diagnostics.push(
      diag("KD3062", p.span, `\`${text}\` is a ${sym.kind} key; it cannot be part of a string`, {
        label: sym.kind === "secret" ? "its value would be written into the manifest" : "only service addresses can be interpolated",
        hints: [`give it its own variable (\`${p.path[1]!.text.toUpperCase().replace(/[^A-Z0-9]/g, "_")} = ${text}\`) and let the program combine them.`],
      }),
    );
    return undefined;
  }
  const form = SERVICE_FORMS.find((f) => f === p.path[1]!.text);
  if (sym.kind !== "service" || !form) {
    const msg = sym.kind !== "service" ? `\`${p.path[0]!.text}\` is a ${sym.kind}; only a service has an address` : `a service has no \`.${p.path[1]!.text}\`; use \`.url\`, \`.host\`, \`.port\` or \`.address\``;
    ctx.diagnostics.push(diag(sym.kind !== "service" ? "KD3015" : "KD2012", p.span, msg, { hints: sym.kind === "service" ? didYouMean(p.path[1]!.text, SERVICE_FORMS) : [] }));
    return undefined;
  }
  if (!addresses) {
    ctx.diagnostics.push(diag("KD3062", p.span, `\`${text}\` can be interpolated only into an environment value`, { label: "the address differs between Kubernetes and the local runtime", hints: ["set it in `env { ... }`, where each target fills in its own address."] }));
    return undefined;
  }
  return { service: sym.name, form };
}

function callParts(ctx: Ctx, call: Call, addresses: boolean): InterpolationPart[] | undefined {
  const name = call.callee.text;
  const usage = TEXT_BUILTINS[name]!;
  const wrong = (): undefined => {
    ctx.diagnostics.push(diag("KD3061", call.span, `wrong arguments to \`${name}\``, { hints: [`\`${usage}\`.`] }));
    return undefined;
  };
  if (name === "join") {
    const [list, sep] = call.args;
    if (call.args.length !== 2 || list?.kind !== "List" || !sep) return wrong();
    const separator = textParts(ctx, sep, false);
    const items = list.items.map((i) => textParts(ctx, i, addresses));
    if (!separator || items.some((i) => !i)) return undefined;
    return items.flatMap((item, i) => (i === 0 ? item! : [...separator, ...item!]));
  }
  if (call.args.length !== 1) return wrong();
  const inner = textParts(ctx, call.args[0]!, addresses);
  if (!inner) return undefined;
  if (inner.some((p) => typeof p !== "string")) {
    ctx.diagnostics.push(diag("KD3061", call.args[0]!.span, `\`${name}\` needs text known at build time, not a service address`, { hints: ["service addresses are already lower case."] }));
    return undefined;
  }
  const text = inner.join("");
  return [name === "lower" ? text.toLowerCase() : text.toUpperCase()];
}

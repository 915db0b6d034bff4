// A declaration's template chain (`service api from web`, web itself `from base`, ...): found,
// checked for cycles and kinds, and instantiated with the arguments of each `from`.
import type { Block, Name, TemplateDecl } from "../syntax/ast.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { Ctx, DeclSymbol } from "./scope.ts";
import { didYouMean } from "./suggest.ts";
import { instantiateChain } from "./template-args.ts";
import { watchName } from "./template-memo.ts";

export interface Instantiated {
  readonly chain: readonly TemplateDecl[];
  readonly instances: readonly (Block | undefined)[];
}
const NO_TEMPLATES: Instantiated = { chain: [], instances: [] };

/**
 * A declaration's template chain with its parameters substituted. Without arguments at the use
 * site, that is the same for every declaration of the kind that names the same template: made
 * once, when making it reported nothing and did not depend on the declaration's name (a default
 * such as `"${name}-cache"` checked as a Name does), and then shared, so that the template bodies
 * are the same nodes for every user and TemplateMemo can recognise their members.
 */
export function instantiated(ctx: Ctx, sym: DeclSymbol, cache: Map<string, Map<string, Instantiated>>): Instantiated {
  const from = sym.decl.from;
  if (!from && !sym.decl.args) return NO_TEMPLATES;
  if (!from || sym.decl.args) {
    const chain = templateChain(ctx, from, sym.kind);
    return { chain, instances: instantiateChain(ctx, sym.decl, chain) };
  }
  let byTemplate = cache.get(sym.kind);
  if (byTemplate === undefined) cache.set(sym.kind, (byTemplate = new Map()));
  const hit = byTemplate.get(from.text);
  if (hit) return hit;
  const watched = watchName(ctx);
  const chain = templateChain(watched.ctx, from, sym.kind);
  const made: Instantiated = { chain, instances: instantiateChain(watched.ctx, sym.decl, chain) };
  for (const d of watched.ctx.diagnostics) ctx.diagnostics.push(d);
  if (watched.ctx.diagnostics.length === 0 && !watched.readName()) byTemplate.set(from.text, made);
  return made;
}

/**
 * The `from` links of a template no declaration uses (unused-templates.ts), as a declaration made
 * `from` it would follow them: an unknown base (KD2006), a cycle (KD2011), a base for another kind
 * (KD2015). `walked` holds the templates whose links were followed already (by a declaration, or
 * from an earlier template): the walk stops there, so that a cycle or a bad link is reported once.
 */
export function checkTemplateLinks(ctx: Ctx, t: TemplateDecl & { readonly name: Name }, kind: string, walked: Set<TemplateDecl>): void {
  templateChain(ctx, t.name, kind, walked);
}

/** The templates a declaration inherits from, outermost first; cycles and wrong kinds reported. */
function templateChain(ctx: Ctx, from: Name | undefined, kind: string, walked?: Set<TemplateDecl>): TemplateDecl[] {
  const chain: TemplateDecl[] = [];
  const seen: string[] = [];
  let next = from;
  while (next) {
    const t = ctx.scope.templates.get(next.text);
    if (!t) {
      ctx.diagnostics.push(diag("KD2006", next.span, `unknown template \`${next.text}\``, { hints: [...didYouMean(next.text, ctx.scope.templates.keys()), ...(next.text === "web" ? ["add `use std/web` to bring the stdlib's `web` template in."] : [])] }));
      break;
    }
    if (seen.includes(next.text)) {
      ctx.diagnostics.push(diag("KD2011", next.span, `template \`${next.text}\` extends itself: ${[...seen, next.text].join(" → ")}`));
      break;
    }
    seen.push(next.text);
    const forKind = t.for?.text ?? "service";
    if (forKind !== kind) {
      ctx.diagnostics.push(diag("KD2015", next.span, `template \`${next.text}\` is for a ${forKind}, not a ${kind}`, { related: [{ span: t.name!.span, message: "template declared here" }] }));
      break;
    }
    if (walked) {
      if (walked.has(t)) break;
      walked.add(t);
    }
    chain.unshift(t);
    next = t.from;
  }
  return chain;
}

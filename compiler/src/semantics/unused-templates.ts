// Templates no declaration uses. A template is checked through its users (analyse.ts: its body with
// each user's arguments, memoised per member), so one nobody uses would never be checked at all,
// and its mistakes would wait for its first user. Each is checked here once, against its kind:
// its `from` links (unknown base, cycle, base for another kind), its parameters and the arguments
// it gives its base, and its body. Only unused ones: a used template is checked by its users, so
// nothing is reported twice and the path of used templates costs nothing more.
//
// Without a user there are no arguments: a parameter stands for its default; one without a default
// (or with a bad one, reported) has no value, so members that read it are left out (they are
// checked by the first user). `${name}` stands for the template's name.
import type { Block, Member, Name, TemplateDecl } from "../syntax/ast.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { Ctx, Scope } from "./scope.ts";
import { checkBlock } from "./check-block.ts";
import { didYouMean } from "./suggest.ts";
import { checkTemplateLinks } from "./template-chain.ts";
import { bindOpen, mentions, substituteBlock } from "./template-args.ts";

/** Kinds written with their own keyword rather than `<kind> <name> { }`: no template is for them. */
const RESERVED = new Set(["app"]);

/**
 * Checks every template of `scope` that is not in `used` (the templates whose bodies declarations
 * were checked with) and not from `skip` (the stdlib, which its own tests check). `linked` holds
 * the templates whose `from` links the declarations' chains followed: they are not followed again.
 */
export function checkUnusedTemplates(scope: Scope, used: ReadonlySet<TemplateDecl>, linked: ReadonlySet<TemplateDecl>, skip: (t: TemplateDecl) => boolean, diagnostics: Diagnostic[]): void {
  if (used.size === scope.templates.size) return;
  const walked = new Set(linked);
  // Values computed here are thrown away: an `if` on profiles in them must not make evaluation walk
  // every value of the app (scope.conditions).
  const pending = scope.conditions.pending;
  for (const t of scope.templates.values()) {
    if (used.has(t) || !t.name || skip(t)) continue;
    checkAlone(scope, t as TemplateDecl & { readonly name: Name }, walked, diagnostics);
  }
  scope.conditions.pending = pending;
}

function checkAlone(scope: Scope, t: TemplateDecl & { readonly name: Name }, walked: Set<TemplateDecl>, diagnostics: Diagnostic[]): void {
  const kind = t.for?.text ?? "service";
  const schema = RESERVED.has(kind) ? undefined : scope.kinds.get(kind);
  if (!schema) {
    const at = t.for ?? t.name;
    const kinds = [...scope.kinds.keys()].filter((k) => !RESERVED.has(k));
    diagnostics.push(diag("KD2005", at.span, `unknown kind \`${kind}\``, { label: "no kind of this name to be a template for", hints: didYouMean(kind, kinds) }));
    return;
  }
  const ctx: Ctx = { scope, selfName: t.name.text, selfKind: kind, diagnostics };
  checkTemplateLinks(ctx, t, kind, walked);

  const open = new Set<string>();
  const bindings = bindOpen(ctx, t, undefined, t.name, new Map(), { outer: new Set(), own: open });
  if (!bindings) return;
  // The arguments it gives its base, as every user would have them checked.
  const base = t.from && t.from.text !== t.name.text ? scope.templates.get(t.from.text) : undefined;
  if (base && (base.for?.text ?? "service") === kind && (t.args || base.params)) {
    bindOpen(ctx, base, t.args, t.from!, bindings, { outer: open });
  }
  if (!t.body) return;
  const before = diagnostics.length;
  const body = bindings.size > 0 ? substituteBlock(ctx, t.body, bindings) : t.body;
  if (diagnostics.length > before) return;
  checkBlock(ctx, open.size > 0 ? withoutOpen(body, open) : body, schema.fields, `a ${kind}`);
}

/** The block without the members that read a parameter that has no value. */
function withoutOpen(b: Block, open: ReadonlySet<string>): Block {
  const members: Member[] = [];
  for (const m of b.members) {
    const kept = memberWithoutOpen(m, open);
    if (kept) members.push(kept);
  }
  return { ...b, members };
}

function memberWithoutOpen(m: Member, open: ReadonlySet<string>): Member | undefined {
  switch (m.kind) {
    case "Assign":
      return m.value && mentions(m.value, open) ? undefined : m;
    case "Directive":
      return m.args.some((a) => mentions(a, open)) || (m.arrow && mentions(m.arrow, open)) ? undefined : m;
    case "Nested":
      return { ...m, body: withoutOpen(m.body, open) };
    case "FieldDecl":
      return m;
  }
}

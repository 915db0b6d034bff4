// Names and types over a loaded program: the app's symbols, each declaration checked against its
// kind (with its template chain applied), every profile checked as an overlay. The result holds
// typed values; evaluation (profiles chosen, defaults) and lowering come after.
import type { Block, Name, ProfileDecl, SourceFile, TemplateDecl } from "../syntax/ast.ts";
import { fileStart, spanCovering, type Span } from "../syntax/span.ts";
import { withoutRepeats, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { STDLIB_PREFIX, type Program } from "../program.ts";
import type { FieldSchema, KindSchema } from "./types.ts";
import { loadKinds } from "./schema.ts";
import type { Ctx, DeclSymbol, Scope } from "./scope.ts";
import { checkBlock, checkMembers } from "./check-block.ts";
import { block, merge, type BlockValue } from "./values.ts";
import { checkDnsLabel } from "./names.ts";
import { didYouMean } from "./suggest.ts";
import { TemplateMemo } from "./template-memo.ts";
import { instantiated, type Instantiated } from "./template-chain.ts";
import { missingInside } from "./merged-required.ts";
import { checkUnusedTemplates } from "./unused-templates.ts";
import { KEYWORDS } from "../syntax/tokens.ts";

const KEYWORD_TEXTS: ReadonlySet<string> = new Set(KEYWORDS.map((k) => (k.PATTERN instanceof RegExp ? k.PATTERN.source : k.PATTERN)));

/** What `app.namespace = ...` in a profile targets (the overlay's key). */
export const APP_TARGET = "app";

export interface CheckedDecl {
  readonly symbol: DeclSymbol;
  readonly schema: KindSchema;
  /** Template chain and body merged; profiles not yet applied. */
  readonly value: BlockValue;
}

export interface Analysis {
  readonly scope: Scope;
  readonly app?: { readonly name: Name; readonly value: BlockValue };
  readonly decls: readonly CheckedDecl[];
  /** Per profile, per target declaration: the overlay to merge. */
  readonly profiles: ReadonlyMap<string, ReadonlyMap<string, BlockValue>>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Kinds written with their own keyword rather than `<kind> <name> { }`. */
const RESERVED = new Set(["app"]);

export function analyse(program: Program): Analysis {
  const diagnostics: Diagnostic[] = [];
  const { kinds, diagnostics: kindErrors } = loadKinds(program.prelude);
  diagnostics.push(...kindErrors);

  // Stdlib modules first: a project declaration that clashes with one is reported where the user
  // can change it, not inside the stdlib.
  const fromStdlib = (f: { readonly file: string }) => f.file.startsWith(STDLIB_PREFIX);
  const sources: SourceFile[] = [...program.modules.filter(fromStdlib), ...program.files, ...program.modules.filter((m) => !fromStdlib(m))];
  const decls = new Map<string, DeclSymbol>();
  const templates = new Map<string, TemplateDecl>();
  const profiles = new Map<string, ProfileDecl>();
  const keys = new Map<string, Block>();
  let app: { name: Name; value: BlockValue } | undefined;
  const appDecls = program.files.flatMap((f) => f.items.filter((i) => i.kind === "App"));

  // Each table is a namespace of its own; what it holds says where and what the first one was.
  // False when the name was taken (reported).
  const declare = <T>(table: Map<string, T>, name: Name | undefined, item: T, what: string, first: (t: T) => { span: Span; what: string }): boolean => {
    if (!name) return false;
    const problem = checkDnsLabel(name.text);
    if (problem) diagnostics.push(diag("KD3004", name.span, `${what} name \`${name.text}\` is not a DNS label: ${problem}`));
    // A keyword parses as a name where a declaration is named, but not where one is referenced
    // (`uses [if]`, `app.url`): a declaration of that name could never be used.
    else if (what !== "profile" && KEYWORD_TEXTS.has(name.text)) diagnostics.push(diag("KD3004", name.span, `\`${name.text}\` is a keyword of kdsl, so ${what} \`${name.text}\` could never be referenced`, { hints: [`choose another name, e.g. \`${name.text}-svc\`.`] }));
    const clash = table.get(name.text);
    if (clash !== undefined) {
      const earlier = first(clash);
      const message = earlier.what === what ? `${what} \`${name.text}\` is declared twice` : `${what} \`${name.text}\` has the name of ${earlier.what} \`${name.text}\``;
      diagnostics.push(diag("KD2002", name.span, message, { label: "declared again here", related: [{ span: earlier.span, message: "first declared here" }] }));
      return false;
    }
    table.set(name.text, item);
    return true;
  };

  for (const src of sources) {
    for (const item of src.items) {
      if (item.kind === "Template") declare(templates, item.name, item, "template", firstTemplate);
      else if (item.kind === "Profile") declare(profiles, item.name, item, "profile", firstProfile);
      else if (item.kind === "Decl") {
        const k = item.keyword.text;
        if (!kinds.has(k) || RESERVED.has(k)) {
          diagnostics.push(diag("KD2005", item.keyword.span, `unknown kind \`${k}\``, { label: "not a kind kdsl knows", hints: didYouMean(k, [...kinds.keys(), "template", "profile", "use"].filter((x) => !RESERVED.has(x))) }));
          continue;
        }
        if (!item.name) continue;
        const again = !declare(decls, item.name, { name: item.name.text, kind: k, decl: item }, k, firstDecl);
        // The last secret or config of a name lists its keys: recorded only when that is not the first.
        if ((k === "secret" || k === "config") && item.body && again) keys.set(item.name.text, item.body);
      } else if (item.kind === "Kind") {
        // `sources` never holds the prelude: every `kind` seen here is misplaced.
        diagnostics.push(diag("KD3014", item.span, "`kind` declarations belong in the prelude only"));
      }
    }
  }

  const appName = appDecls[0]?.kind === "App" ? appDecls[0].name?.text ?? "app" : "app";
  const scope: Scope = { kinds, decls, templates, profiles, keys, appName, conditions: { pending: false } };

  // A file with syntax errors may have lost its `app` to error recovery (or be empty, or unreadable):
  // those errors are the root cause, so "no `app`" waits until they are fixed.
  const projectFiles = new Set(program.files.map((f) => f.file));
  const syntaxBroken = program.diagnostics.some((d) => d.severity === "error" && d.code.startsWith("KD1") && projectFiles.has(d.span.file));
  // The app is the project's: an `app` in a module is reported where it is written (and stands for
  // the missing one, which is the same root cause), never taken for the project's or dropped silently.
  const moduleApps = program.modules.flatMap((m) => m.items.filter((i) => i.kind === "App"));
  for (const m of moduleApps) {
    const first = appDecls[0];
    const entry = program.files[0]?.file ?? "the project's main file";
    // `app other`, not its whole body.
    const at = m.kind === "App" && m.name ? spanCovering(m.span, m.name.span) : m.span;
    diagnostics.push(
      diag("KD2010", at, "a module cannot declare `app`: the app is declared in the project's own files", {
        label: first ? "remove this `app`" : "move this `app` into the project",
        hints: [first ? "the project declares its app already; a module brings templates and declarations only." : `move it to ${entry}: a module (a file brought in with \`use\`) brings templates and declarations only.`],
        related: first ? [{ span: first.span, message: "the app is declared here" }] : [],
      }),
    );
  }
  if (appDecls.length === 0 && !syntaxBroken && moduleApps.length === 0) {
    const first = program.files[0];
    diagnostics.push(diag("KD2010", fileStart(first?.file ?? "."), "no `app` declaration", { hints: ["start the file with `app <name>`: it names the namespace and the `part-of` label."] }));
  }
  for (const extra of appDecls.slice(1)) {
    diagnostics.push(diag("KD2010", extra.span, "`app` is declared more than once", { related: [{ span: appDecls[0]!.span, message: "first declared here" }] }));
  }
  const first = appDecls[0];
  if (first?.kind === "App" && first.name) {
    const problem = checkDnsLabel(first.name.text);
    if (problem) diagnostics.push(diag("KD3004", first.name.span, `app name \`${first.name.text}\` is not a DNS label: ${problem}`));
    const ctx: Ctx = { scope, selfName: first.name.text, diagnostics };
    const value = first.body ? checkBlock(ctx, first.body, kinds.get("app")?.fields ?? new Map(), "`app`") : block(new Map(), first.span);
    app = { name: first.name, value };
  }

  const checked: CheckedDecl[] = [];
  const memo = new TemplateMemo();
  const chains = new Map<string, Map<string, Instantiated>>();
  const wheres = new Map<string, string>();
  // The templates some declaration was checked with (the others are checked on their own below),
  // and those whose `from` links some declaration's chain followed.
  const used = new Set<TemplateDecl>();
  const linked = new Set<TemplateDecl>();
  let lastChain: readonly TemplateDecl[] = [];
  for (const sym of decls.values()) {
    const schema = kinds.get(sym.kind)!;
    const ctx: Ctx = { scope, selfName: sym.name, diagnostics };
    // One string per kind: the template memo compares it for every member it replays.
    let where = wheres.get(sym.kind);
    if (where === undefined) wheres.set(sym.kind, (where = `a ${sym.kind}`));
    let value = EMPTY;
    const { chain, instances } = instantiated(ctx, sym, chains);
    // Declarations from the same template share one chain (template-chain.ts): recorded once.
    if (chain !== lastChain) {
      lastChain = chain;
      for (let i = 0; i < chain.length; i++) {
        linked.add(chain[i]!);
        if (instances[i] || !chain[i]!.body) used.add(chain[i]!);
      }
    }
    for (let i = 0; i < chain.length; i++) {
      const body = instances[i];
      if (body) value = merge(value, memo.checkBody(ctx, body, schema.fields, where));
    }
    if (sym.decl.body) value = merge(value, checkBlock(ctx, sym.decl.body, schema.fields, where));
    value = block(value.fields, sym.decl.span);
    for (const name of requirements(schema.fields)) {
      const field = schema.fields.get(name)!;
      if (field.type.t === "record") {
        const inner = value.fields.get(name);
        if (inner?.v === "block") requiredInside(diagnostics, name, field.type.fields, inner, bodiesOf(chain, sym.decl.body));
        continue;
      }
      // A field written with a bad value has been reported already; only unwritten ones are missing.
      if (value.fields.has(name) || writes(bodiesOf(chain, sym.decl.body), name)) continue;
      diagnostics.push(diag("KD3009", sym.decl.name!.span, `${sym.kind} \`${sym.name}\` has no \`${name}\``, { label: `\`${name}\` is required`, hints: field.doc ? [field.doc.split("\n")[0]!] : [] }));
    }
    checked.push({ symbol: sym, schema, value });
  }

  checkUnusedTemplates(scope, used, linked, (t) => fromStdlib(t.span), diagnostics);

  const overlays = new Map<string, Map<string, BlockValue>>();
  for (const p of profiles.values()) overlays.set(p.name!.text, checkProfile(scope, p, diagnostics));

  return { scope, app, decls: checked, profiles: overlays, diagnostics: withoutRepeats(diagnostics) };
}

const firstDecl = (d: DeclSymbol) => ({ span: d.decl.name!.span, what: d.kind });
const firstTemplate = (t: TemplateDecl) => ({ span: t.name!.span, what: "template" });
const firstProfile = (p: ProfileDecl) => ({ span: p.name!.span, what: "profile" });

/** Nothing set yet: merged under a declaration's first template (or its body), it adds nothing. */
const EMPTY: BlockValue = block(new Map(), { file: ".", start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 });

/** The bodies a declaration's fields may be written in: its templates', outermost first, then its own. */
function bodiesOf(chain: readonly TemplateDecl[], own: Block | undefined): Block[] {
  const bodies: Block[] = [];
  for (const t of chain) if (t.body) bodies.push(t.body);
  if (own) bodies.push(own);
  return bodies;
}

function writes(bodies: readonly Block[], name: string): boolean {
  return bodies.some((b) => b.members.some((m) => (m.kind === "FieldDecl" ? m.name.text : m.path[0]?.text ?? "") === name));
}

/**
 * The fields of a kind that can be missing: required ones, and records with a required field
 * inside, in schema order. Computed once per kind rather than walking all ~40 fields per declaration.
 */
function requirements(fields: ReadonlyMap<string, FieldSchema>): readonly string[] {
  let names = REQUIREMENTS.get(fields);
  if (names === undefined) {
    names = [];
    for (const [name, field] of fields) {
      if (name === "_") continue;
      if (field.type.t === "record" ? [...field.type.fields].some(([n, f]) => !f.optional && n !== "_") : !field.optional) names.push(name);
    }
    REQUIREMENTS.set(fields, names);
  }
  return names;
}
const REQUIREMENTS = new WeakMap<ReadonlyMap<string, FieldSchema>, string[]>();

/**
 * The required fields of a block that is present (`canary { image; weight }`), reported at the
 * block. Only nested members written with a dotted path or inside the block count as written.
 */
function requiredInside(diagnostics: Diagnostic[], key: string, fields: ReadonlyMap<string, FieldSchema>, value: BlockValue, bodies: readonly Block[]): void {
  const written = new Set<string>();
  for (const b of bodies) {
    for (const m of b.members) {
      if (m.kind === "FieldDecl" || m.path[0]?.text !== key) continue;
      if (m.path.length > 1) written.add(m.path[1]!.text);
      else if (m.kind === "Nested") for (const n of m.body.members) written.add(n.kind === "FieldDecl" ? n.name.text : n.path[0]?.text ?? "");
    }
  }
  for (const [name, field] of fields) {
    if (!field.optional && name !== "_" && !value.fields.has(name) && !written.has(name)) {
      diagnostics.push(missingInside(key, name, field, value.span));
    }
  }
}

function checkProfile(scope: Scope, p: ProfileDecl, diagnostics: Diagnostic[]): Map<string, BlockValue> {
  const byTarget = new Map<string, { member: import("../syntax/ast.ts").Member; path: readonly Name[] }[]>();
  for (const m of p.body?.members ?? []) {
    const path = m.kind === "FieldDecl" ? [m.name] : m.path;
    const target = path[0];
    if (!target) continue;
    // `unset api.canary` in a profile: one removal per target, checked like the target's own.
    if (m.kind === "Directive" && path.length === 1 && target.text === "unset") {
      for (const arg of m.args) {
        if (arg.kind !== "Ref" || arg.path.length < 2) {
          diagnostics.push(diag("KD3014", arg.span, "in a profile, `unset` names the target first: `unset api.canary`"));
          continue;
        }
        const one: import("../syntax/ast.ts").Member = { ...m, args: [{ ...arg, path: arg.path.slice(1) }] };
        if (!scope.decls.has(arg.path[0]!.text) && arg.path[0]!.text !== APP_TARGET) {
          diagnostics.push(unknownTarget(scope, arg.path[0]!));
          continue;
        }
        byTarget.set(arg.path[0]!.text, [...(byTarget.get(arg.path[0]!.text) ?? []), { member: one, path }]);
      }
      continue;
    }
    if (path.length < 2) {
      diagnostics.push(diag("KD3014", m.span, "a profile setting names what it changes: `service-name.field = value`", { hints: [`e.g. \`${[...scope.decls.keys()][0] ?? "api"}.replicas = 3\`.`] }));
      continue;
    }
    // `app.namespace = "..."`: the app itself, unless something in the app is called `app`.
    if (!scope.decls.has(target.text) && target.text !== APP_TARGET) {
      diagnostics.push(unknownTarget(scope, target));
      continue;
    }
    const list = byTarget.get(target.text) ?? [];
    list.push({ member: m, path: path.slice(1) });
    byTarget.set(target.text, list);
  }
  const out = new Map<string, BlockValue>();
  for (const [target, members] of byTarget) {
    const kind = scope.decls.get(target)?.kind ?? "app";
    const ctx: Ctx = { scope, selfName: target, diagnostics };
    out.set(target, checkMembers(ctx, members.map((x) => x.member), members.map((x) => x.path), scope.kinds.get(kind)?.fields ?? new Map(), kind === "app" ? "`app`" : `a ${kind}`, p.span));
  }
  return out;
}

/** KD2001 for what a profile setting names, when it is no declaration (a template is not one). */
function unknownTarget(scope: Scope, name: Name): Diagnostic {
  if (scope.templates.has(name.text)) {
    return diag("KD2001", name.span, `\`${name.text}\` is a template, and a profile changes declarations`, { label: "a template", hints: [`change the declarations made \`from ${name.text}\` (\`<service>.field = ...\`), or the template itself.`] });
  }
  return diag("KD2001", name.span, `unknown name \`${name.text}\``, { label: "nothing in this app has this name", hints: didYouMean(name.text, scope.decls.keys()) });
}



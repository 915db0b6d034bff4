// Credentials in source: the formats secret-in-source recognises, and every string literal a
// project's own files write (declarations, templates, profiles, both branches of an `if`,
// `k8s` patches, template arguments), each once with the path of keys it is written under.
import type { Span } from "../syntax/span.ts";
import type { Block, Expr, Item, SourceFile, StringLit } from "../syntax/ast.ts";
import { STDLIB_PREFIX, type Program } from "../program.ts";

/** Formats of well-known credentials; compiled once. */
const PATTERNS: readonly { what: string; re: RegExp }[] = [
  { what: "a private key", re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { what: "an AWS access key", re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: "a GitHub token", re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})/ },
  { what: "a Slack token", re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { what: "a Stripe secret key", re: /\b[sr]k_live_[0-9a-zA-Z]{16,}/ },
  { what: "a Google API key", re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { what: "a JSON web token", re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  // `scheme://user:password@`, the user possibly empty (`redis://:password@cache`). `$` ends a
  // part: `$(DB_PASSWORD)` and `${...}` are filled in elsewhere, not written here.
  { what: "a password in a URL", re: /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@$]*:[^/\s@$]+@/i },
];

/** What kind of credential `text` holds, if it holds one (`a GitHub token`). */
export function credentialIn(text: string): string | undefined {
  for (const p of PATTERNS) if (p.re.test(text)) return p.what;
  return undefined;
}

/** The text a string literal writes itself; each `${...}` is a space (it is not written here). */
export function literalText(s: StringLit): string {
  return s.parts.map((p) => (typeof p === "string" ? p : " ")).join("");
}

/** One string literal of a project file, with where it is written. */
export interface WrittenString {
  readonly lit: StringLit;
  /** The item it is in: a declaration (`service`, `config`, ...), `template`, `profile` or `app`. */
  readonly item: { readonly kind: string; readonly name: string };
  /** The keys it is written under (`env`, `DB_URL`; `a`, `env`, `URL` in a profile; `k8s`, `spec`, ...). */
  readonly path: readonly string[];
}

/** Every string literal written in the project's own files (not the stdlib, not the prelude), once each. */
export function projectStrings(program: Program): WrittenString[] {
  const out: WrittenString[] = [];
  for (const f of [...program.files, ...program.modules] as SourceFile[]) {
    if (f.file.startsWith(STDLIB_PREFIX)) continue;
    for (const item of f.items) itemStrings(item, out);
  }
  return out;
}

function itemStrings(item: Item, out: WrittenString[]): void {
  const owner = (kind: string, name: string | undefined) => ({ kind, name: name ?? "" });
  switch (item.kind) {
    case "Decl": {
      const o = owner(item.keyword.text, item.name?.text);
      for (const a of item.args ?? []) if (a.value) exprStrings(a.value, o, [a.name.text], out);
      if (item.body) blockStrings(item.body, o, [], out);
      return;
    }
    case "Template": {
      const o = owner("template", item.name?.text);
      for (const p of item.params ?? []) if (p.default) exprStrings(p.default, o, [p.name.text], out);
      for (const a of item.args ?? []) if (a.value) exprStrings(a.value, o, [a.name.text], out);
      if (item.body) blockStrings(item.body, o, [], out);
      return;
    }
    case "Profile":
      if (item.body) blockStrings(item.body, owner("profile", item.name?.text), [], out);
      return;
    case "App":
      if (item.body) blockStrings(item.body, owner("app", item.name?.text), [], out);
      return;
    default:
      return; // `use` and `kind` write no values
  }
}

function blockStrings(block: Block, item: WrittenString["item"], path: readonly string[], out: WrittenString[]): void {
  for (const m of block.members) {
    switch (m.kind) {
      case "Assign":
        if (m.value) exprStrings(m.value, item, [...path, ...m.path.map((n) => n.text)], out);
        break;
      case "Nested":
        blockStrings(m.body, item, [...path, ...m.path.map((n) => n.text)], out);
        break;
      case "Directive": {
        const at = [...path, ...m.path.map((n) => n.text)];
        for (const a of m.args) exprStrings(a, item, at, out);
        if (m.arrow) exprStrings(m.arrow, item, at, out);
        break;
      }
      case "FieldDecl":
        if (m.default) exprStrings(m.default, item, [...path, m.name.text], out);
        break;
    }
  }
}

function exprStrings(e: Expr, item: WrittenString["item"], path: readonly string[], out: WrittenString[]): void {
  switch (e.kind) {
    case "String":
      out.push({ lit: e, item, path });
      for (const p of e.parts) if (typeof p !== "string") exprStrings(p, item, path, out);
      return;
    case "List":
      for (const x of e.items) exprStrings(x, item, path, out);
      return;
    case "Call":
      for (const x of e.args) exprStrings(x, item, path, out);
      return;
    case "Range":
      exprStrings(e.from, item, path, out);
      if (e.to) exprStrings(e.to, item, path, out);
      return;
    case "If":
      // Both branches: a value for a profile that is not applied is still in git.
      if (e.then) exprStrings(e.then, item, path, out);
      if (e.else) exprStrings(e.else, item, path, out);
      return;
    default:
      return;
  }
}

/** The literals of the project that hold a credential, with its kind. */
export function credentialsInSource(program: Program): { s: WrittenString; what: string; span: Span }[] {
  const out: { s: WrittenString; what: string; span: Span }[] = [];
  for (const s of projectStrings(program)) {
    const what = credentialIn(literalText(s.lit));
    if (what) out.push({ s, what, span: s.lit.span });
  }
  return out;
}

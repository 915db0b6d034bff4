// Required fields inside blocks, over the merged value: a block a profile brings in (or changes
// after another profile's `unset`) must still have every required field, like one written in the
// declaration. analyse.ts checks the declaration's own value (templates and body); this checks
// what the applied profiles change of it, reporting at the block the profile wrote, which is the
// one the user should fix. What the declaration already lacks is analyse.ts's, reported once.
import type { Member, Name } from "../syntax/ast.ts";
import type { Span } from "../syntax/span.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { FieldSchema } from "./types.ts";
import type { BlockValue } from "./values.ts";
import type { DeclSymbol, Scope } from "./scope.ts";

type Fields = ReadonlyMap<string, FieldSchema>;

/** The wildcard field `_` (entries of `versions`, `volumes`): checked where they are lowered. */
const ANY = "_";

/** KD3009 for a block `key` without its required field `name`: one shape for every caller. */
export function missingInside(key: string, name: string, field: FieldSchema, span: Span, hints: readonly string[] = []): Diagnostic {
  return diag("KD3009", span, `\`${key}\` has no \`${name}\``, { label: `\`${name}\` is required here`, hints: [...(field.doc ? [field.doc.split("\n")[0]!] : []), ...hints] });
}

/**
 * `base` is the declaration's value (what analyse.ts checked), `merged` the same after the
 * `profiles` applied in order. Only blocks the profiles touched are looked at.
 */
export function checkMergedRequired(scope: Scope, profiles: readonly string[], sym: DeclSymbol, fields: Fields, base: BlockValue, merged: BlockValue, diagnostics: Diagnostic[]): void {
  if (merged === base) return;
  walk({ scope, profiles, sym, diagnostics }, [], fields, base, merged);
}

interface Walk {
  readonly scope: Scope;
  readonly profiles: readonly string[];
  readonly sym: DeclSymbol;
  readonly diagnostics: Diagnostic[];
}

function walk(w: Walk, at: readonly string[], fields: Fields, base: BlockValue | undefined, merged: BlockValue): void {
  for (const key of records(fields)) {
    const m = merged.fields.get(key);
    const b = base?.fields.get(key);
    // Untouched by the profiles (merge() keeps the base's value): analyse.ts has seen it.
    if (m?.v !== "block" || m === b) continue;
    const before = b?.v === "block" ? b : undefined;
    const inner = (fields.get(key)!.type as Extract<FieldSchema["type"], { t: "record" }>).fields;
    const path = [...at, key];
    for (const [name, field] of inner) {
      if (field.optional || name === ANY || m.fields.has(name)) continue;
      // Missing in the declaration too: analyse.ts reported it, or its value was reported bad.
      if (before !== undefined && !before.fields.has(name)) continue;
      // Written in a profile with a bad value: that error is the root cause.
      if (writtenInProfiles(w, [...path, name])) continue;
      w.diagnostics.push(missingInside(key, name, field, m.span, [hint(w, path, name, before !== undefined)]));
    }
    walk(w, path, inner, before, m);
  }
}

function hint(w: Walk, path: readonly string[], name: string, hadOne: boolean): string {
  const block = `\`${w.sym.name}.${path.join(".")}\``;
  return hadOne
    ? `an \`unset\` in a profile removed ${block}, so this block is all there is of it: set \`${name}\` here too.`
    : `\`${w.sym.name}\` has no \`${path.join(".")}\` of its own, so this block is all there is of it: set \`${name}\` here.`;
}

/** Whether an applied profile writes `<decl>.<path>` (with any value, even a bad one). */
function writtenInProfiles(w: Walk, path: readonly string[]): boolean {
  const full = [w.sym.name, ...path];
  for (const p of w.profiles) {
    const decl = w.scope.profiles.get(p);
    if (decl?.body && writes(decl.body.members, full)) return true;
  }
  return false;
}

/** Members that set `path`: by a dotted path (`db.canary.image = ...`) or inside nested blocks. */
function writes(members: readonly Member[], path: readonly string[]): boolean {
  for (const m of members) {
    const own: readonly Name[] = m.kind === "FieldDecl" ? [m.name] : m.path;
    const n = Math.min(own.length, path.length);
    let i = 0;
    while (i < n && own[i]!.text === path[i]) i++;
    if (i < n) continue;
    if (own.length >= path.length) return true;
    if (m.kind === "Nested" && writes(m.body.members, path.slice(own.length))) return true;
  }
  return false;
}

/** The record fields with a required field inside, in schema order; computed once per schema. */
function records(fields: Fields): readonly string[] {
  let names = RECORDS.get(fields);
  if (names === undefined) {
    names = [];
    for (const [name, field] of fields) {
      if (name !== ANY && field.type.t === "record" && hasRequired(field.type.fields)) names.push(name);
    }
    RECORDS.set(fields, names);
  }
  return names;
}
const RECORDS = new WeakMap<Fields, string[]>();

function hasRequired(fields: Fields): boolean {
  for (const [name, f] of fields) {
    if (name === ANY) continue;
    if (!f.optional || (f.type.t === "record" && hasRequired(f.type.fields))) return true;
  }
  return false;
}

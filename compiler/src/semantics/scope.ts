// The app's symbols: declarations of every file of the project and of the modules they `use`.
// Templates, profiles and declarations live in separate namespaces.
import type { Block, Decl, ProfileDecl, TemplateDecl } from "../syntax/ast.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { KindSchema } from "./types.ts";

export interface DeclSymbol {
  readonly name: string;
  readonly kind: string;
  readonly decl: Decl;
}

export interface Scope {
  readonly kinds: ReadonlyMap<string, KindSchema>;
  readonly decls: ReadonlyMap<string, DeclSymbol>;
  readonly templates: ReadonlyMap<string, TemplateDecl>;
  readonly profiles: ReadonlyMap<string, ProfileDecl>;
  /**
   * Where a name declared more than once finds the keys it is checked against (`api-keys.token`):
   * the body of the last secret or config of that name. A name declared once uses its own body
   * (keysOf); no set of keys is made up front for thousands of secrets.
   */
  readonly keys: ReadonlyMap<string, Block>;
  readonly appName: string;
  /**
   * Set once a checked value holds an `if` that waits for the profiles (a `cond` value): until
   * then evaluation has nothing to decide and skips walking every value (evaluate/conditions.ts).
   */
  readonly conditions: { pending: boolean };
}

/** What the checker needs while it elaborates one declaration. */
export interface Ctx {
  readonly scope: Scope;
  /** The declaration being elaborated: `${name}` in a template means this. */
  readonly selfName: string;
  /** The kind being elaborated, when `selfName` is no declaration (a template checked on its own). */
  readonly selfKind?: string;
  readonly diagnostics: Diagnostic[];
}

/** The keys the secret or config `sym` declares, in order (none if it is neither). */
export function keysOf(scope: Scope, sym: DeclSymbol): string[] {
  return (keysBody(scope, sym)?.members ?? []).map(keyOf);
}

/** Whether the secret or config `sym` declares `key`; keysOf without making the list. */
export function hasKey(scope: Scope, sym: DeclSymbol, key: string): boolean {
  for (const m of keysBody(scope, sym)?.members ?? []) if (keyOf(m) === key) return true;
  return false;
}

function keysBody(scope: Scope, sym: DeclSymbol): Block | undefined {
  return scope.keys.get(sym.name) ?? (sym.kind === "secret" || sym.kind === "config" ? sym.decl.body : undefined);
}

const keyOf = (m: Block["members"][number]) => (m.kind === "FieldDecl" ? m.name.text : m.path[0]?.text ?? "");

// The app's symbols: declarations of every file of the project and of the modules they `use`.
// Templates, profiles and declarations live in separate namespaces.
import type { Decl, ProfileDecl, TemplateDecl } from "../syntax/ast.ts";
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
  /** Keys of each secret and config, for checking `api-keys.token`. */
  readonly keys: ReadonlyMap<string, ReadonlySet<string>>;
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
  readonly diagnostics: Diagnostic[];
}

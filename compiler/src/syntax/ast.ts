// The typed syntax tree. Every node carries its span. Recovery may leave parts absent (optional
// fields), never invented: later stages skip what is missing without follow-on errors.
import type { Span } from "./span.ts";

export interface Name {
  readonly kind: "Name";
  readonly text: string;
  readonly span: Span;
}

// ---- expressions ----------------------------------------------------------------------------

export interface StringLit {
  readonly kind: "String";
  /** Literal pieces and `${...}` interpolations, in order. */
  readonly parts: readonly (string | Expr)[];
  readonly span: Span;
}
export interface NumberLit {
  readonly kind: "Number";
  readonly value: number;
  readonly raw: string;
  readonly span: Span;
}
/** A number with a unit suffix as written (`250m`, `256Mi`, `30s`, `10%`); its meaning depends on the expected type. */
export interface QuantityLit {
  readonly kind: "Quantity";
  readonly raw: string;
  readonly span: Span;
}
export interface BoolLit {
  readonly kind: "Bool";
  readonly value: boolean;
  readonly span: Span;
}
/** `a`, `api-keys.random-token`, `random-number.url` */
export interface Ref {
  readonly kind: "Ref";
  readonly path: readonly Name[];
  readonly span: Span;
}
export interface Call {
  readonly kind: "Call";
  readonly callee: Name;
  readonly args: readonly Expr[];
  readonly span: Span;
}
export interface ListLit {
  readonly kind: "List";
  readonly items: readonly Expr[];
  readonly span: Span;
}
/** `100m to 500m`: a request-to-limit range. */
export interface RangeExpr {
  readonly kind: "Range";
  readonly from: Expr;
  readonly to?: Expr;
  readonly span: Span;
}
/** `if profile == "prod" then 5 else 2`: total (the `else` is required), chained with `else if`. */
export interface IfExpr {
  readonly kind: "If";
  readonly cond?: Condition;
  readonly then?: Expr;
  readonly else?: Expr;
  readonly span: Span;
}
/**
 * A condition over facts known at build time: `profile == "prod"`, `name != "cart"`,
 * `profile in ["prod", "staging"]`, combined with `and` / `or` (`and` binds tighter).
 */
export type Condition =
  | { readonly kind: "Compare"; readonly subject: Name; readonly op: "==" | "!=" | "in" | "notin"; readonly value?: Expr; readonly span: Span }
  | { readonly kind: "Logic"; readonly op: "and" | "or"; readonly left: Condition; readonly right?: Condition; readonly span: Span };
export type Expr = StringLit | NumberLit | QuantityLit | BoolLit | Ref | Call | ListLit | RangeExpr | IfExpr;

// ---- members of a block ---------------------------------------------------------------------

/** `image = "..."`, `random-number.replicas = 5` */
export interface Assign {
  readonly kind: "Assign";
  readonly path: readonly Name[];
  readonly value?: Expr;
  readonly span: Span;
}
/** `labels { ... }`, `addition.resources { ... }` */
export interface Nested {
  readonly kind: "Nested";
  readonly path: readonly Name[];
  readonly body: Block;
  readonly doc?: string;
  readonly span: Span;
}
/** `port http 8080 -> 80`, `uses [a, b]`: a key followed by arguments on the same line. */
export interface Directive {
  readonly kind: "Directive";
  readonly path: readonly Name[];
  readonly args: readonly Expr[];
  /** The expression after `->`, if any. */
  readonly arrow?: Expr;
  /** Selector forms only: `env in [...]`, `env notin [...]` (args holds the list), `!canary`. */
  readonly op?: "in" | "notin" | "!";
  readonly span: Span;
}
/** Only in the prelude: `replicas: Int = 1` declares a field of a kind. */
export interface FieldDecl {
  readonly kind: "FieldDecl";
  readonly name: Name;
  readonly type: TypeRef;
  readonly default?: Expr;
  readonly doc?: string;
  readonly span: Span;
}
export interface TypeRef {
  readonly kind: "TypeRef";
  readonly name: Name;
  readonly args: readonly TypeRef[];
  readonly optional: boolean;
  readonly span: Span;
}
export type Member = Assign | Nested | Directive | FieldDecl;

export interface Block {
  readonly kind: "Block";
  readonly members: readonly Member[];
  readonly span: Span;
  /** False when recovery had to close the block at end of input. */
  readonly closed: boolean;
}

// ---- top-level items ------------------------------------------------------------------------

export interface AppDecl {
  readonly kind: "App";
  readonly name?: Name;
  readonly body?: Block;
  readonly doc?: string;
  readonly span: Span;
}
export interface UseDecl {
  readonly kind: "Use";
  /** `std/web` or `./common` as written; absent when recovery lost it. */
  readonly path?: string;
  readonly pathSpan?: Span;
  readonly span: Span;
}
/** A template parameter: `port: Int = 8080` in `template web(port: Int = 8080)`. */
export interface Param {
  readonly kind: "Param";
  readonly name: Name;
  readonly type?: TypeRef;
  readonly default?: Expr;
  /** The `///` comment right above the parameter (printed above it by the formatter, one parameter per line). */
  readonly doc?: string;
  readonly span: Span;
}
/** An argument to a template: `port = 9090` in `from web(port = 9090)`. */
export interface Arg {
  readonly kind: "Arg";
  readonly name: Name;
  readonly value?: Expr;
  readonly span: Span;
}
/** `service x from web { ... }`, `secret api-keys { ... }`: a declaration of a kind the prelude defines. */
export interface Decl {
  readonly kind: "Decl";
  readonly keyword: Name;
  readonly name?: Name;
  readonly from?: Name;
  /** Arguments to the template: `from web(port = 9090)`; absent without parentheses. */
  readonly args?: readonly Arg[];
  readonly body?: Block;
  readonly doc?: string;
  readonly span: Span;
}
export interface TemplateDecl {
  readonly kind: "Template";
  readonly name?: Name;
  /** A template may refine another: `template api from web for service { ... }`. */
  readonly from?: Name;
  /** Arguments to the template it refines: `from web(port = port)`. */
  readonly args?: readonly Arg[];
  /** Parameters: `template web(port: Int = 8080)`; absent without parentheses. */
  readonly params?: readonly Param[];
  /** The kind a template is for (`template web for service`); defaults to service. */
  readonly for?: Name;
  readonly body?: Block;
  readonly doc?: string;
  readonly span: Span;
}
export interface ProfileDecl {
  readonly kind: "Profile";
  readonly name?: Name;
  readonly body?: Block;
  readonly doc?: string;
  readonly span: Span;
}
/** Only in the prelude: `kind service { ... }` declares a built-in kind and its fields. */
export interface KindDecl {
  readonly kind: "Kind";
  readonly name?: Name;
  readonly body?: Block;
  readonly doc?: string;
  readonly span: Span;
}
export type Item = AppDecl | UseDecl | Decl | TemplateDecl | ProfileDecl | KindDecl;

export interface Comment {
  readonly text: string;
  readonly span: Span;
  /** True for block comments, false for line and doc comments. */
  readonly block: boolean;
}

export interface SourceFile {
  readonly kind: "SourceFile";
  readonly file: string;
  readonly items: readonly Item[];
  readonly comments: readonly Comment[];
  readonly span: Span;
}

// The fast parser's half for tokens and values (see fast-parser.ts): reading the scanner's cursor,
// the token just consumed, lists built at their exact size, and the expression rules of
// parser-expr.ts and primary (parser-block.ts). FastParser adds items, blocks and members.
import * as T from "./tokens.ts";
import type { TokenKind } from "./tokens.ts";
import type * as A from "./ast.ts";
import { spanCovering, TreeSpan, type LineIndex } from "./span.ts";
import { decodeKey, decodeString } from "./strings.ts";
import { MAX_DEPTH } from "./limits.ts";
import type { Scanner } from "./scanner.ts";
import { docAt } from "./docs.ts";

/** Thrown where the input is not well-formed; parseWellFormed returns undefined instead. */
export const GIVE_UP = new Error("not well-formed: parse with recovery");

/** Token types that chevrotain's `AnyName` category matches: names and every keyword. */
export const IS_NAME = new Set<TokenKind | undefined>([T.Ident, ...T.KEYWORDS]);

export abstract class FastExprParser {
  /** The last token consumed (chevrotain's LA(0)); the scanner holds the current one (LA(1)). */
  protected prevStart = 0;
  protected prevEnd = 0;
  protected prevLine = 0;
  protected prevCol = 0;
  /**
   * Levels open around the current token, counted as chevrotain's parse counts them (ExprParser.enter):
   * brackets, `if`s, and every `and`/`or` of the condition being read. Past MAX_DEPTH the file is
   * left to chevrotain's parse, which reports KD1006 at the same token.
   */
  protected depth = 0;

  /**
   * Nodes of the lists being parsed (members, arguments, items), innermost last: each list is
   * copied out at its exact size. An array grown by push keeps room for ~16 more elements (~130
   * bytes); one per block and per directive was about a tenth of the tree's memory.
   */
  private readonly stack: unknown[] = [];
  protected top = 0;

  /** Names and quantities as first seen: the same few (`image`, `env`, `cpu`, `100m`) recur in every service. */
  private readonly interned = new Map<string, string>();

  constructor(
    private readonly lines: LineIndex,
    protected readonly s: Scanner,
  ) {}

  get lastLine(): number {
    return this.prevLine;
  }

  get lastEndCol(): number {
    return this.prevCol + (this.prevEnd - this.prevStart);
  }

  /** Consumes the current token: it becomes the previous one. */
  protected next(): void {
    const s = this.s;
    this.prevStart = s.start;
    this.prevEnd = s.end;
    this.prevLine = s.line;
    this.prevCol = s.col;
    s.next();
  }

  protected expect(type: TokenKind): void {
    if (this.s.type !== type) throw GIVE_UP;
    this.next();
  }

  protected accept(type: TokenKind): boolean {
    if (this.s.type !== type) return false;
    this.next();
    return true;
  }

  /** The span of the token just consumed. */
  protected sp(): TreeSpan {
    return new TreeSpan(this.lines, this.prevStart, this.prevEnd);
  }

  /** The text of the token just consumed. */
  protected image(): string {
    return this.s.text.slice(this.prevStart, this.prevEnd);
  }

  protected internedImage(): string {
    const s = this.image();
    const known = this.interned.get(s);
    if (known !== undefined) return known;
    this.interned.set(s, s);
    return s;
  }

  protected push(node: unknown): void {
    this.stack[this.top++] = node;
  }

  /** The nodes pushed since `base`, as an array of their own; the stack drops them. */
  protected popFrom<T>(base: number): T[] {
    const out = this.stack.slice(base, this.top) as T[];
    this.top = base;
    return out;
  }

  protected docs(offset: number): string | undefined {
    return docAt(this.s.comments, this.s.text, offset);
  }

  /** Consumes an item's keyword; its span, and its offset for the doc comment above it. */
  protected keyword(): TreeSpan {
    this.next();
    return this.sp();
  }

  /** An opening bracket (the current token): one level deeper. */
  protected open(): TreeSpan {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    this.next();
    return this.sp();
  }

  /** The closing bracket of the innermost open one. */
  protected close(type: TokenKind): TreeSpan {
    this.expect(type);
    this.depth--;
    return this.sp();
  }

  protected name(): A.Name {
    if (!IS_NAME.has(this.s.type)) throw GIVE_UP;
    this.next();
    return { kind: "Name", text: this.internedImage(), span: this.sp() };
  }

  protected primary(): A.Expr {
    const type = this.s.type;
    if (type === T.StringTok) {
      this.next();
      const span = this.sp();
      const decoded = decodeString(this.image(), span);
      if (decoded.diagnostics.length > 0) throw GIVE_UP;
      return { kind: "String", parts: decoded.parts, span };
    }
    if (type === T.NumberTok) {
      this.next();
      const raw = this.internedImage();
      return { kind: "Number", value: Number(raw), raw, span: this.sp() };
    }
    if (type === T.Quantity) {
      this.next();
      return { kind: "Quantity", raw: this.internedImage(), span: this.sp() };
    }
    if (type === T.True || type === T.False) {
      this.next();
      return { kind: "Bool", value: type === T.True, span: this.sp() };
    }
    if (type === T.LBracket) return this.list();
    if (type === T.Ident) return this.refOrCall();
    throw GIVE_UP;
  }

  protected expr(): A.Expr {
    if (this.s.type === T.If) return this.ifExpr();
    const from = this.primary();
    // `to` continues a range only on the same line: a next member may be named `to`.
    if (this.s.type !== T.To || this.s.line !== this.prevLine) return from;
    this.next();
    const to = this.primary();
    return { kind: "Range", from, to, span: spanCovering(from.span, to.span) };
  }

  protected ifExpr(): A.Expr {
    // Not a bracket, but it nests: counted so that a chain of `if`s cannot exhaust the stack.
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    const kw = this.keyword();
    const cond = this.condition();
    this.expect(T.Then);
    const then = this.expr();
    this.expect(T.Else);
    const otherwise = this.expr();
    this.depth--;
    return { kind: "If", cond, then, else: otherwise, span: spanCovering(kw, otherwise.span) };
  }

  /**
   * `a or b`: `and` binds tighter, both left-associative. Every `and` and `or` counts one level until
   * the condition ends: n operators make a tree at most n deep (a chain of them nests to the left).
   */
  protected condition(): A.Condition {
    const depth = this.depth;
    const c = this.logic(T.Or, "or", () => this.conjunction());
    this.depth = depth;
    return c;
  }

  protected conjunction(): A.Condition {
    return this.logic(T.And, "and", () => this.comparison());
  }

  /** Operands joined by `token`, left-associative (chevrotain's condition and conjunction rules). */
  private logic(token: TokenKind, op: "and" | "or", operand: () => A.Condition): A.Condition {
    let left = operand();
    while (this.accept(token)) {
      if (++this.depth > MAX_DEPTH) throw GIVE_UP;
      const right = operand();
      left = { kind: "Logic", op, left, right, span: spanCovering(left.span, right.span) };
    }
    return left;
  }

  protected comparison(): A.Condition {
    const subject = this.name();
    const type = this.s.type;
    if (type !== T.EqEq && type !== T.NotEq && type !== T.In && type !== T.NotIn) throw GIVE_UP;
    this.next();
    const op = this.image() as "==" | "!=" | "in" | "notin";
    const value = this.primary();
    return { kind: "Compare", subject, op, value, span: spanCovering(subject.span, value.span) };
  }

  protected list(): A.Expr {
    const open = this.open();
    const items = this.exprs();
    const close = this.close(T.RBracket);
    return { kind: "List", items, span: spanCovering(open, close) };
  }

  /** A list's items or a call's arguments: expressions, each maybe followed by a comma. */
  private exprs(): A.Expr[] {
    const base = this.top;
    while (startsExpr(this.s.type)) {
      this.push(this.expr());
      this.accept(T.Comma);
    }
    return this.popFrom<A.Expr>(base);
  }

  protected refOrCall(): A.Expr {
    const head = this.name();
    // A `(` makes it a call wherever it is, as in chevrotain's rule (its alternatives are LL(1)).
    if (this.s.type === T.LParen) {
      this.open();
      const args = this.exprs();
      const close = this.close(T.RParen);
      return { kind: "Call", callee: head, args, span: spanCovering(head.span, close) };
    }
    const path: A.Name[] = [head];
    while (this.accept(T.Dot)) path.push(this.s.type === T.StringTok ? this.quotedSegment() : this.name());
    return { kind: "Ref", path, span: spanCovering(head.span, path[path.length - 1]!.span) };
  }

  /**
   * A quoted part of a reference, `creds."tls.key"`: a key that holds dots, read as a quoted
   * member key is (its span keeps the quotes, so the formatter prints it as written).
   */
  protected quotedSegment(): A.Name {
    this.expect(T.StringTok);
    return this.quotedKey();
  }

  /** The quoted key just consumed; one with an error (a `${`, a bad escape) is left to chevrotain's parse. */
  protected quotedKey(): A.Name {
    const span = this.sp();
    const key = decodeKey(this.image(), span);
    if (key.diagnostics.length > 0) throw GIVE_UP;
    return { kind: "Name", text: key.text, span };
  }
}

export function startsPrimary(type: TokenKind | undefined): boolean {
  return type === T.StringTok || type === T.NumberTok || type === T.Quantity || type === T.True || type === T.False || type === T.LBracket || type === T.Ident;
}

export function startsExpr(type: TokenKind | undefined): boolean {
  return type === T.If || startsPrimary(type);
}

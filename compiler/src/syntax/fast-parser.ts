// A parser for well-formed files only: the same grammar and the same tree as the chevrotain parser
// (parser*.ts), as plain recursive descent, without error recovery. parse() tries it first; at the
// first token it does not expect, or anything the chevrotain parser would report (a missing value,
// a bad escape, nesting past MAX_DEPTH), it gives up and the file is parsed again by chevrotain,
// whose recovery and messages are the language's. So a file with errors is parsed as before, and
// a well-formed one gives the tree chevrotain would have given, sooner.
//
// Why: chevrotain's engine (a rule call, lookahead function and bookkeeping per token) runs in
// V8's interpreter for most of a cold `kdsl build`. Measured on the 1,000-service bench app,
// cold, in fresh processes: chevrotain ~170 ms to scan and parse and ~35 ms to analyse its grammar
// at start; this parser ~70 ms, no start cost (chevrotain's parser is built the first time a file
// has an error). See docs/performance.md.
//
// Keeping the two in step: every decision here is chevrotain's LL(1) choice for the same rule
// (each grammar rule's comment names its chevrotain rule), and the tests parse every example,
// fixture, stdlib file and thousands of mutations of them both ways: when this parser returns a
// tree, chevrotain must return the same tree and no diagnostic (test/syntax/fast-parser.test.ts).
import type { IToken, TokenType } from "chevrotain";
import * as T from "./tokens.ts";
import type * as A from "./ast.ts";
import { spanCovering, TreeSpan, type LineIndex, type Span } from "./span.ts";
import { decodeString } from "./strings.ts";
import { MAX_DEPTH } from "./limits.ts";

/** Thrown where the input is not well-formed; parseWellFormed returns undefined instead. */
const GIVE_UP = new Error("not well-formed: parse with recovery");

/** Stands for the end of input, so that reading the current token needs no bounds test. */
const END: IToken = { image: "", startOffset: -1, startLine: -1, startColumn: -1, tokenTypeIdx: -1, tokenType: undefined as unknown as TokenType };

/** Token types that chevrotain's `AnyName` category matches: names and every keyword. */
const IS_NAME = new Set<TokenType>([T.Ident, ...T.KEYWORDS]);

/**
 * The file's items, or undefined when the file is not well-formed (then nothing of this attempt
 * is kept). `tokens` are the scanner's, free of lexical errors.
 */
export function parseWellFormed(lines: LineIndex, tokens: readonly IToken[], docs: (offset: number) => string | undefined): A.Item[] | undefined {
  try {
    return new FastParser(lines, tokens, docs).sourceFile();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

class FastParser {
  private p = 0;
  /** The current token (chevrotain's LA(1)) and the last one consumed (LA(0)). */
  private t: IToken;
  private prev: IToken = END;
  private depth = 0;

  constructor(
    private readonly lines: LineIndex,
    private readonly tokens: readonly IToken[],
    private readonly docs: (offset: number) => string | undefined,
  ) {
    this.t = tokens.length > 0 ? tokens[0]! : END;
  }

  // ---- tokens ----------------------------------------------------------------------------------

  private next(): IToken {
    const t = this.t;
    this.prev = t;
    this.t = ++this.p < this.tokens.length ? this.tokens[this.p]! : END;
    return t;
  }

  private expect(type: TokenType): IToken {
    if (this.t.tokenType !== type) throw GIVE_UP;
    return this.next();
  }

  private accept(type: TokenType): IToken | undefined {
    return this.t.tokenType === type ? this.next() : undefined;
  }

  private sp(t: IToken): TreeSpan {
    return new TreeSpan(this.lines, t.startOffset, t.endOffset! + 1);
  }

  /** Brackets and `if`s nest; past MAX_DEPTH the file is left to parse()'s guards. */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
  }

  // ---- items (parser.ts) -----------------------------------------------------------------------

  sourceFile(): A.Item[] {
    const items: A.Item[] = [];
    while (this.t !== END) items.push(this.item());
    return items;
  }

  private item(): A.Item {
    const type = this.t.tokenType;
    if (type === T.Ident) return this.decl();
    if (type === T.App) return this.appDecl();
    if (type === T.Use) return this.useDecl();
    if (type === T.Template) return this.templateDecl();
    if (type === T.Profile) return this.profileDecl();
    if (type === T.Kind) return this.kindDecl();
    throw GIVE_UP;
  }

  private appDecl(): A.AppDecl {
    const kw = this.next();
    const name = IS_NAME.has(this.t.tokenType) ? this.name() : undefined;
    const body = this.t.tokenType === T.LBrace ? this.block() : undefined;
    return { kind: "App", name, body, doc: this.docs(kw.startOffset), span: this.cover(kw, body?.span ?? name?.span) };
  }

  private useDecl(): A.UseDecl {
    const kw = this.next();
    let path: string;
    let pathSpan: Span;
    if (this.t.tokenType === T.StringTok) {
      const s = this.next();
      path = s.image.slice(1, -1);
      pathSpan = this.sp(s);
    } else {
      const first = this.expect(T.Ident);
      let last = first;
      path = first.image;
      while (this.accept(T.Slash)) {
        last = this.expect(T.Ident);
        path += "/" + last.image;
      }
      pathSpan = spanCovering(this.sp(first), this.sp(last));
    }
    return { kind: "Use", path, pathSpan, span: this.cover(kw, pathSpan) };
  }

  private templateDecl(): A.TemplateDecl {
    const kw = this.next();
    const name = this.name();
    const params = this.t.tokenType === T.LParen ? this.params() : undefined;
    let args: A.Arg[] | undefined;
    let from: A.Name | undefined;
    if (this.accept(T.From)) {
      from = this.name();
      if (this.t.tokenType === T.LParen) args = this.args();
    }
    const forKind = this.accept(T.For) ? this.name() : undefined;
    const body = this.block();
    const t: { -readonly [K in keyof A.TemplateDecl]: A.TemplateDecl[K] } = { kind: "Template", name, from, for: forKind, body, doc: this.docs(kw.startOffset), span: this.cover(kw, body.span) };
    if (params) t.params = params;
    if (args) t.args = args;
    return t;
  }

  private params(): A.Param[] {
    this.enter();
    this.next();
    const out: A.Param[] = [];
    while (IS_NAME.has(this.t.tokenType)) {
      const name = this.name();
      this.expect(T.Colon);
      const type = this.typeRef();
      const def = this.accept(T.Equals) ? this.expr() : undefined;
      out.push({ kind: "Param", name, type, default: def, span: spanCovering(name.span, def?.span ?? type.span) });
      this.accept(T.Comma);
    }
    this.expect(T.RParen);
    this.depth--;
    return out;
  }

  private args(): A.Arg[] {
    this.enter();
    this.next();
    const out: A.Arg[] = [];
    while (IS_NAME.has(this.t.tokenType)) {
      const name = this.name();
      this.expect(T.Equals);
      const value = this.expr();
      out.push({ kind: "Arg", name, value, span: spanCovering(name.span, value.span) });
      this.accept(T.Comma);
    }
    this.expect(T.RParen);
    this.depth--;
    return out;
  }

  private profileDecl(): A.ProfileDecl {
    const kw = this.next();
    const name = this.name();
    const body = this.block();
    return { kind: "Profile", name, body, doc: this.docs(kw.startOffset), span: this.cover(kw, body.span) };
  }

  private kindDecl(): A.KindDecl {
    const kw = this.next();
    const name = this.name();
    const body = this.block();
    return { kind: "Kind", name, body, doc: this.docs(kw.startOffset), span: this.cover(kw, body.span) };
  }

  private decl(): A.Decl {
    const kw = this.next();
    const name = this.name();
    let args: A.Arg[] | undefined;
    let from: A.Name | undefined;
    if (this.accept(T.From)) {
      from = this.name();
      if (this.t.tokenType === T.LParen) args = this.args();
    }
    const body = this.block();
    const keyword: A.Name = { kind: "Name", text: kw.image, span: this.sp(kw) };
    const d: { -readonly [K in keyof A.Decl]: A.Decl[K] } = { kind: "Decl", keyword, name, from, body, doc: this.docs(kw.startOffset), span: this.cover(kw, body.span) };
    if (args) d.args = args;
    return d;
  }

  // ---- blocks and members (parser-block.ts) ------------------------------------------------------

  private name(): A.Name {
    if (!IS_NAME.has(this.t.tokenType)) throw GIVE_UP;
    const t = this.next();
    return { kind: "Name", text: t.image, span: this.sp(t) };
  }

  private block(): A.Block {
    if (this.t.tokenType !== T.LBrace) throw GIVE_UP;
    this.enter();
    const open = this.next();
    const members: A.Member[] = [];
    for (let type = this.t.tokenType; type === T.Bang || type === T.StringTok || IS_NAME.has(type); type = this.t.tokenType) members.push(this.member());
    const close = this.expect(T.RBrace);
    this.depth--;
    return { kind: "Block", members, closed: true, span: spanCovering(this.sp(open), this.sp(close)) };
  }

  /** A key element: a name, or a quoted key such as `"app.kubernetes.io/tier"`. */
  private key(): A.Name {
    if (this.t.tokenType === T.StringTok) {
      const t = this.next();
      return { kind: "Name", text: decodeString(t.image).text, span: this.sp(t) };
    }
    return this.name();
  }

  private member(): A.Member {
    const bang = this.accept(T.Bang);
    const first = this.key();
    const path: A.Name[] = [first];
    while (this.accept(T.Dot)) path.push(this.key());
    const keyLine = this.prev.endLine!;
    const type = this.t.tokenType;
    // chevrotain's memberTail: its gate, then the first tokens of its alternatives.
    const onKeyLine = this.t.startLine === keyLine;
    let m: A.Member;
    if (type === T.Equals) m = this.assign(path, first);
    else if (type === T.Colon) m = this.fieldDecl(first);
    else if (type === T.LBrace) {
      const body = this.block();
      m = { kind: "Nested", path, body, doc: this.docs(first.span.start), span: spanCovering(first.span, body.span) };
    } else if (onKeyLine && (type === T.In || type === T.NotIn)) {
      const op = this.next();
      const value = this.primary();
      m = { kind: "Directive", path, args: [value], op: op.image === "in" ? "in" : "notin", span: spanCovering(first.span, value.span) };
    } else if (onKeyLine && startsPrimary(type)) m = this.directive(path, first, keyLine);
    else m = { kind: "Directive", path, args: [], span: spanCovering(first.span, path[path.length - 1]!.span) };
    this.accept(T.Semi);
    if (!bang) return m;
    // `!key` is a bare key only; anything after it is kept (and reported by the checker) as written.
    const span = spanCovering(this.sp(bang), m.span);
    return m.kind === "Directive" && m.args.length === 0 && !m.op ? { ...m, op: "!", span } : { ...m, span };
  }

  private assign(path: A.Name[], first: A.Name): A.Assign {
    const eq = this.next();
    // A value starts on the line of its `=`; without one chevrotain's parser reports it.
    if (this.t.startLine !== eq.endLine || !startsExpr(this.t.tokenType)) throw GIVE_UP;
    const value = this.expr();
    return { kind: "Assign", path, value, span: spanCovering(first.span, value.span) };
  }

  private fieldDecl(first: A.Name): A.FieldDecl {
    this.next();
    const type = this.typeRef();
    const def = this.accept(T.Equals) ? this.expr() : undefined;
    return { kind: "FieldDecl", name: first, type, default: def, doc: this.docs(first.span.start), span: spanCovering(first.span, def?.span ?? type.span) };
  }

  /** Arguments on the key's line: `port http 8080 -> 80`. */
  private directive(path: A.Name[], first: A.Name, keyLine: number): A.Directive {
    const args: A.Expr[] = [this.primary()];
    while (this.t.startLine === keyLine && startsPrimary(this.t.tokenType)) args.push(this.primary());
    const arrow = this.accept(T.Arrow) ? this.primary() : undefined;
    return { kind: "Directive", path, args, arrow, span: spanCovering(first.span, (arrow ?? args[args.length - 1]!).span) };
  }

  private typeRef(): A.TypeRef {
    const name = this.name();
    const args: A.TypeRef[] = [];
    if (this.accept(T.Lt)) {
      this.enter();
      args.push(this.typeRef());
      while (this.accept(T.Comma)) args.push(this.typeRef());
      this.expect(T.Gt);
      this.depth--;
    }
    const q = this.accept(T.Question);
    return { kind: "TypeRef", name, args, optional: q !== undefined, span: spanCovering(name.span, q ? this.sp(q) : name.span) };
  }

  private primary(): A.Expr {
    const t = this.t;
    const type = t.tokenType;
    if (type === T.StringTok) {
      this.next();
      const span = this.sp(t);
      const decoded = decodeString(t.image, span);
      if (decoded.diagnostics.length > 0) throw GIVE_UP;
      return { kind: "String", parts: decoded.parts, span };
    }
    if (type === T.NumberTok) return { kind: "Number", value: Number(t.image), raw: this.next().image, span: this.sp(t) };
    if (type === T.Quantity) return { kind: "Quantity", raw: this.next().image, span: this.sp(t) };
    if (type === T.True || type === T.False) return { kind: "Bool", value: this.next().tokenType === T.True, span: this.sp(t) };
    if (type === T.LBracket) return this.list();
    if (type === T.Ident) return this.refOrCall();
    throw GIVE_UP;
  }

  // ---- expressions (parser-expr.ts) -------------------------------------------------------------

  private expr(): A.Expr {
    if (this.t.tokenType === T.If) return this.ifExpr();
    const from = this.primary();
    // `to` continues a range only on the same line: a next member may be named `to`.
    if (this.t.tokenType !== T.To || this.t.startLine !== this.prev.endLine) return from;
    this.next();
    const to = this.primary();
    return { kind: "Range", from, to, span: spanCovering(from.span, to.span) };
  }

  private ifExpr(): A.Expr {
    this.enter();
    const kw = this.next();
    const cond = this.condition();
    this.expect(T.Then);
    const then = this.expr();
    this.expect(T.Else);
    const otherwise = this.expr();
    this.depth--;
    return { kind: "If", cond, then, else: otherwise, span: this.cover(kw, otherwise.span) };
  }

  /** `a or b`: `and` binds tighter, both left-associative. */
  private condition(): A.Condition {
    let left = this.conjunction();
    while (this.accept(T.Or)) {
      const right = this.conjunction();
      left = { kind: "Logic", op: "or", left, right, span: spanCovering(left.span, right.span) };
    }
    return left;
  }

  private conjunction(): A.Condition {
    let left = this.comparison();
    while (this.accept(T.And)) {
      const right = this.comparison();
      left = { kind: "Logic", op: "and", left, right, span: spanCovering(left.span, right.span) };
    }
    return left;
  }

  private comparison(): A.Condition {
    const subject = this.name();
    const type = this.t.tokenType;
    if (type !== T.EqEq && type !== T.NotEq && type !== T.In && type !== T.NotIn) throw GIVE_UP;
    const op = this.next();
    const value = this.primary();
    return { kind: "Compare", subject, op: op.image as "==" | "!=" | "in" | "notin", value, span: spanCovering(subject.span, value.span) };
  }

  private list(): A.Expr {
    this.enter();
    const open = this.next();
    const items: A.Expr[] = [];
    while (startsExpr(this.t.tokenType)) {
      items.push(this.expr());
      this.accept(T.Comma);
    }
    const close = this.expect(T.RBracket);
    this.depth--;
    return { kind: "List", items, span: spanCovering(this.sp(open), this.sp(close)) };
  }

  private refOrCall(): A.Expr {
    const head = this.next();
    // A `(` makes it a call wherever it is, as in chevrotain's rule (its alternatives are LL(1)).
    if (this.t.tokenType === T.LParen) {
      this.enter();
      this.next();
      const args: A.Expr[] = [];
      while (startsExpr(this.t.tokenType)) {
        args.push(this.expr());
        this.accept(T.Comma);
      }
      const close = this.expect(T.RParen);
      this.depth--;
      const callee: A.Name = { kind: "Name", text: head.image, span: this.sp(head) };
      return { kind: "Call", callee, args, span: spanCovering(callee.span, this.sp(close)) };
    }
    const path: A.Name[] = [{ kind: "Name", text: head.image, span: this.sp(head) }];
    while (this.accept(T.Dot)) path.push(this.name());
    return { kind: "Ref", path, span: spanCovering(path[0]!.span, path[path.length - 1]!.span) };
  }

  private cover(first: IToken, last: Span | undefined): Span {
    const a = this.sp(first);
    return last ? spanCovering(a, last) : a;
  }
}

function startsPrimary(type: TokenType): boolean {
  return type === T.StringTok || type === T.NumberTok || type === T.Quantity || type === T.True || type === T.False || type === T.LBracket || type === T.Ident;
}

function startsExpr(type: TokenType): boolean {
  return type === T.If || startsPrimary(type);
}

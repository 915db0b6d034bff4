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
// at start; the scanner and this parser ~85 ms, no start cost (chevrotain's parser is built the
// first time a file has an error). It reads the scanner's cursor instead of an array of token objects: at N = 5,000
// those 220,000 objects lived until the parse ended and were most of what the garbage collector
// copied. See docs/performance.md.
//
// Keeping the two in step: every decision here is chevrotain's LL(1) choice for the same rule (the
// methods bear the rules' names: items here as in parser.ts, blocks and members as in
// parser-block.ts, values in fast-expr.ts as in parser-expr.ts), and the tests parse every
// example, fixture and stdlib file, grammar corners and 1,500 mutations both ways: when this
// parser returns a tree, chevrotain must return the same tree and no diagnostic
// (test/syntax/fast-parser.test.ts). A change to the grammar is made in both.
import * as T from "./tokens.ts";
import type * as A from "./ast.ts";
import { lineIndex, spanCovering, wholeFile, type Span } from "./span.ts";
import { commentOf, Scanner } from "./scanner.ts";
import { FastExprParser, GIVE_UP, IS_NAME, startsExpr, startsPrimary } from "./fast-expr.ts";

/**
 * The file's tree, or undefined when the file is not well-formed (then nothing of this attempt is
 * kept): a lexical error, a syntax error, or anything chevrotain's parser would report.
 */
export function parseWellFormed(file: string, text: string): A.SourceFile | undefined {
  const scanner = new Scanner(text);
  if (!scanner.next()) return undefined; // empty: parse() says so
  const parser = new FastParser(lineIndex(file, text), scanner);
  let items: A.Item[];
  try {
    items = parser.sourceFile();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
  if (scanner.errors.length > 0 || scanner.unterminated > 0) return undefined;
  const comments = scanner.comments.map((c) => commentOf(file, c));
  return { kind: "SourceFile", file, items, comments, span: wholeFile(file, text, parser.lastLine, parser.lastEndCol) };
}

class FastParser extends FastExprParser {
  sourceFile(): A.Item[] {
    const items: A.Item[] = [];
    while (this.s.type !== undefined) items.push(this.item());
    return items;
  }

  private item(): A.Item {
    const type = this.s.type;
    if (type === T.Ident) return this.decl();
    if (type === T.App) return this.appDecl();
    if (type === T.Use) return this.useDecl();
    if (type === T.Template) return this.templateDecl();
    if (type === T.Profile) return this.profileDecl();
    if (type === T.Kind) return this.kindDecl();
    throw GIVE_UP;
  }

  private appDecl(): A.AppDecl {
    const kw = this.keyword();
    const name = IS_NAME.has(this.s.type) ? this.name() : undefined;
    const body = this.s.type === T.LBrace ? this.block() : undefined;
    const last = body?.span ?? name?.span;
    return { kind: "App", name, body, doc: this.docs(kw.start), span: last ? spanCovering(kw, last) : kw };
  }

  private useDecl(): A.UseDecl {
    const kw = this.keyword();
    let path: string;
    let pathSpan: Span;
    if (this.accept(T.StringTok)) {
      path = this.image().slice(1, -1);
      pathSpan = this.sp();
    } else {
      this.expect(T.Ident);
      const first = this.sp();
      path = this.image();
      while (this.accept(T.Slash)) {
        this.expect(T.Ident);
        path += "/" + this.image();
      }
      pathSpan = spanCovering(first, this.sp());
    }
    return { kind: "Use", path, pathSpan, span: spanCovering(kw, pathSpan) };
  }

  private templateDecl(): A.TemplateDecl {
    const kw = this.keyword();
    const name = this.name();
    const params = this.s.type === T.LParen ? this.params() : undefined;
    let args: A.Arg[] | undefined;
    let from: A.Name | undefined;
    if (this.accept(T.From)) {
      from = this.name();
      if (this.s.type === T.LParen) args = this.args();
    }
    const forKind = this.accept(T.For) ? this.name() : undefined;
    const body = this.block();
    const t: { -readonly [K in keyof A.TemplateDecl]: A.TemplateDecl[K] } = { kind: "Template", name, from, for: forKind, body, doc: this.docs(kw.start), span: spanCovering(kw, body.span) };
    if (params) t.params = params;
    if (args) t.args = args;
    return t;
  }

  /** `(port: Int = 8080, path: String)` after a template's name. */
  private params(): A.Param[] {
    return this.named((name) => {
      this.expect(T.Colon);
      const type = this.typeRef();
      const def = this.accept(T.Equals) ? this.expr() : undefined;
      return { kind: "Param", name, type, default: def, doc: this.docs(name.span.start), span: spanCovering(name.span, def?.span ?? type.span) };
    });
  }

  /** `(port = 9090, path = "/ready")` after `from <template>`. */
  private args(): A.Arg[] {
    return this.named((name) => {
      this.expect(T.Equals);
      const value = this.expr();
      return { kind: "Arg", name, value, span: spanCovering(name.span, value.span) };
    });
  }

  /** `( ... )` of entries that each start with a name, each maybe followed by a comma. */
  private named<T>(entry: (name: A.Name) => T): T[] {
    this.open();
    const out: T[] = [];
    while (IS_NAME.has(this.s.type)) {
      out.push(entry(this.name()));
      this.accept(T.Comma);
    }
    this.close(T.RParen);
    return out;
  }

  private profileDecl(): A.ProfileDecl {
    const kw = this.keyword();
    const name = this.name();
    const body = this.block();
    return { kind: "Profile", name, body, doc: this.docs(kw.start), span: spanCovering(kw, body.span) };
  }

  private kindDecl(): A.KindDecl {
    const kw = this.keyword();
    const name = this.name();
    const body = this.block();
    return { kind: "Kind", name, body, doc: this.docs(kw.start), span: spanCovering(kw, body.span) };
  }

  private decl(): A.Decl {
    const keyword = this.name();
    const name = this.name();
    let args: A.Arg[] | undefined;
    let from: A.Name | undefined;
    if (this.accept(T.From)) {
      from = this.name();
      if (this.s.type === T.LParen) args = this.args();
    }
    const body = this.block();
    const d: { -readonly [K in keyof A.Decl]: A.Decl[K] } = { kind: "Decl", keyword, name, from, body, doc: this.docs(keyword.span.start), span: spanCovering(keyword.span, body.span) };
    if (args) d.args = args;
    return d;
  }

  private block(): A.Block {
    if (this.s.type !== T.LBrace) throw GIVE_UP;
    const open = this.open();
    const base = this.top;
    for (let type = this.s.type; type === T.Bang || type === T.StringTok || IS_NAME.has(type); type = this.s.type) this.push(this.member());
    const members = this.popFrom<A.Member>(base);
    const close = this.close(T.RBrace);
    return { kind: "Block", members, closed: true, span: spanCovering(open, close) };
  }

  /** A key element: a name, or a quoted key such as `"app.kubernetes.io/tier"`. */
  private key(): A.Name {
    if (this.accept(T.StringTok)) return this.quotedKey();
    return this.name();
  }

  private member(): A.Member {
    const bang = this.accept(T.Bang) ? this.sp() : undefined;
    const first = this.key();
    const path: A.Name[] = [first];
    while (this.accept(T.Dot)) path.push(this.key());
    const keyLine = this.prevLine;
    const type = this.s.type;
    // chevrotain's memberTail: its gate, then the first tokens of its alternatives.
    const onKeyLine = this.s.line === keyLine;
    let m: A.Member;
    if (type === T.Equals) m = this.assign(path, first);
    else if (type === T.Colon) m = this.fieldDecl(first);
    else if (type === T.LBrace) {
      const body = this.block();
      m = { kind: "Nested", path, body, doc: this.docs(first.span.start), span: spanCovering(first.span, body.span) };
    } else if (onKeyLine && (type === T.In || type === T.NotIn)) {
      this.next();
      const op = type === T.In ? "in" : "notin";
      const value = this.primary();
      m = { kind: "Directive", path, args: [value], op, span: spanCovering(first.span, value.span) };
    } else if (onKeyLine && startsPrimary(type)) m = this.directive(path, first, keyLine);
    else m = { kind: "Directive", path, args: [], span: spanCovering(first.span, path[path.length - 1]!.span) };
    this.accept(T.Semi);
    if (!bang) return m;
    // `!key` is a bare key only; anything after it is kept (and reported by the checker) as written.
    const span = spanCovering(bang, m.span);
    return m.kind === "Directive" && m.args.length === 0 && !m.op ? { ...m, op: "!", span } : { ...m, span };
  }

  private assign(path: A.Name[], first: A.Name): A.Assign {
    this.next();
    // A value starts on the line of its `=`; without one chevrotain's parser reports it.
    if (this.s.line !== this.prevLine || !startsExpr(this.s.type)) throw GIVE_UP;
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
    const base = this.top;
    this.push(this.primary());
    while (this.s.line === keyLine && startsPrimary(this.s.type)) this.push(this.primary());
    const args = this.popFrom<A.Expr>(base);
    const arrow = this.accept(T.Arrow) ? this.primary() : undefined;
    return { kind: "Directive", path, args, arrow, span: spanCovering(first.span, (arrow ?? args[args.length - 1]!).span) };
  }

  private typeRef(): A.TypeRef {
    const name = this.name();
    const args: A.TypeRef[] = [];
    if (this.s.type === T.Lt) {
      this.open();
      args.push(this.typeRef());
      while (this.accept(T.Comma)) args.push(this.typeRef());
      this.close(T.Gt);
    }
    const q = this.accept(T.Question) ? this.sp() : undefined;
    return { kind: "TypeRef", name, args, optional: q !== undefined, span: spanCovering(name.span, q ?? name.span) };
  }
}

// The expression half of the parser: values after `=` (`if` expressions and their conditions,
// ranges, lists, references and calls) and the span helpers. KdslParser (parser.ts) extends it
// with items, blocks and members; the split only keeps each file small (chevrotain rules must be
// members of one parser class, so the halves are a base class and its subclass).
import { EmbeddedActionsParser, type IOrAlt, type IToken, type ParserMethod } from "chevrotain";
import * as T from "./chevrotain-tokens.ts";
import type * as A from "./ast.ts";
import type { Span } from "./span.ts";
import { spanCovering, TreeSpan, type LineIndex } from "./span.ts";
import { decodeString } from "./strings.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

export abstract class ExprParser extends EmbeddedActionsParser {
  file = "";
  /** The file's line index, shared by every span of its tree (see TreeSpan). */
  lines: LineIndex = { file: "", starts: [0] };
  extra: Diagnostic[] = [];
  /** Rules of the subclass that expressions use. */
  protected abstract primary: ParserMethod<[], A.Expr>;
  protected abstract name: ParserMethod<[], A.Name>;

  protected sp(t: IToken): Span {
    if (!Number.isNaN(t.startOffset)) return new TreeSpan(this.lines, t.startOffset, (t.endOffset ?? t.startOffset) + 1);
    // A token recovery inserted has no position: use an empty span right after the last real one.
    const prev = this.LA(0);
    const at = Number.isNaN(prev.startOffset) ? 0 : (prev.endOffset ?? prev.startOffset) + 1;
    return new TreeSpan(this.lines, at, at);
  }

  // Rule invocations are most of chevrotain's cost per token, so the common value (a primary,
  // maybe a range) is parsed inside `expr` rather than in a rule of its own, and the hot rules'
  // alternatives are cached arrays (the closures use only `this`), not allocated per call.
  private exprAlts?: IOrAlt<A.Expr>[];
  private callOrRefAlts?: IOrAlt<A.Expr>[];
  /** The identifier refOrCall has consumed, for its cached alternatives. */
  private head?: IToken;

  protected expr = this.RULE("expr", (): A.Expr => {
    return this.OR((this.exprAlts ??= [
      { ALT: () => this.SUBRULE(this.ifExpr) },
      {
        ALT: () => {
          const from = this.SUBRULE(this.primary);
          // `to` continues a range only on the same line: a next member may be named `to`.
          const to = this.OPTION(this.rangeTail);
          if (this.RECORDING_PHASE || to === undefined) return from;
          return { kind: "Range", from, to, span: this.cover2(from?.span, to?.span) };
        },
      },
    ]));
  });

  private rangeTail = {
    GATE: (): boolean => this.LA(1).startLine === this.LA(0).endLine,
    DEF: (): A.Expr => {
      this.CONSUME(T.To);
      return this.SUBRULE2(this.primary);
    },
  };

  protected ifExpr = this.RULE("ifExpr", (): A.Expr => {
    const kw = this.CONSUME(T.If);
    const cond = this.SUBRULE(this.condition);
    this.CONSUME(T.Then);
    const then = this.SUBRULE(this.expr);
    this.CONSUME(T.Else);
    const otherwise = this.SUBRULE2(this.expr);
    return this.ACTION((): A.Expr => ({ kind: "If", cond, then, else: otherwise, span: this.cover(kw, otherwise?.span ?? then?.span ?? cond?.span) }));
  });

  /** `a or b`: `and` binds tighter, both left-associative. */
  protected condition = this.RULE("condition", (): A.Condition => {
    let left = this.SUBRULE(this.conjunction);
    this.MANY(() => {
      this.CONSUME(T.Or);
      const right = this.SUBRULE2(this.conjunction);
      this.ACTION(() => {
        left = { kind: "Logic", op: "or", left, right, span: this.cover2(left?.span, right?.span) };
      });
    });
    return left;
  });

  protected conjunction = this.RULE("conjunction", (): A.Condition => {
    let left = this.SUBRULE(this.comparison);
    this.MANY(() => {
      this.CONSUME(T.And);
      const right = this.SUBRULE2(this.comparison);
      this.ACTION(() => {
        left = { kind: "Logic", op: "and", left, right, span: this.cover2(left?.span, right?.span) };
      });
    });
    return left;
  });

  protected comparison = this.RULE("comparison", (): A.Condition => {
    const subject = this.SUBRULE(this.name);
    const op = this.OR([
      { ALT: () => this.CONSUME(T.EqEq) },
      { ALT: () => this.CONSUME(T.NotEq) },
      { ALT: () => this.CONSUME(T.In) },
      { ALT: () => this.CONSUME(T.NotIn) },
    ]);
    const value = this.SUBRULE(this.primary);
    return this.ACTION((): A.Condition => ({ kind: "Compare", subject, op: op.image as "==" | "!=" | "in" | "notin", value, span: this.cover2(subject?.span, value?.span ?? (op ? this.sp(op) : undefined)) }));
  });

  protected list = this.RULE("list", (): A.Expr => {
    const open = this.CONSUME(T.LBracket);
    const items: A.Expr[] = [];
    this.MANY(() => {
      items.push(this.SUBRULE(this.expr));
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    const close = this.CONSUME(T.RBracket);
    return this.ACTION((): A.Expr => ({ kind: "List", items: items.filter(Boolean), span: spanCovering(this.sp(open), close.isInsertedInRecovery ? (items[items.length - 1]?.span ?? this.sp(open)) : this.sp(close)) }));
  });

  protected refOrCall = this.RULE("refOrCall", (): A.Expr => {
    this.head = this.CONSUME(T.Ident);
    return this.OR((this.callOrRefAlts ??= [
      {
        ALT: () => {
          const head = this.head!;
          this.CONSUME(T.LParen);
          const args: A.Expr[] = [];
          this.MANY(() => {
            args.push(this.SUBRULE(this.expr));
            this.OPTION(() => this.CONSUME(T.Comma));
          });
          const close = this.CONSUME(T.RParen);
          return this.ACTION((): A.Expr => {
            const callee: A.Name = { kind: "Name", text: head.image, span: this.sp(head) };
            return { kind: "Call", callee, args: args.filter(Boolean), span: spanCovering(callee.span, close.isInsertedInRecovery ? (args[args.length - 1]?.span ?? callee.span) : this.sp(close)) };
          });
        },
      },
      {
        ALT: () => {
          const head = this.head!;
          const path: A.Name[] = [];
          this.ACTION(() => path.push({ kind: "Name", text: head.image, span: this.sp(head) }));
          this.MANY2(() => {
            this.CONSUME(T.Dot);
            path.push(this.SUBRULE(this.name));
          });
          return this.ACTION((): A.Expr => {
            const parts = path.filter(Boolean);
            return { kind: "Ref", path: parts, span: spanCovering(parts[0]!.span, parts[parts.length - 1]!.span) };
          });
        },
      },
    ]));
  });

  protected stringLit(t: IToken): A.StringLit {
    const span = this.sp(t);
    const decoded = decodeString(t.image, span);
    this.extra.push(...decoded.diagnostics);
    return { kind: "String", parts: decoded.parts, span };
  }

  protected cover(first: IToken, last: Span | undefined): Span {
    const a = this.sp(first);
    return last ? spanCovering(a, last) : a;
  }

  protected cover2(first: Span | undefined, last: Span | undefined): Span {
    const a = first ?? last ?? new TreeSpan(this.lines, 0, 0);
    // A part recovery left out can come back as a placeholder at the file's start: never let a
    // span end before it begins.
    return last && last.end >= a.start ? spanCovering(a, last) : a;
  }
}

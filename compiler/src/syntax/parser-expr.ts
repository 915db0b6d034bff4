// The expression half of the parser: values after `=` (`if` expressions and their conditions,
// ranges, lists, references and calls) and the span helpers. KdslParser (parser.ts) extends it
// with items, blocks and members; the split only keeps each file small (chevrotain rules must be
// members of one parser class, so the halves are a base class and its subclass).
import { EmbeddedActionsParser, type IOrAlt, type IToken, type ParserMethod } from "chevrotain";
import * as T from "./chevrotain-tokens.ts";
import type * as A from "./ast.ts";
import type { Span } from "./span.ts";
import { spanCovering, TreeSpan, type LineIndex } from "./span.ts";
import { decodeKey, decodeString } from "./strings.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { MAX_DEPTH } from "./limits.ts";

/** Thrown where nesting passes MAX_DEPTH: parseWithRecovery cuts the input at `token` and parses again. */
export class TooDeep extends Error {
  constructor(readonly token: IToken) {
    super(`nesting deeper than ${MAX_DEPTH} levels`);
  }
}

export abstract class ExprParser extends EmbeddedActionsParser {
  file = "";
  /** The file's line index, shared by every span of its tree (see TreeSpan). */
  lines: LineIndex = { file: "", starts: [0] };
  extra: Diagnostic[] = [];
  /**
   * Levels open around the current token, counted as the fast parser counts them (FastExprParser.depth):
   * brackets, `if`s, and every `and`/`or` of the condition being read. A rule that adds levels
   * restores the count in `finally`, since recovery may leave a rule anywhere.
   */
  depth = 0;
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

  /** One level deeper at `t` (past MAX_DEPTH the parse stops: TooDeep); returns the depth before, to restore. */
  protected enter(t: IToken): number {
    const before = this.depth;
    if (this.RECORDING_PHASE) return before;
    // A token recovery inserted has no position: the limit is crossed at the token it stands before.
    if (++this.depth > MAX_DEPTH) throw new TooDeep(t.isInsertedInRecovery ? this.LA(1) : t);
    return before;
  }

  // Rule invocations are most of chevrotain's cost per token, so the common value (a primary,
  // maybe a range) is parsed inside `expr` rather than in a rule of its own, and the hot rules'
  // alternatives are cached arrays (the closures use only `this`), not allocated per call.
  private exprAlts?: IOrAlt<A.Expr>[];
  private callOrRefAlts?: IOrAlt<A.Expr>[];
  private segmentAlts?: IOrAlt<A.Name>[];
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
    // Not a bracket, but it nests: counted so that a chain of `if`s cannot exhaust the stack.
    const depth = this.enter(kw);
    try {
      const cond = this.SUBRULE(this.condition);
      this.CONSUME(T.Then);
      const then = this.SUBRULE(this.expr);
      this.CONSUME(T.Else);
      const otherwise = this.SUBRULE2(this.expr);
      return this.ACTION((): A.Expr => ({ kind: "If", cond, then, else: otherwise, span: this.cover(kw, otherwise?.span ?? then?.span ?? cond?.span) }));
    } finally {
      this.depth = depth;
    }
  });

  /**
   * `a or b`: `and` binds tighter, both left-associative. Every `and` and `or` counts one level until
   * the condition ends: n operators make a tree at most n deep (a chain of them nests to the left).
   */
  protected condition = this.RULE("condition", (): A.Condition => {
    const depth = this.depth;
    try {
      let left = this.SUBRULE(this.conjunction);
      this.MANY(() => {
        this.enter(this.CONSUME(T.Or));
        const right = this.SUBRULE2(this.conjunction);
        this.ACTION(() => {
          left = { kind: "Logic", op: "or", left, right, span: this.cover2(left?.span, right?.span) };
        });
      });
      return left;
    } finally {
      this.depth = depth;
    }
  });

  protected conjunction = this.RULE("conjunction", (): A.Condition => {
    let left = this.SUBRULE(this.comparison);
    this.MANY(() => {
      this.enter(this.CONSUME(T.And)); // restored where the condition ends
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
    const depth = this.enter(open);
    try {
      const items: A.Expr[] = [];
      this.MANY(() => {
        items.push(this.SUBRULE(this.expr));
        this.OPTION(() => this.CONSUME(T.Comma));
      });
      const close = this.CONSUME(T.RBracket);
      return this.ACTION((): A.Expr => ({ kind: "List", items: items.filter(Boolean), span: spanCovering(this.sp(open), close.isInsertedInRecovery ? (items[items.length - 1]?.span ?? this.sp(open)) : this.sp(close)) }));
    } finally {
      this.depth = depth;
    }
  });

  protected refOrCall = this.RULE("refOrCall", (): A.Expr => {
    this.head = this.CONSUME(T.Ident);
    return this.OR((this.callOrRefAlts ??= [
      {
        ALT: () => {
          const head = this.head!;
          const depth = this.enter(this.CONSUME(T.LParen));
          try {
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
          } finally {
            this.depth = depth;
          }
        },
      },
      {
        ALT: () => {
          const head = this.head!;
          const path: A.Name[] = [];
          this.ACTION(() => path.push({ kind: "Name", text: head.image, span: this.sp(head) }));
          this.MANY2(() => {
            this.CONSUME(T.Dot);
            // A name, or a quoted key that holds dots: `creds."tls.key"` (as fast-expr.ts reads it).
            path.push(this.OR2((this.segmentAlts ??= [{ ALT: () => this.SUBRULE(this.name) }, { ALT: () => this.quotedSegment(this.CONSUME(T.StringTok)) }])));
          });
          return this.ACTION((): A.Expr => {
            const parts = path.filter(Boolean);
            return { kind: "Ref", path: parts, span: spanCovering(parts[0]!.span, parts[parts.length - 1]!.span) };
          });
        },
      },
    ]));
  });

  /** `"tls.key"` after a dot in a reference: a Name with the quotes in its span, absent when recovery invented it. */
  private quotedSegment(t: IToken): A.Name {
    if (this.RECORDING_PHASE || t.isInsertedInRecovery) return undefined as unknown as A.Name;
    return this.quotedKey(t);
  }

  /** A quoted key (a member's or a reference's): keys are not interpolated, so a `${` is reported. */
  protected quotedKey(t: IToken): A.Name {
    const span = this.sp(t);
    const key = decodeKey(t.image, span);
    if (key.diagnostics.length > 0) this.extra.push(...key.diagnostics);
    return { kind: "Name", text: key.text, span };
  }

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

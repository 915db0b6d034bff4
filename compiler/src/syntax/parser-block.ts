// Blocks, members and the values in them: the half of the parser that every declaration's body
// goes through, hence its hottest part. KdslParser (parser.ts) adds the items on top; expressions
// are in parser-expr.ts. (chevrotain rules must be members of one parser class, so the parts are a
// chain of base classes.)
import { type IOrAlt, type IToken } from "chevrotain";
import { ExprParser } from "./parser-expr.ts";
import * as T from "./chevrotain-tokens.ts";
import type * as A from "./ast.ts";
import { spanCovering } from "./span.ts";
import { diag } from "../diagnostics/catalogue.ts";

export abstract class BlockParser extends ExprParser {
  docs: (offset: number) => string | undefined = () => undefined;
  private keyAlts?: IOrAlt<A.Name>[];
  private dottedKeyAlts?: IOrAlt<A.Name>[];
  private primaryAlts?: IOrAlt<A.Expr>[];

  /** A name in a position where keywords are fine too (`labels { kind = "x" }`). */
  protected name = this.RULE("name", (): A.Name => {
    const t = this.CONSUME(T.AnyName);
    // A name recovery invented is absent, not empty: nothing downstream should see "".
    return (this.RECORDING_PHASE || t.isInsertedInRecovery ? undefined : { kind: "Name", text: t.image, span: this.sp(t) }) as A.Name;
  });

  protected block = this.RULE("block", (): A.Block => {
    const open = this.CONSUME(T.LBrace);
    const depth = this.enter(open);
    try {
      const members: A.Member[] = [];
      this.MANY(() => {
        const m = this.SUBRULE(this.member);
        if (m) members.push(m);
      });
      const close = this.CONSUME(T.RBrace);
      if (this.RECORDING_PHASE) return undefined as never;
      const closed = !close.isInsertedInRecovery;
      const end = closed ? this.sp(close) : (members[members.length - 1]?.span ?? this.sp(open));
      return { kind: "Block", members, closed, span: spanCovering(this.sp(open), end) };
    } finally {
      this.depth = depth;
    }
  });

  /** One key element: a name, or a quoted key such as `"app.kubernetes.io/tier"` (absent when recovery invented it). */
  private keyOf(t: IToken, quoted: boolean): A.Name {
    if (this.RECORDING_PHASE || t.isInsertedInRecovery) return undefined as unknown as A.Name;
    return quoted ? this.quotedKey(t) : { kind: "Name", text: t.image, span: this.sp(t) };
  }

  // The member being parsed, for its cached alternatives: each alternative reads these before it
  // parses anything nested (a nested block's members overwrite them). Allocating the five
  // alternatives, their gates and option objects anew for every member was a good part of the
  // parser's garbage.
  private mPath: A.Name[] = [];
  private mFirst?: A.Name;
  private mKeyLine = 0;
  private mEq?: IToken;
  private onKeyLine = (): boolean => this.LA(1).startLine === this.mKeyLine;

  private member = this.RULE("member", (): A.Member => {
    // `!canary` in a selector: the label must be absent.
    const bang = this.OPTION6(this.bangOpt);
    // Keys are parsed here rather than in a rule of their own: two rule invocations less per member.
    const first = this.OR3((this.keyAlts ??= [{ ALT: () => this.keyOf(this.CONSUME(T.AnyName), false) }, { ALT: () => this.keyOf(this.CONSUME(T.StringTok), true) }]));
    const path: A.Name[] = [first];
    this.mPath = path;
    this.MANY(this.dottedKey);
    this.mFirst = first;
    this.mKeyLine = this.LA(0).endLine ?? 0;
    const m = this.OPTION4(this.memberTail) as A.Member | undefined;
    this.OPTION3(this.semiOpt);
    if (this.RECORDING_PHASE) return undefined as unknown as A.Member;
    // A key recovery had to invent (absent) makes the member meaningless: drop it, the syntax
    // error says what is wrong.
    if (!first || path.some((p) => !p)) return undefined as unknown as A.Member;
    const member = m ?? { kind: "Directive", path, args: [], span: this.cover2(first?.span, path[path.length - 1]?.span) };
    if (!bang) return member;
    // `!key` is a bare key only; anything after it is kept (and reported by the checker) as written.
    const span = spanCovering(this.sp(bang), member.span);
    return member.kind === "Directive" && member.args.length === 0 && !member.op ? { ...member, op: "!", span } : { ...member, span };
  });

  private bangOpt = (): IToken => this.CONSUME(T.Bang);
  private semiOpt = (): IToken => this.CONSUME(T.Semi);
  private dottedKey = (): void => {
    this.CONSUME(T.Dot);
    this.mPath.push(this.OR4((this.dottedKeyAlts ??= [{ ALT: () => this.keyOf(this.CONSUME2(T.AnyName), false) }, { ALT: () => this.keyOf(this.CONSUME2(T.StringTok), true) }])));
  };

  /** What follows a member's key: `= value`, `: Type [= default]`, `{ block }`, `in`/`notin`, or directive arguments. */
  private memberTail = {
    GATE: (): boolean => {
      const t = this.LA(1);
      return t.tokenType === T.Equals || t.tokenType === T.Colon || t.tokenType === T.LBrace || t.startLine === this.mKeyLine;
    },
    DEF: (): A.Member => this.OR(this.memberAlts),
  };

  private memberAlts: IOrAlt<A.Member>[] = [
    {
      ALT: () => {
        const path = this.mPath;
        const first = this.mFirst;
        const eq = (this.mEq = this.CONSUME(T.Equals));
        // A value starts on the line of its `=`: a forgotten value then reads as one error, not two.
        const value = this.OPTION5(this.assignedValue);
        if (this.RECORDING_PHASE) return undefined as unknown as A.Member;
        if (value === undefined && !eq.isInsertedInRecovery) this.extra.push(diag("KD1004", this.sp(eq), `expected a value after \`=\``, { label: "no value on this line" }));
        return { kind: "Assign", path, value, span: this.cover2(first?.span, value?.span) };
      },
    },
    {
      ALT: () => {
        const first = this.mFirst;
        this.CONSUME(T.Colon);
        const type = this.SUBRULE(this.typeRef);
        const def = this.OPTION(() => {
          this.CONSUME2(T.Equals);
          return this.SUBRULE2(this.expr);
        });
        return this.ACTION(
          (): A.Member => ({ kind: "FieldDecl", name: first!, type, default: def, doc: first ? this.docs(first.span.start) : undefined, span: this.cover2(first?.span, def?.span ?? type?.span) }),
        );
      },
    },
    {
      ALT: () => {
        const path = this.mPath;
        const first = this.mFirst;
        const body = this.SUBRULE(this.block);
        // Recovery may leave the block out; the tree promises one, so it gets an empty block.
        return this.ACTION((): A.Member => ({ kind: "Nested", path, body: body ?? { kind: "Block", members: [], closed: false, span: this.cover2(first?.span, undefined) }, doc: first ? this.docs(first.span.start) : undefined, span: this.cover2(first?.span, body?.span) }));
      },
    },
    {
      // Selector set forms: `env in ["prod", "staging"]`, `env notin ["dev"]`.
      ALT: () => {
        const path = this.mPath;
        const first = this.mFirst;
        const op = this.OR2([{ ALT: () => this.CONSUME(T.In) }, { ALT: () => this.CONSUME(T.NotIn) }]);
        const value = this.SUBRULE4(this.primary);
        return this.ACTION((): A.Member => ({ kind: "Directive", path, args: value ? [value] : [], op: op.image === "in" ? "in" : "notin", span: this.cover2(first?.span, value?.span ?? this.sp(op)) }));
      },
    },
    {
      // Directive arguments must start on the key's line, so a directive without arguments
      // never swallows the next member.
      GATE: this.onKeyLine,
      ALT: () => {
        const path = this.mPath;
        const first = this.mFirst;
        const args: A.Expr[] = [this.SUBRULE(this.primary)];
        this.MANY2({
          GATE: this.onKeyLine,
          DEF: () => {
            args.push(this.SUBRULE2(this.primary));
          },
        });
        const arrow = this.OPTION2(() => {
          this.CONSUME(T.Arrow);
          return this.SUBRULE3(this.primary);
        });
        return this.ACTION((): A.Member => {
          const present = args.filter(Boolean);
          const last = arrow?.span ?? present[present.length - 1]?.span;
          return { kind: "Directive", path, args: present, arrow, span: this.cover2(first?.span, last) };
        });
      },
    },
  ];

  private assignedValue = {
    GATE: (): boolean => this.LA(1).startLine === this.mEq!.endLine,
    DEF: (): A.Expr => this.SUBRULE(this.expr),
  };

  protected typeRef = this.RULE("typeRef", (): A.TypeRef => {
    const name = this.SUBRULE(this.name);
    const args: A.TypeRef[] = [];
    const depth = this.depth;
    try {
      this.OPTION(() => {
        this.enter(this.CONSUME(T.Lt));
        args.push(this.SUBRULE(this.typeRef));
        this.MANY(() => {
          this.CONSUME(T.Comma);
          args.push(this.SUBRULE2(this.typeRef));
        });
        this.CONSUME(T.Gt);
      });
    } finally {
      this.depth = depth;
    }
    const q = this.OPTION2(() => this.CONSUME(T.Question));
    return this.ACTION(() => ({ kind: "TypeRef", name, args, optional: q !== undefined, span: this.cover2(name?.span, q ? this.sp(q) : name?.span) }));
  });

  protected primary = this.RULE("primary", (): A.Expr => {
    return this.OR((this.primaryAlts ??= [
      {
        ALT: () => {
          const s = this.CONSUME(T.StringTok);
          return this.RECORDING_PHASE ? (undefined as never) : this.stringLit(s);
        },
      },
      {
        ALT: () => {
          const s = this.CONSUME(T.UnterminatedString);
          return this.RECORDING_PHASE ? (undefined as never) : this.stringLit(s);
        },
      },
      {
        ALT: () => {
          const n = this.CONSUME(T.NumberTok);
          return this.RECORDING_PHASE ? (undefined as never) : { kind: "Number", value: Number(n.image), raw: n.image, span: this.sp(n) };
        },
      },
      {
        ALT: () => {
          const q = this.CONSUME(T.Quantity);
          return this.RECORDING_PHASE ? (undefined as never) : { kind: "Quantity", raw: q.image, span: this.sp(q) };
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.True);
          return this.ACTION((): A.Expr => ({ kind: "Bool", value: true, span: this.sp(t) }));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.False);
          return this.ACTION((): A.Expr => ({ kind: "Bool", value: false, span: this.sp(t) }));
        },
      },
      { ALT: () => this.SUBRULE(this.list) },
      { ALT: () => this.SUBRULE(this.refOrCall) },
    ]));
  });
}

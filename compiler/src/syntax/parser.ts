// Tokens → syntax tree, with chevrotain's error recovery: one run reports every syntax error it
// can and always returns a tree. Rules build the typed tree directly (embedded actions); anything
// recovery drops is left absent. Doc comments (`///`) are attached to the item or field after them.
// The hottest rules test `this.RECORDING_PHASE` (chevrotain's documented flag for code that must
// not run while it records the grammar) instead of wrapping the node in ACTION(() => ...): the
// same effect without a closure per call.
import { type IOrAlt, type IToken } from "chevrotain";
import { BlockParser } from "./parser-block.ts";
import { messages } from "./parse-errors.ts";
import * as T from "./chevrotain-tokens.ts";
import type * as A from "./ast.ts";
import type { Span } from "./span.ts";
import { spanCovering } from "./span.ts";
import { diag } from "../diagnostics/catalogue.ts";

class KdslParser extends BlockParser {
  /**
   * `validate` runs chevrotain's grammar checks (ambiguities, left recursion): tens of
   * milliseconds at every start, so the product skips them and a test runs them (checkGrammar).
   */
  constructor(validate = false) {
    super(T.ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messages, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  public sourceFile = this.RULE("sourceFile", (): A.Item[] => {
    const items: A.Item[] = [];
    this.MANY(() => {
      this.OR2([
        {
          ALT: () => {
            const item = this.SUBRULE(this.item);
            if (item) items.push(item);
          },
        },
        // `app a; service s { ... }`: reported, and the file read on (chevrotain's own recovery
        // said "expected EOF" here).
        { ALT: () => this.straySemicolon(this.CONSUME(T.Semi)) },
      ]);
    });
    return items;
  });

  private straySemicolon(semi: IToken): void {
    if (this.RECORDING_PHASE) return;
    const span = this.sp(semi);
    this.extra.push(
      diag("KD1004", span, "declarations are separated by new lines, not `;`", {
        label: "a `;` between declarations",
        hints: ["remove the `;` and start the next declaration on a line of its own."],
        fixes: [{ title: "Remove the `;`", edits: [{ span, newText: "" }] }],
      }),
    );
  }

  // Hot rules pass chevrotain a cached array of alternatives (the closures use only `this`) instead
  // of allocating one per call, as chevrotain's performance guide recommends.
  private itemAlts?: IOrAlt<A.Item>[];

  private item = this.RULE("item", (): A.Item => {
    return this.OR((this.itemAlts ??= [
      { ALT: () => this.SUBRULE(this.appDecl) },
      { ALT: () => this.SUBRULE(this.useDecl) },
      { ALT: () => this.SUBRULE(this.templateDecl) },
      { ALT: () => this.SUBRULE(this.profileDecl) },
      { ALT: () => this.SUBRULE(this.kindDecl) },
      { ALT: () => this.SUBRULE(this.decl) },
    ]));
  });

  private appDecl = this.RULE("appDecl", (): A.AppDecl => {
    const kw = this.CONSUME(T.App);
    const name = this.OPTION(() => this.SUBRULE(this.name));
    const body = this.OPTION2(() => this.SUBRULE(this.block));
    return this.ACTION(() => ({ kind: "App", name, body, doc: this.docs(kw.startOffset), span: this.cover(kw, body?.span ?? name?.span) }));
  });

  private useDecl = this.RULE("useDecl", (): A.UseDecl => {
    const kw = this.CONSUME(T.Use);
    let path: string | undefined;
    let pathSpan: Span | undefined;
    this.OR([
      {
        ALT: () => {
          const s = this.CONSUME(T.StringTok);
          this.ACTION(() => {
            path = s.image.slice(1, -1);
            pathSpan = this.sp(s);
          });
        },
      },
      {
        ALT: () => {
          const first = this.CONSUME(T.Ident);
          let last = first;
          let text = first.image;
          this.MANY(() => {
            this.CONSUME(T.Slash);
            last = this.CONSUME2(T.Ident);
            text += "/" + last.image;
          });
          this.ACTION(() => {
            path = text;
            pathSpan = spanCovering(this.sp(first), this.sp(last));
          });
          // `use std/web.kdsl`: reported as such, and read as `use std/web` (not three errors).
          this.OPTION(() => {
            const dot = this.CONSUME(T.Dot);
            const ext = this.CONSUME3(T.AnyName);
            this.ACTION(() => this.moduleSuffix(text, dot, ext));
          });
        },
      },
    ]);
    return this.ACTION(() => ({ kind: "Use", path, pathSpan, span: this.cover(kw, pathSpan) }));
  });

  private moduleSuffix(path: string, dot: IToken, ext: IToken): void {
    if (ext.isInsertedInRecovery) return;
    const span = spanCovering(this.sp(dot), this.sp(ext));
    this.extra.push(
      diag("KD1004", span, `a module path is written without \`.${ext.image}\``, {
        label: "not part of a module path",
        hints: [`write \`use ${path}\`, or quote a file's path: \`use "./x.kdsl"\`.`],
        fixes: [{ title: `Remove \`.${ext.image}\``, edits: [{ span, newText: "" }] }],
      }),
    );
  }

  private templateDecl = this.RULE("templateDecl", (): A.TemplateDecl => {
    const kw = this.CONSUME(T.Template);
    const name = this.SUBRULE(this.name);
    const params = this.OPTION3(() => this.SUBRULE(this.params));
    let args: A.Arg[] | undefined;
    const from = this.OPTION2(() => {
      this.CONSUME(T.From);
      const n = this.SUBRULE3(this.name);
      args = this.OPTION4(() => this.SUBRULE(this.args));
      return n;
    });
    const forKind = this.OPTION(() => {
      this.CONSUME(T.For);
      return this.SUBRULE2(this.name);
    });
    const body = this.SUBRULE(this.block);
    return this.ACTION(() => {
      const t: { -readonly [K in keyof A.TemplateDecl]: A.TemplateDecl[K] } = { kind: "Template", name, from, for: forKind, body, doc: this.docs(kw.startOffset), span: this.cover(kw, body?.span ?? name?.span) };
      if (params) t.params = params;
      if (args) t.args = args;
      return t;
    });
  });

  /** `(port: Int = 8080, path: String)` after a template's name. */
  private params = this.RULE("params", (): A.Param[] => {
    const depth = this.enter(this.CONSUME(T.LParen));
    try {
      const out: A.Param[] = [];
      this.MANY(() => {
        const name = this.SUBRULE(this.name);
        this.CONSUME(T.Colon);
        const type = this.SUBRULE(this.typeRef);
        const def = this.OPTION(() => {
          this.CONSUME(T.Equals);
          return this.SUBRULE(this.expr);
        });
        this.ACTION(() => {
          if (name) out.push({ kind: "Param", name, type, default: def, doc: this.docs(name.span.start), span: this.cover2(name.span, def?.span ?? type?.span) });
        });
        this.OPTION2(() => this.CONSUME(T.Comma));
      });
      this.CONSUME(T.RParen);
      return out;
    } finally {
      this.depth = depth;
    }
  });

  /** `(port = 9090, path = "/ready")` after `from <template>`. */
  private args = this.RULE("args", (): A.Arg[] => {
    const depth = this.enter(this.CONSUME(T.LParen));
    try {
      const out: A.Arg[] = [];
      this.MANY(() => {
        const name = this.SUBRULE(this.name);
        this.CONSUME(T.Equals);
        const value = this.SUBRULE(this.expr);
        this.ACTION(() => {
          if (name) out.push({ kind: "Arg", name, value, span: this.cover2(name.span, value?.span) });
        });
        this.OPTION(() => this.CONSUME(T.Comma));
      });
      this.CONSUME(T.RParen);
      return out;
    } finally {
      this.depth = depth;
    }
  });

  private profileDecl = this.RULE("profileDecl", (): A.ProfileDecl => {
    const kw = this.CONSUME(T.Profile);
    const name = this.SUBRULE(this.name);
    const body = this.SUBRULE(this.block);
    return this.ACTION(() => ({ kind: "Profile", name, body, doc: this.docs(kw.startOffset), span: this.cover(kw, body?.span ?? name?.span) }));
  });

  private kindDecl = this.RULE("kindDecl", (): A.KindDecl => {
    const kw = this.CONSUME(T.Kind);
    const name = this.SUBRULE(this.name);
    const body = this.SUBRULE(this.block);
    return this.ACTION(() => ({ kind: "Kind", name, body, doc: this.docs(kw.startOffset), span: this.cover(kw, body?.span ?? name?.span) }));
  });

  private decl = this.RULE("decl", (): A.Decl => {
    const kw = this.CONSUME(T.Ident);
    const name = this.SUBRULE(this.name);
    let args: A.Arg[] | undefined;
    const from = this.OPTION(() => {
      this.CONSUME(T.From);
      const n = this.SUBRULE2(this.name);
      args = this.OPTION2(() => this.SUBRULE(this.args));
      return n;
    });
    const body = this.SUBRULE(this.block);
    return this.ACTION(() => {
      const keyword: A.Name = { kind: "Name", text: kw.image, span: this.sp(kw) };
      const d: { -readonly [K in keyof A.Decl]: A.Decl[K] } = { kind: "Decl", keyword, name, from, body, doc: this.docs(kw.startOffset), span: this.cover(kw, body?.span ?? from?.span ?? name?.span) };
      if (args) d.args = args;
      return d;
    });
  });
}

let shared: KdslParser | undefined;

/** One parser instance: chevrotain's grammar analysis is the costly part and is done once. */
export function parserInstance(): KdslParser {
  return (shared ??= new KdslParser());
}

/** Builds the parser with chevrotain's grammar validations on; throws on a grammar error. */
export function checkGrammar(): void {
  new KdslParser(true);
}

export type { KdslParser };

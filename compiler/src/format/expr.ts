// Expressions. Literals are copied from the source exactly as written (strings keep their escapes
// and interpolations, numbers and quantities their spelling). Only lists ever break over lines:
// one item per line with trailing commas, when the flat form would pass the width or when the list
// holds comments. Comments elsewhere inside an expression (between call arguments, around `to`)
// cannot be printed there; they are handed back as `hoisted` for the caller to put on a line.
import type { Comment, Condition, Expr, ListLit, Name, TypeRef } from "../syntax/ast.ts";
import { distribute, partition, withHoisted } from "./comments.ts";
import { type Ctx, INDENT, fits, lastLineWidth, ownLine, pad, slice, trailingText } from "./layout.ts";

export interface Printed {
  readonly text: string;
  /** Comments the printed piece could not hold, in source order. */
  readonly hoisted: Comment[];
}

/** Where a piece starts: its column, the indentation of its line, and how much follows it there. */
export interface At {
  readonly col: number;
  readonly indent: number;
  readonly tail: number;
}

export function nameText(ctx: Ctx, n: Name): string {
  // By source slice, so quoted keys (`"app.kubernetes.io/x"`) keep their quotes and escapes.
  return slice(ctx, n.span);
}

export function pathText(ctx: Ctx, path: readonly Name[]): string {
  return path.map((n) => nameText(ctx, n)).join(".");
}

export function typeText(ctx: Ctx, t: TypeRef): string {
  const args = t.args.length > 0 ? `<${t.args.map((a) => typeText(ctx, a)).join(", ")}>` : "";
  return nameText(ctx, t.name) + args + (t.optional ? "?" : "");
}

/** The one-line form of an expression. */
export function flat(ctx: Ctx, e: Expr): string {
  switch (e.kind) {
    case "String":
    case "Number":
    case "Quantity":
      return slice(ctx, e.span);
    case "Bool":
      return e.value ? "true" : "false";
    case "Ref":
      return pathText(ctx, e.path);
    case "Call":
      return `${nameText(ctx, e.callee)}(${e.args.map((a) => flat(ctx, a)).join(", ")})`;
    case "List":
      return `[${e.items.map((a) => flat(ctx, a)).join(", ")}]`;
    case "Range":
      return flat(ctx, e.from) + (e.to ? " to " + flat(ctx, e.to) : "");
    case "If":
      return `if ${e.cond ? conditionText(ctx, e.cond) : ""} then ${e.then ? flat(ctx, e.then) : ""} else ${e.else ? flat(ctx, e.else) : ""}`;
  }
}

/** Conditions print flat; `and` binds tighter than `or`, so no parentheses are ever needed. */
function conditionText(ctx: Ctx, c: Condition): string {
  if (c.kind === "Compare") return `${nameText(ctx, c.subject)} ${c.op} ${c.value ? flat(ctx, c.value) : ""}`;
  return `${conditionText(ctx, c.left)} ${c.op} ${c.right ? conditionText(ctx, c.right) : ""}`;
}

/**
 * Prints `e` starting at `at.col`. `comments` are the comments inside e's span. When `breakable` is
 * false (a directive argument followed by more on its line) the result is always one line and all
 * comments are hoisted.
 */
export function printExpr(ctx: Ctx, e: Expr, comments: readonly Comment[], at: At, breakable = true): Printed {
  if (!breakable) return { text: flat(ctx, e), hoisted: [...comments] };
  switch (e.kind) {
    case "List":
      return printList(ctx, e, comments, at);
    case "Call":
      return printSeq(ctx, nameText(ctx, e.callee) + "(", e.args, ", ", ")", comments, at);
    case "Range":
      return printSeq(ctx, "", e.to ? [e.from, e.to] : [e.from], " to ", "", comments, at);
    default:
      // Literals and references hold no comments (a comment cannot sit inside a token).
      return { text: flat(ctx, e), hoisted: [...comments] };
  }
}

/** `open a sep b sep c close`, each part printed where it lands so that a list in it may break. */
function printSeq(ctx: Ctx, open: string, parts: readonly Expr[], sep: string, close: string, comments: readonly Comment[], at: At): Printed {
  let text = open;
  let rest = [...comments];
  const hoisted: Comment[] = [];
  parts.forEach((p, i) => {
    const [mine, others] = partition(rest, p.span);
    rest = others;
    const last = i === parts.length - 1;
    const col = (text.includes("\n") ? 0 : at.col) + lastLineWidth(text);
    const r = printExpr(ctx, p, mine, { col, indent: at.indent, tail: last ? at.tail + close.length : sep.trimEnd().length });
    text += r.text + (last ? "" : sep);
    hoisted.push(...r.hoisted);
  });
  // Comments between the parts, then those the parts could not hold: all in source order.
  const all = [...rest, ...hoisted].sort((a, b) => a.span.start - b.span.start);
  return { text: text + close, hoisted: all };
}

function printList(ctx: Ctx, list: ListLit, comments: readonly Comment[], at: At): Printed {
  if (comments.length === 0) {
    const f = flat(ctx, list);
    if (fits(at.col, f, at.tail) || list.items.length === 0) return { text: f, hoisted: [] };
  }
  const inner = at.indent + INDENT;
  const d = distribute(list.items, comments);
  const lines: string[] = [];
  list.items.forEach((item, i) => {
    const r = printExpr(ctx, item, d.inner[i]!, { col: inner, indent: inner, tail: 1 });
    for (const c of withHoisted(d.leading[i]!, r.hoisted)) lines.push(ownLine(c, inner));
    lines.push(pad(inner) + r.text + "," + trailingText(d.trailing[i]!));
  });
  for (const c of d.dangling) lines.push(ownLine(c, inner));
  return { text: "[\n" + lines.join("\n") + "\n" + pad(at.indent) + "]", hoisted: [] };
}

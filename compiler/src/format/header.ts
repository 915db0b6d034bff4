// An item's header: `template web(port: Int = 8080) from base(path = "/") for service`, or
// `service api from web(port = 9090)`. Its parameter and argument lists follow the rule for lists
// (expr.ts): on the header's line when they hold no comment and the header still fits the width,
// else one entry per line with trailing commas, each comment kept where it was: above its entry
// (so a `///` above a parameter stays that parameter's doc), after it on its line, or before `)`.
import type { Arg, Comment, Param } from "../syntax/ast.ts";
import { distribute, partition, withHoisted } from "./comments.ts";
import { type Printed, flat, nameText, printExpr, typeText } from "./expr.ts";
import { type Ctx, fits, INDENT, lastLineWidth, ownLine, pad, trailingText } from "./layout.ts";

type Entry = Param | Arg;

/** A piece of a header: words, or a parenthesised list whose `(` is the first token at or after `from`. */
export type Piece = string | { readonly entries: readonly Entry[]; readonly from: number };

/**
 * The header starting at column 0 of a line indented by `indent`, followed on its last line by
 * `tail` more columns (` {`). `comments` are the header's; those no list holds (between its
 * words) come back in `rest`, for the caller to put above the item.
 */
export function printHeader(ctx: Ctx, pieces: readonly Piece[], comments: readonly Comment[], indent: number, tail: number): { text: string; rest: Comment[] } {
  let rest = [...comments];
  const lists = pieces.map((p) => {
    if (typeof p === "string") return { flat: p, comments: [] as Comment[] };
    const [inside, outside] = insideParens(ctx, p, rest);
    rest = outside;
    return { flat: "(" + p.entries.map((e) => flatEntry(ctx, e)).join(", ") + ")", comments: inside };
  });
  let text = "";
  pieces.forEach((p, i) => {
    const { flat: f, comments: mine } = lists[i]!;
    if (typeof p === "string") {
      text += f;
      return;
    }
    const after = lists.slice(i + 1).reduce((n, l) => n + l.flat.length, 0) + tail;
    const col = text.includes("\n") ? lastLineWidth(text) : indent + text.length;
    const flatForm = mine.length === 0 && (p.entries.length === 0 || fits(col, f, after));
    text += flatForm ? f : broken(ctx, p.entries, mine, indent);
  });
  return { text, rest };
}

function flatEntry(ctx: Ctx, e: Entry): string {
  if (e.kind === "Arg") return `${nameText(ctx, e.name)} = ${e.value ? flat(ctx, e.value) : ""}`;
  return `${nameText(ctx, e.name)}: ${e.type ? typeText(ctx, e.type) : ""}${e.default ? " = " + flat(ctx, e.default) : ""}`;
}

/** `(`, one entry per line with a trailing comma, `)` at the header's indentation. */
function broken(ctx: Ctx, entries: readonly Entry[], comments: readonly Comment[], indent: number): string {
  const inner = indent + INDENT;
  const d = distribute(entries, comments);
  const lines: string[] = [];
  entries.forEach((e, i) => {
    const r = printEntry(ctx, e, d.inner[i]!, inner);
    for (const c of withHoisted(d.leading[i]!, r.hoisted)) lines.push(ownLine(c, inner));
    lines.push(pad(inner) + r.text + "," + trailingText(d.trailing[i]!));
  });
  for (const c of d.dangling) lines.push(ownLine(c, inner));
  return "(\n" + lines.join("\n") + "\n" + pad(indent) + ")";
}

/** One entry at column `indent`; its value may break (a long list), comments elsewhere in it are hoisted. */
function printEntry(ctx: Ctx, e: Entry, comments: readonly Comment[], indent: number): Printed {
  const head = e.kind === "Arg" ? `${nameText(ctx, e.name)} =` : `${nameText(ctx, e.name)}: ${e.type ? typeText(ctx, e.type) : ""}${e.default ? " =" : ""}`;
  const value = e.kind === "Arg" ? e.value : e.default;
  if (!value) return { text: head, hoisted: [...comments] };
  const [mine, outside] = partition(comments, value.span);
  const r = printExpr(ctx, value, mine, { col: indent + head.length + 1, indent, tail: 1 });
  const hoisted = [...outside, ...r.hoisted].sort((a, b) => a.span.start - b.span.start);
  return { text: `${head} ${r.text}`, hoisted };
}

/**
 * The comments between a list's `(` and `)`, and the others. The tree has no span for the
 * parentheses: they are found in the text, skipping blanks and comments (the file parsed cleanly,
 * so the first token after the name is `(`, and after the last entry and its comma, `)`).
 */
function insideParens(ctx: Ctx, list: Exclude<Piece, string>, comments: readonly Comment[]): [inside: Comment[], outside: Comment[]] {
  const open = skip(ctx, comments, list.from);
  const last = list.entries[list.entries.length - 1];
  let close = skip(ctx, comments, last ? last.span.end : open + 1);
  if (ctx.text[close] === ",") close = skip(ctx, comments, close + 1);
  if (ctx.text[open] !== "(" || ctx.text[close] !== ")") return [[], [...comments]];
  const inside: Comment[] = [];
  const outside: Comment[] = [];
  for (const c of comments) (open < c.span.start && c.span.end <= close ? inside : outside).push(c);
  return [inside, outside];
}

/** The offset of the first character at or after `pos` that is neither blank nor in a comment. */
function skip(ctx: Ctx, comments: readonly Comment[], pos: number): number {
  const text = ctx.text;
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
    const c = comments.find((x) => x.span.start === pos);
    if (!c) return pos;
    pos = c.span.end;
  }
}

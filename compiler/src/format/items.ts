// The file and its top-level items. Items are separated by exactly one blank line, except that a
// run of `use` lines keeps the source's choice (imports read best together, as in Go).
import type { Arg, Comment, Item, Param, SourceFile } from "../syntax/ast.ts";
import { distribute, partition } from "./comments.ts";
import type { Printed } from "./expr.ts";
import { flat, nameText, typeText } from "./expr.ts";
import { blankBetween, type Ctx } from "./layout.ts";
import { printBlock } from "./block.ts";
import { printSequence } from "./sequence.ts";

export function printFile(ctx: Ctx, file: SourceFile): string {
  const d = distribute(file.items, file.comments);
  const lines = printSequence(
    file.items,
    d,
    0,
    (item, _i, cs) => printItem(ctx, item, cs),
    (prev, next) => {
      if (!prev.child) return blankBetween(ctx, prev.end, next.start);
      if (prev.child.kind === "Use" && next.child?.kind === "Use") return blankBetween(ctx, prev.end, next.start);
      return true;
    },
  );
  return lines.join("\n") + "\n";
}

function printItem(ctx: Ctx, item: Item, comments: readonly Comment[]): Printed {
  const named = (n: { readonly span: { start: number; end: number } } | undefined) => (n ? " " + ctx.text.slice(n.span.start, n.span.end) : "");
  let head: string;
  switch (item.kind) {
    case "Use": {
      // `use "./x"` keeps its quotes as written; `use std / web` is normalised to `std/web`.
      const quoted = item.pathSpan && ctx.text[item.pathSpan.start] === '"';
      const path = quoted ? ctx.text.slice(item.pathSpan!.start, item.pathSpan!.end) : (item.path ?? "");
      return { text: `use ${path}`, hoisted: [...comments] };
    }
    case "App":
      head = "app" + named(item.name);
      break;
    case "Template":
      head = "template" + named(item.name) + params(ctx, item.params) + (item.from ? " from " + nameText(ctx, item.from) + args(ctx, item.args) : "") + (item.for ? " for " + nameText(ctx, item.for) : "");
      break;
    case "Profile":
      head = "profile" + named(item.name);
      break;
    case "Kind":
      head = "kind" + named(item.name);
      break;
    case "Decl":
      head = nameText(ctx, item.keyword) + named(item.name) + (item.from ? " from " + nameText(ctx, item.from) + args(ctx, item.args) : "");
      break;
  }
  if (!item.body) return { text: head, hoisted: [...comments] };
  // Comments between the header's words have no line of their own: they move above the item.
  const [mine, others] = partition(comments, item.body.span);
  return { text: head + " " + printBlock(ctx, item.body, mine, 0, head.length + 1), hoisted: others };
}

/** `(port: Int = 8080, path: String)`, always on the header's line (comments inside are hoisted). */
function params(ctx: Ctx, ps: readonly Param[] | undefined): string {
  if (!ps) return "";
  return "(" + ps.map((p) => `${nameText(ctx, p.name)}: ${p.type ? typeText(ctx, p.type) : ""}${p.default ? " = " + flat(ctx, p.default) : ""}`).join(", ") + ")";
}

function args(ctx: Ctx, as: readonly Arg[] | undefined): string {
  if (!as) return "";
  return "(" + as.map((a) => `${nameText(ctx, a.name)} = ${a.value ? flat(ctx, a.value) : ""}`).join(", ") + ")";
}

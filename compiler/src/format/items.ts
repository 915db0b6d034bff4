// The file and its top-level items. Items are separated by exactly one blank line, except that a
// run of `use` lines keeps the source's choice (imports read best together, as in Go).
import type { Arg, Comment, Item, Name, Param, SourceFile } from "../syntax/ast.ts";
import { distribute, partition } from "./comments.ts";
import type { Printed } from "./expr.ts";
import { nameText } from "./expr.ts";
import { blankBetween, type Ctx, lastLineWidth } from "./layout.ts";
import { printBlock } from "./block.ts";
import { printHeader, type Piece } from "./header.ts";
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
  let pieces: Piece[];
  switch (item.kind) {
    case "Use": {
      // `use "./x"` keeps its quotes as written; `use std / web` is normalised to `std/web`.
      const quoted = item.pathSpan && ctx.text[item.pathSpan.start] === '"';
      const path = quoted ? ctx.text.slice(item.pathSpan!.start, item.pathSpan!.end) : (item.path ?? "");
      return { text: `use ${path}`, hoisted: [...comments] };
    }
    case "App":
      pieces = ["app" + named(item.name)];
      break;
    case "Template":
      pieces = ["template" + named(item.name), ...list(item.params, item.name), ...fromPieces(ctx, item.from, item.args), ...(item.for ? [" for " + nameText(ctx, item.for)] : [])];
      break;
    case "Profile":
      pieces = ["profile" + named(item.name)];
      break;
    case "Kind":
      pieces = ["kind" + named(item.name)];
      break;
    case "Decl":
      pieces = [nameText(ctx, item.keyword) + named(item.name), ...fromPieces(ctx, item.from, item.args)];
      break;
  }
  const [mine, others] = partition(comments, item.body?.span);
  // Comments between the header's words have no line of their own: they move above the item.
  // Those inside a parameter or argument list stay in it (header.ts).
  const head = printHeader(ctx, pieces, others, 0, item.body ? 2 : 0);
  if (!item.body) return { text: head.text, hoisted: head.rest };
  return { text: head.text + " " + printBlock(ctx, item.body, mine, 0, lastLineWidth(head.text) + 1), hoisted: head.rest };
}

/** `(port: Int = 8080, path: String)` after a template's name; `(port = 9090)` after `from web`. */
function list(entries: readonly (Param | Arg)[] | undefined, after: Name | undefined): Piece[] {
  return entries && after ? [{ entries, from: after.span.end }] : [];
}

function fromPieces(ctx: Ctx, from: Name | undefined, args: readonly Arg[] | undefined): Piece[] {
  return from ? [" from " + nameText(ctx, from), ...list(args, from)] : [];
}

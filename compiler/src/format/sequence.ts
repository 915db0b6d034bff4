// A run of things printed one per line at one indentation, with the comments around them: the
// items of a file or the members of a block. Each child's leading comments (plus the comments its
// printer hoisted) come on lines of their own above it, trailing comments after it on its line,
// dangling ones after the last child. Where blank lines go is the caller's rule.
import type { Comment } from "../syntax/ast.ts";
import type { Span } from "../syntax/span.ts";
import { type Distribution, withHoisted } from "./comments.ts";
import type { Printed } from "./expr.ts";
import { isDoc, ownLine, pad, trailingText } from "./layout.ts";

/** One printed line (or multi-line piece) of a sequence, with the source range it came from. */
export interface Entry<T> {
  readonly start: number;
  readonly end: number;
  /** A `///` comment on its own line: nothing may separate it from what it documents. */
  readonly doc: boolean;
  readonly child?: T;
}

/** Whether an empty line goes between two consecutive entries. */
export type BlankRule<T> = (prev: Entry<T>, next: Entry<T>) => boolean;

export function printSequence<T extends { readonly span: Span }>(
  children: readonly T[],
  d: Distribution,
  indent: number,
  print: (child: T, index: number, inner: Comment[]) => Printed,
  blank: BlankRule<T>,
): string[] {
  const lines: string[] = [];
  let prev: Entry<T> | undefined;
  const emit = (e: Entry<T>, text: string) => {
    if (prev && !prev.doc && blank(prev, e)) lines.push("");
    lines.push(text);
    prev = e;
  };
  children.forEach((child, i) => {
    const r = print(child, i, d.inner[i]!);
    const at = child.span.start;
    const hoisted = new Set(r.hoisted);
    for (const c of withHoisted(d.leading[i]!, r.hoisted)) {
      // A hoisted comment came from inside the child: for blank lines it counts as the child's start.
      const moved = hoisted.has(c);
      emit({ start: moved ? at : c.span.start, end: moved ? at : c.span.end, doc: isDoc(c) }, ownLine(c, indent));
    }
    const trailing = d.trailing[i]!;
    const end = trailing.length > 0 ? trailing[trailing.length - 1]!.span.end : child.span.end;
    emit({ start: at, end, doc: false, child }, pad(indent) + r.text + trailingText(trailing));
  });
  for (const c of d.dangling) emit({ start: c.span.start, end: c.span.end, doc: isDoc(c) }, ownLine(c, indent));
  return lines;
}

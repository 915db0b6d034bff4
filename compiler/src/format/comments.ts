// Where each comment goes. Comments are not in the tree, so every printer is handed the comments
// inside the source range it prints and must place each one exactly once. A sequence (items of a
// file, members of a block, items of a broken list) sorts its comments into: inside a child (the
// child's printer handles them), trailing a child (same line as the child's end), after the `{`
// (same line as the opener, before any child), leading the next child, or dangling before the
// closer. Classification uses only line positions, and the printers put each comment back in a
// position of the same class, which is what makes formatting idempotent.
import type { Comment } from "../syntax/ast.ts";
import type { Span } from "../syntax/span.ts";
import { isDoc } from "./layout.ts";

export interface Distribution {
  /** On the opener's line, before the first child: printed after `{`. */
  readonly open: Comment[];
  readonly leading: Comment[][];
  readonly trailing: Comment[][];
  readonly inner: Comment[][];
  /** After the last child, on lines of their own: kept before the closer. */
  readonly dangling: Comment[];
}

/** `comments` must be in source order (the lexer's order); children must not overlap. */
export function distribute(children: readonly { readonly span: Span }[], comments: readonly Comment[], openLine?: number): Distribution {
  const empty = () => children.map((): Comment[] => []);
  const d: Distribution = { open: [], leading: empty(), trailing: empty(), inner: empty(), dangling: [] };
  let k = 0; // first child that ends after the current comment starts
  for (const c of comments) {
    while (k < children.length && children[k]!.span.end <= c.span.start) k++;
    const next = children[k];
    const prev = k > 0 ? children[k - 1] : undefined;
    if (next && next.span.start <= c.span.start) d.inner[k]!.push(c);
    else if (prev && c.span.line === prev.span.endLine) d.trailing[k - 1]!.push(c);
    else if (!prev && openLine !== undefined && c.span.line === openLine) d.open.push(c);
    else if (next) d.leading[k]!.push(c);
    else d.dangling.push(c);
  }
  return d;
}

/** Splits comments into those inside `span` and the rest, both in source order. */
export function partition(comments: readonly Comment[], span: Span | undefined): [inside: Comment[], outside: Comment[]] {
  const inside: Comment[] = [];
  const outside: Comment[] = [];
  for (const c of comments) (span && span.start <= c.span.start && c.span.end <= span.end ? inside : outside).push(c);
  return [inside, outside];
}

/**
 * Leading comments of a node plus the comments hoisted out of its inside (between tokens of a
 * header or an expression, where no comment can be printed). Hoisted comments go just before the
 * run of `///` lines directly above the node, so that run stays the node's documentation.
 */
export function withHoisted(leading: readonly Comment[], hoisted: readonly Comment[]): Comment[] {
  if (hoisted.length === 0) return [...leading];
  let docStart = leading.length;
  while (docStart > 0 && isDoc(leading[docStart - 1]!)) docStart--;
  return [...leading.slice(0, docStart), ...hoisted, ...leading.slice(docStart)];
}

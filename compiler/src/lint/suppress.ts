// Inline suppression: `// kdsl-ignore <rule-id>[, <rule-id>...]: <reason>`, read from the comments.
//
// Scope. A suppression belongs to one top-level item (a declaration, a template, a profile, the
// app), its *home*: the item whose lines it is on (on a line of its own inside the body, or at the
// end of any of its lines, the header and the closing `}` included), else the item that starts on
// the next line of code below it (blank lines and other `//` comments between are fine). It
// covers every finding of the rules it names that is reported in its home, and, when its home is a
// template, every such finding reported in a declaration or template made from it (directly or
// through other templates). A comment that has no home (nothing follows it) covers its own line.
//
// `///` doc comments, `/* */` block comments and `// kdsl-ignore-<anything>` are not suppressions;
// they are returned as `malformed` so that the engine can say so (suppress-apply.ts reports).
import type { Comment, Item, SourceFile, TemplateDecl } from "../syntax/ast.ts";
import type { Span } from "../syntax/span.ts";
import { spanAt } from "../syntax/span.ts";

/** One rule id as written in a suppression. */
export interface SuppressedName {
  readonly id: string;
  readonly span: Span;
  /** What removing just this name deletes: the name and the separator before it (after it, for the first). */
  readonly cut: Span;
}

export interface Suppression {
  readonly comment: Comment;
  readonly ids: readonly string[];
  readonly names: readonly SuppressedName[];
  readonly reason: string;
  readonly file: string;
  /** The top-level item the suppression belongs to; undefined when there is none. */
  readonly home?: Item;
  /** Without a home: the lines covered, inclusive. */
  readonly from: number;
  readonly to: number;
}

/** A comment that looks like a suppression but is not one: `/// kdsl-ignore ...`, a block comment, `// kdsl-ignore-next-line`. */
export interface Malformed {
  readonly span: Span;
  readonly message: string;
  readonly hints: readonly string[];
}

const LINE = /^\/\/(?!\/)\s*kdsl-ignore(.*)$/;
const LOOKALIKE = /^(\/\/\/|\/\*+)\s*kdsl-ignore\b/;

export function findSuppressions(file: SourceFile, text: string): { suppressions: Suppression[]; malformed: Malformed[] } {
  const suppressions: Suppression[] = [];
  const malformed: Malformed[] = [];
  const lines = text.split("\n");
  let items: ItemLines | undefined; // made at the first suppression: most files have none
  for (const original of file.comments) {
    // A CRLF file's line comment may keep its `\r`: `.` would not match it, and removing the
    // comment must leave the line ending alone.
    const cr = !original.block && original.text.endsWith("\r");
    const c: Comment = cr ? { ...original, text: original.text.slice(0, -1), span: spanAt(file.file, text, original.span.start, original.span.end - 1) } : original;
    const raw = c.text;
    const m = c.block ? undefined : LINE.exec(raw);
    if (!m) {
      const look = LOOKALIKE.exec(raw);
      if (look) malformed.push(lookalike(c, look[1]!));
      continue;
    }
    const body = m[1]!;
    if (body !== "" && !/^[\s:]/.test(body)) {
      const word = /^[^\s:]*/.exec(body)![0];
      malformed.push({ span: c.span, message: `\`kdsl-ignore${word}\` is not a suppression`, hints: ["write `// kdsl-ignore <rule-id>: <reason>`: it covers the declaration it is in or above (see docs/lint.md)."] });
      continue;
    }
    const colon = body.indexOf(":");
    const bodyStart = c.span.start + m[0].indexOf("kdsl-ignore") + "kdsl-ignore".length;
    const found = [...(colon >= 0 ? body.slice(0, colon) : body).matchAll(/[^\s,]+/g)].map((n) => ({ id: n[0], start: bodyStart + n.index!, end: bodyStart + n.index! + n[0].length }));
    const names = found.map((n, i) => {
      const cut = found.length === 1 ? n : i > 0 ? { start: found[i - 1]!.end, end: n.end } : { start: n.start, end: found[1]!.start };
      return { id: n.id, span: spanAt(file.file, text, n.start, n.end), cut: spanAt(file.file, text, cut.start, cut.end) };
    });
    const reason = colon >= 0 ? body.slice(colon + 1).trim() : "";
    const lineText = lines[c.span.line - 1] ?? "";
    const trailing = lineText.slice(0, c.span.col - 1).trim() !== "";
    let target = c.span.line;
    if (!trailing) {
      target = c.span.endLine + 1;
      // Skip blank lines and other own-line comments (a doc comment between is fine).
      while (target <= lines.length && /^\s*(\/\/.*)?\r?$/.test(lines[target - 1] ?? "")) target++;
    }
    items ??= itemLines(file);
    const home = items.on(c.span.line) ?? (trailing ? undefined : items.startingOn.get(target));
    suppressions.push({ comment: c, ids: names.map((n) => n.id), names, reason, file: file.file, ...(home ? { home } : {}), from: target, to: target });
  }
  return { suppressions, malformed };
}

function lookalike(c: Comment, opener: string): Malformed {
  const doc = opener === "///";
  return {
    span: c.span,
    message: doc ? "a `///` doc comment is not a suppression" : "a block comment is not a suppression",
    hints: [`write it as a line comment with two slashes: \`// kdsl-ignore <rule-id>: <reason>\`${doc ? "" : " (on a line of its own, or at the end of a line)"}; this one suppresses nothing.`],
  };
}

interface ItemLines {
  /** The top-level item one of whose lines is `line`. */
  on(line: number): Item | undefined;
  /** The first item starting on each line. */
  readonly startingOn: ReadonlyMap<number, Item>;
}

/**
 * Line lookups over `file`'s items, made once per file: searching the items for every comment
 * made thousands of suppressions quadratic. Items are in source order and do not overlap, so
 * their last lines never decrease: the first whose last line is at or past `line` is the only one
 * that can hold it.
 */
function itemLines(file: SourceFile): ItemLines {
  const list = file.items;
  const startingOn = new Map<number, Item>();
  for (const i of list) if (!startingOn.has(i.span.line)) startingOn.set(i.span.line, i);
  return {
    startingOn,
    on(line) {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.span.endLine < line) lo = mid + 1;
        else hi = mid;
      }
      const i = list[lo];
      return i !== undefined && i.span.line <= line ? i : undefined;
    },
  };
}

/** The items of the program, for judging which findings a suppression covers. */
export interface SuppressionScope {
  /** The top-level item a finding at `span` is reported in. */
  ownerOf(span: Span): Item | undefined;
  /** The templates `item` is made from, directly or through other templates. */
  templatesOf(item: Item): ReadonlySet<Item>;
}

export function suppressionScope(files: readonly SourceFile[], templates: ReadonlyMap<string, TemplateDecl>): SuppressionScope {
  const byFile = new Map(files.map((f) => [f.file, [...f.items].sort((a, b) => a.span.start - b.span.start)]));
  const chains = new Map<Item, Set<Item>>();
  return {
    ownerOf(span) {
      const items = byFile.get(span.file);
      if (!items) return undefined;
      let lo = 0;
      let hi = items.length - 1;
      let best: Item | undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (items[mid]!.span.start <= span.start) {
          best = items[mid];
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return best && span.start <= best.span.end ? best : undefined;
    },
    templatesOf(item) {
      let chain = chains.get(item);
      if (chain) return chain;
      chain = new Set();
      let from = item.kind === "Decl" || item.kind === "Template" ? item.from : undefined;
      for (let t = from && templates.get(from.text); t && !chain.has(t) && t !== item; t = from && templates.get(from.text)) {
        chain.add(t);
        from = t.from;
      }
      chains.set(item, chain);
      return chain;
    },
  };
}

/** True when suppression `s` covers a finding reported at `span` (of a rule it names). */
export function covers(s: Suppression, span: Span, scope: SuppressionScope): boolean {
  if (!s.home) return s.file === span.file && span.line >= s.from && span.line <= s.to;
  const owner = scope.ownerOf(span);
  return owner !== undefined && (owner === s.home || scope.templatesOf(owner).has(s.home));
}

/** How an item is named in messages: service `api`, template `base`. */
export function describeItem(item: Item): string {
  const name = "name" in item && item.name ? item.name.text : undefined;
  const what = item.kind === "Decl" ? item.keyword.text : item.kind === "Template" ? "template" : item.kind === "Profile" ? "profile" : item.kind === "App" ? "app" : "item";
  return name ? `${what} \`${name}\`` : what;
}

/** The edit removing a suppression comment: its whole line when it stands alone, else the comment and the spaces before it. */
export function removalEdit(span: Span, text: string): { span: Span; newText: string } {
  const lineStart = text.lastIndexOf("\n", span.start - 1) + 1;
  let lineEnd = text.indexOf("\n", span.end);
  lineEnd = lineEnd < 0 ? text.length : lineEnd;
  if (text.slice(lineStart, span.start).trim() === "" && text.slice(span.end, lineEnd).trim() === "") {
    return { span: spanAt(span.file, text, lineStart, Math.min(lineEnd + 1, text.length)), newText: "" };
  }
  let start = span.start;
  while (start > lineStart && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  return { span: spanAt(span.file, text, start, span.end), newText: "" };
}

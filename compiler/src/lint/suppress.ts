// Inline suppression: `// kdsl-ignore <rule-id>[, <rule-id>...]: <reason>`.
// - At the end of a line, it covers that line, or the whole declaration or block opened there.
// - On a line of its own, it covers the next line of code, or the declaration or block that
//   starts there (so one comment above `service api {` covers everything inside it).
// A suppression without a reason is reported (`suppression-needs-reason`) but still applies. Each
// rule it names is judged on its own (`unused-suppression`): a name that matches no rule, or whose
// rule has no finding on the lines covered, is reported; the fix removes that name, or the whole
// comment when none of its names is used. Rules turned off in kdsl.json are never "unused".
import type { Comment, Item, Member, SourceFile } from "../syntax/ast.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Span } from "../syntax/span.ts";
import { spanAt } from "../syntax/span.ts";
import { didYouMean } from "../semantics/suggest.ts";

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
  /** Lines covered, inclusive. */
  readonly from: number;
  readonly to: number;
}

const DIRECTIVE = /^\/\/\s*kdsl-ignore(?:\s+|$)(.*)$/;

export function findSuppressions(file: SourceFile, text: string): Suppression[] {
  const out: Suppression[] = [];
  let extents: Map<number, number> | undefined;
  const lines = text.split("\n");
  for (const c of file.comments) {
    if (c.block || c.text.startsWith("///")) continue;
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const body = m[1]!;
    const colon = body.indexOf(":");
    const bodyStart = c.span.start + c.text.length - body.length;
    const found = [...(colon >= 0 ? body.slice(0, colon) : body).matchAll(/[^\s,]+/g)].map((n) => ({ id: n[0], start: bodyStart + n.index!, end: bodyStart + n.index! + n[0].length }));
    const names = found.map((n, i) => {
      const cut = found.length === 1 ? n : i > 0 ? { start: found[i - 1]!.end, end: n.end } : { start: n.start, end: found[1]!.start };
      return { id: n.id, span: spanAt(file.file, text, n.start, n.end), cut: spanAt(file.file, text, cut.start, cut.end) };
    });
    const ids = names.map((n) => n.id);
    const reason = colon >= 0 ? body.slice(colon + 1).trim() : "";
    const lineText = lines[c.span.line - 1] ?? "";
    const trailing = lineText.slice(0, c.span.col - 1).trim() !== "";
    let target = c.span.line;
    if (!trailing) {
      target = c.span.endLine + 1;
      // Skip blank lines and other own-line comments (a doc comment between is fine).
      while (target <= lines.length && /^\s*(\/\/.*)?$/.test(lines[target - 1] ?? "")) target++;
    }
    extents ??= nodeExtents(file);
    out.push({ comment: c, ids, names, reason, file: file.file, from: target, to: Math.max(target, extents.get(target) ?? target) });
  }
  return out;
}

/** For each line where a declaration or member starts: the last line of the outermost one. */
function nodeExtents(file: SourceFile): Map<number, number> {
  const ext = new Map<number, number>();
  const note = (s: Span) => ext.set(s.line, Math.max(ext.get(s.line) ?? s.line, s.endLine));
  const members = (ms: readonly Member[] | undefined) => {
    for (const m of ms ?? []) {
      note(m.span);
      if (m.kind === "Nested") members(m.body.members);
    }
  };
  for (const item of file.items as readonly Item[]) {
    note(item.span);
    if ("body" in item && item.body) members(item.body.members);
  }
  return ext;
}

/** `unused-suppression`'s fix: delete the whole comment, or only the name at `span` (its `cut`). */
export interface Removal {
  readonly whole: boolean;
  readonly span: Span;
  readonly title: string;
}

export interface SuppressionResult {
  readonly kept: Diagnostic[];
  /** `suppression-needs-reason` and `unused-suppression` findings, before their own severities. */
  readonly meta: { readonly id: "suppression-needs-reason" | "unused-suppression"; readonly span: Span; readonly message: string; readonly hints?: string[]; readonly remove?: Removal }[];
}

/**
 * Drops findings covered by a suppression and reports suppressions that are malformed or unused,
 * name by name. `known` are all rule ids; `active` those not turned off.
 */
export function applySuppressions(findings: readonly Diagnostic[], suppressions: readonly Suppression[], known: readonly string[], active: ReadonlySet<string>): SuppressionResult {
  const used = new Map<Suppression, Set<string>>();
  const kept = findings.filter((d) => {
    const hit = suppressions.find((s) => s.file === d.span.file && d.span.line >= s.from && d.span.line <= s.to && s.ids.includes(d.code));
    if (hit) used.set(hit, (used.get(hit) ?? new Set()).add(d.code));
    return !hit;
  });
  const meta: SuppressionResult["meta"][number][] = [];
  for (const s of suppressions) {
    if (s.ids.length === 0) {
      meta.push({ id: "suppression-needs-reason", span: s.comment.span, message: "`kdsl-ignore` names no rule", hints: ["write `// kdsl-ignore <rule-id>: <reason>`."] });
      continue;
    }
    if (!s.reason) meta.push({ id: "suppression-needs-reason", span: s.comment.span, message: `suppression of \`${s.ids.join("`, `")}\` gives no reason`, hints: [`say why after a colon: \`// kdsl-ignore ${s.ids.join(", ")}: <why this is fine here>\`.`] });
    const usedIds = used.get(s);
    for (const n of s.names) {
      if (known.includes(n.id)) continue;
      meta.push({ id: "unused-suppression", span: n.span, message: `\`kdsl-ignore\` names no rule \`${n.id}\``, hints: [...didYouMean(n.id, known), "`kdsl lint --list-rules` lists every rule."] });
    }
    // Names of rules that did not run (off, or not selected) are not judged.
    const unused = s.names.filter((n) => known.includes(n.id) && active.has(n.id) && !usedIds?.has(n.id));
    if (unused.length === 0) continue;
    if (unused.length === s.names.length) {
      meta.push({ id: "unused-suppression", span: s.comment.span, message: `suppression of \`${s.ids.join("`, `")}\` suppresses nothing`, hints: ["remove it: the problem it was written for is gone."], remove: { whole: true, span: s.comment.span, title: "remove the suppression" } });
      continue;
    }
    for (const n of unused) {
      meta.push({ id: "unused-suppression", span: n.span, message: `\`${n.id}\` in this suppression suppresses nothing`, hints: [`remove \`${n.id}\` from the comment: no \`${n.id}\` finding is on the lines it covers; the other rules it names still apply.`], remove: { whole: false, span: n.cut, title: `remove \`${n.id}\` from the suppression` } });
    }
  }
  return { kept, meta };
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

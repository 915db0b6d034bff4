// Helpers that build machine-applicable fixes (TextEdits on .kdsl text) for rules. A fix edits
// only the declaration that has the problem: a value inherited from a template is overridden in
// the declaration's body, never changed in the template (which would change other declarations).
import { spanAt } from "../syntax/span.ts";
import type { Block, Member } from "../syntax/ast.ts";
import type { Fix, TextEdit } from "../diagnostics/diagnostic.ts";
import type { LintContext } from "./rule.ts";

/**
 * `key = text` in declaration `name`: replaces the value when the declaration writes it itself,
 * else adds a member to the declaration's body (see insertMember). Undefined when the declaration
 * has no body.
 */
export function setFieldFix(ctx: LintContext<unknown>, name: string, key: string, text: string, title: string): Fix | undefined {
  const d = ctx.decl(name);
  if (!d) return undefined;
  const own = ctx.isOwn(name, [key]) ? ctx.field(name, [key]) : undefined;
  if (own && own.v !== "block") return { title, edits: [{ span: own.span, newText: text }] };
  return addMemberFix(ctx, name, `${key} = ${text}`, title);
}

/** A fix that adds the member `line` (`disruption { max-unavailable = 1 }`) to declaration `name`'s body. */
export function addMemberFix(ctx: LintContext<unknown>, name: string, line: string, title: string): Fix | undefined {
  const d = ctx.decl(name);
  const body = d?.symbol.decl.body;
  if (!d || !body) return undefined;
  const source = ctx.program.texts.get(body.span.file);
  if (source === undefined) return undefined;
  const edit = insertMember(body.span.file, source, body, d.symbol.decl.span.start, line);
  return edit ? { title, edits: [edit] } : undefined;
}

/**
 * Inserts the member `line` at the end of `body` (a `{ ... }` block of `source`), indented like
 * the block's other members (tabs or spaces, as the file has them):
 * - `}` on a line of its own: a new line just above it;
 * - `}` after the last member on its line (`  replicas = 3 }`): the member on a new line, and `}`
 *   on one of its own below it, as `kdsl fmt` writes it;
 * - the whole block on one line (`{ image = "..."; replicas = 3 }`): the member after the last one,
 *   separated by `;`, keeping the block on its line;
 * - an empty body `{}` or `{ }`: opened up over three lines.
 * `declStart` is an offset on the declaration's first line (its indentation is the block's).
 */
export function insertMember(file: string, source: string, body: Block, declStart: number, line: string): TextEdit | undefined {
  const open = body.span.start;
  const close = body.span.end - 1;
  if (source[open] !== "{" || source[close] !== "}") return undefined;
  const declIndent = indentAt(source, declStart);
  const indent = memberIndent(source, body.members, declIndent);
  const edit = (start: number, end: number, newText: string): TextEdit => ({ span: spanAt(file, source, start, end), newText });
  const lineStart = source.lastIndexOf("\n", close - 1) + 1;
  const multiline = lineStart > open;
  // Line ends as the block has them (a CRLF file stays CRLF).
  const nl = multiline && source[lineStart - 2] === "\r" ? "\r\n" : "\n";
  if (multiline && /^[ \t]*$/.test(source.slice(lineStart, close))) return edit(lineStart, lineStart, `${indent}${line}${nl}`);
  // The end of the last thing before `}` (a member, a `;` or a comment), spaces and tabs skipped.
  let last = close;
  while (last > open + 1 && (source[last - 1] === " " || source[last - 1] === "\t")) last--;
  if (last === open + 1) return edit(open, close + 1, `{\n${indent}${line}\n${declIndent}}`);
  if (multiline) return edit(last, close, `${nl}${indent}${line}${nl}${declIndent}`);
  const separator = body.members.length === 0 || source[last - 1] === ";" ? " " : "; ";
  return edit(last, last, `${separator}${line}`);
}

/** The spaces and tabs that start the line holding `offset`. */
function indentAt(source: string, offset: number): string {
  const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart, offset))![0];
}

/** The indentation of the first member that starts its line, else one level more than the declaration's. */
function memberIndent(source: string, members: readonly Member[], declIndent: string): string {
  for (const m of members) {
    const lineStart = source.lastIndexOf("\n", m.span.start - 1) + 1;
    const lead = source.slice(lineStart, m.span.start);
    if (/^[ \t]*$/.test(lead)) return lead;
  }
  return declIndent + (declIndent.includes("\t") || indentsWithTabs(source) ? "\t" : "  ");
}

// Whether a file indents with tabs, from its first indented line; the last answer is kept (a fix
// per finding in one large file would otherwise scan it again each time).
let tabsCache: { text: string; tabs: boolean } | undefined;
function indentsWithTabs(source: string): boolean {
  if (tabsCache?.text !== source) tabsCache = { text: source, tabs: /\n([ \t])[ \t]*\S/.exec(source)?.[1] === "\t" };
  return tabsCache.tabs;
}


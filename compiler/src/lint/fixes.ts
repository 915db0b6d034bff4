// Helpers that build machine-applicable fixes (TextEdits on .kdsl text) for rules. A fix edits
// only the declaration that has the problem: a value inherited from a template is overridden in
// the declaration's body, never changed in the template (which would change other declarations).
import { spanAt } from "../syntax/span.ts";
import type { Fix, TextEdit } from "../diagnostics/diagnostic.ts";
import type { LintContext } from "./rule.ts";

/**
 * `key = text` in declaration `name`: replaces the value when the declaration writes it itself,
 * else inserts a line before the body's closing brace. Undefined when the layout gives no safe
 * place (no body, or `}` shares its line with a member).
 */
export function setFieldFix(ctx: LintContext<unknown>, name: string, key: string, text: string, title: string): Fix | undefined {
  const d = ctx.decl(name);
  const body = d?.symbol.decl.body;
  if (!d || !body) return undefined;
  const file = body.span.file;
  const source = ctx.program.texts.get(file);
  if (source === undefined) return undefined;
  const own = ctx.isOwn(name, [key]) ? ctx.field(name, [key]) : undefined;
  if (own && own.v !== "block") return { title, edits: [{ span: own.span, newText: text }] };
  const edit = insertMember(file, source, body.span.start, body.span.end, body.members[0]?.span.col, d.symbol.decl.span.col, `${key} = ${text}`);
  return edit ? { title, edits: [edit] } : undefined;
}

/** Inserts one member line into the block `{ ... }` spanning [open, end) of `source`. */
export function insertMember(file: string, source: string, open: number, end: number, memberCol: number | undefined, declCol: number, line: string): TextEdit | undefined {
  const close = end - 1;
  if (source[open] !== "{" || source[close] !== "}") return undefined;
  const lineStart = source.lastIndexOf("\n", close - 1) + 1;
  const beforeClose = source.slice(lineStart, close);
  const declIndent = " ".repeat(Math.max(0, declCol - 1));
  const indent = memberCol !== undefined ? " ".repeat(memberCol - 1) : declIndent + "  ";
  if (/^[ \t]*$/.test(beforeClose) && source.slice(open + 1, lineStart).includes("\n")) {
    // `}` on its own line: a new line just above it.
    return { span: spanAt(file, source, lineStart, lineStart), newText: `${indent}${line}\n` };
  }
  if (/^\{\s*\}$/.test(source.slice(open, end))) {
    // An empty body `{}` or `{ }`: open it up.
    return { span: spanAt(file, source, open, end), newText: `{\n${indent}${line}\n${declIndent}}` };
  }
  return undefined;
}

/** Applies edits to a text; edits must not overlap (later offsets first, so earlier stay valid). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

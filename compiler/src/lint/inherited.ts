// Where a finding about a declaration's value is reported (docs/lint.md, "Fixes"): on the value
// when the declaration writes it itself; on the declaration's name when it inherits it, with a
// related note where the value is set (a template, a profile). One finding per declaration, each
// at its own declaration, so that a suppression in or above the declaration covers it and a fix
// edits that declaration.
import type { Span } from "../syntax/span.ts";
import type { RelatedInfo } from "../diagnostics/diagnostic.ts";
import type { LintContext } from "./rule.ts";

export interface Site {
  readonly span: Span;
  /** The note where the inherited value is set; absent when the declaration writes it. */
  readonly related?: readonly RelatedInfo[];
  readonly inherited: boolean;
}

/**
 * The site of a finding about declaration `name` whose value is written at `at` (a span from
 * `ctx.spanOf` or `patchSpan`; undefined when nothing is written). `what` names the value in the
 * note: "`image = \"...\"`".
 */
export function siteOf(ctx: LintContext<unknown>, name: string, at: Span | undefined, what: string): Site {
  const decl = ctx.decl(name)?.symbol.decl;
  const own = decl?.name?.span ?? decl?.span;
  if (!at || !decl || !own) return { span: at ?? ctx.spanOf(name), inherited: false };
  const inside = at.file === decl.span.file && at.start >= decl.span.start && at.end <= decl.span.end;
  if (inside || at === own) return { span: at, inherited: false };
  // `spanOf` already answers the declaration's name for a default or a stdlib value: no note then.
  if (at.file === own.file && at.start === own.start) return { span: own, inherited: false };
  return { span: own, related: [{ span: at, message: `${what} is set ${setIn(ctx, at)}` }], inherited: true };
}

/** The top-level item (declaration, template, profile) whose text holds `span`. */
function itemAt(ctx: LintContext<unknown>, span: Span) {
  const file = [...ctx.program.files, ...ctx.program.modules].find((f) => f.file === span.file);
  return file?.items.find((i) => i.span.start <= span.start && span.end <= i.span.end);
}

/** The profile whose body writes `span` (`profile dev { a.replicas = 1 }`), if it is one. */
export function profileAt(ctx: LintContext<unknown>, span: Span): string | undefined {
  const item = itemAt(ctx, span);
  return item?.kind === "Profile" ? item.name?.text : undefined;
}

/** Where an inherited value is written, for the note: `in template \`base\``, `in profile \`dev\``. */
export function setIn(ctx: LintContext<unknown>, span: Span): string {
  const item = itemAt(ctx, span);
  if (item && (item.kind === "Template" || item.kind === "Profile") && item.name) return `in ${item.kind === "Template" ? "template" : "profile"} \`${item.name.text}\``;
  if (item && item.kind === "Decl" && item.name) return `in \`${item.name.text}\``;
  return "outside the declaration";
}

/** The source text at `span`, for a note (`"ghcr.io/example/${name}"`), shortened when long. */
export function textAt(ctx: LintContext<unknown>, span: Span): string {
  const text = ctx.program.texts.get(span.file)?.slice(span.start, span.end) ?? "";
  const line = text.split("\n")[0]!;
  return line.length > 60 || line !== text ? `${line.slice(0, 57)}...` : line;
}

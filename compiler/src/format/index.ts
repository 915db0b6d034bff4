// `kdsl fmt`: one canonical layout for a .kdsl file. Formatting works from the syntax tree plus
// the comment list and copies every literal from the source, so the output parses to the same tree
// (spans aside) and keeps every comment. Input with syntax errors is never formatted: a guess at
// broken code could silently change its meaning.
//
// The layout: 2-space indentation; one member per line with `key = value`; no `;` (except the
// one-line block form, see block.ts, and before a member named `to`); one blank line between
// top-level items; blank lines between members kept, at most one; lists on one line when they fit
// in 100 columns, else one item per line with trailing commas; LF endings, no trailing blanks,
// exactly one final newline. Template parameters and `from (...)` arguments follow the list rule
// (header.ts). Comments: see comments.ts.
import { parse } from "../syntax/parse.ts";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { printFile } from "./items.ts";

export interface FormatResult {
  /** The formatted text; absent when the input has syntax errors. */
  readonly text?: string;
  readonly diagnostics: Diagnostic[];
}

export function format(text: string, file = "<input>"): FormatResult {
  const { ast, diagnostics } = parse(file, text);
  if (hasErrors(diagnostics)) return { diagnostics: [...diagnostics] };
  return { text: printFile({ text }, ast), diagnostics: [...diagnostics] };
}

export { normalizeComment } from "./layout.ts";

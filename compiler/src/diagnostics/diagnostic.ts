// Diagnostics are data: a code from the catalogue, a severity, the exact span, a message in the
// user's terms, and where possible hints and machine-applicable fixes. Rendering is elsewhere.
import type { Span } from "../syntax/span.ts";

export type Severity = "error" | "warning" | "info";

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface RelatedInfo {
  readonly span: Span;
  readonly message: string;
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  /** Short label printed under the underlined span. */
  readonly label?: string;
  readonly hints?: readonly string[];
  readonly related?: readonly RelatedInfo[];
  readonly fixes?: readonly Fix[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Stable order for output: by file, then position, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
      a.span.start - b.span.start ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * The diagnostics without repeats (same code, place and message), first of each kept: a template
 * or shared value checked once per user reports its problem once.
 */
export function withoutRepeats(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length < 2) return diagnostics;
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.span.file}|${d.span.start}|${d.span.end}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

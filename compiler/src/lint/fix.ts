// `kdsl lint --fix`: apply the findings' fixes, lint again, repeat until nothing is left to fix
// (a fix may uncover another). Edits that overlap an earlier one in the same pass wait for the
// next pass. A pass whose result no longer builds cleanly is dropped whole: a fix must never
// change meaning beyond what it says. The compiler does no I/O: the caller writes `files`.
import type { Host } from "../host.ts";
import type { Diagnostic, TextEdit } from "../diagnostics/diagnostic.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { applyEdits } from "./fixes.ts";
import { lint, type LintOptions, type LintResult } from "./index.ts";

export interface FixResult {
  /** New text of every file changed, by path. */
  readonly files: ReadonlyMap<string, string>;
  /** How many fixes were applied. */
  readonly applied: number;
  /** The lint of the fixed project. */
  readonly result: LintResult;
  /** Set when a pass of fixes broke the build and was dropped (a bug in a rule's fix). */
  readonly dropped?: string;
}

const MAX_PASSES = 10;

/** Fixes from these diagnostics, grouped by file, without overlaps. */
export function planEdits(diagnostics: readonly Diagnostic[], accept: (d: Diagnostic) => boolean = () => true): { byFile: Map<string, TextEdit[]>; count: number } {
  const byFile = new Map<string, TextEdit[]>();
  let count = 0;
  for (const d of diagnostics) {
    const fix = d.fixes?.[0];
    if (!fix || !accept(d)) continue;
    const files = new Set(fix.edits.map((e) => e.span.file));
    const clash = fix.edits.some((e) => (byFile.get(e.span.file) ?? []).some((o) => e.span.start < o.span.end && o.span.start < e.span.end || (e.span.start === o.span.start && e.span.end === o.span.start)));
    if (clash) continue;
    for (const f of files) byFile.set(f, [...(byFile.get(f) ?? []), ...fix.edits.filter((e) => e.span.file === f)]);
    count++;
  }
  return { byFile, count };
}

export function fixProject(host: Host, entry: string, options: LintOptions = {}, accept?: (d: Diagnostic) => boolean): FixResult {
  const changed = new Map<string, string>();
  const overlay: Host = { ...host, readFile: (p) => (changed.has(p) ? { text: changed.get(p)! } : host.readFile(p)), readBytes: (p) => host.readBytes(p), listKdslFiles: (p) => host.listKdslFiles(p), readStdlib: (p) => host.readStdlib(p), getEnv: (n) => host.getEnv(n) };
  let result = lint(overlay, entry, options);
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES && !result.fatal && !result.configError; pass++) {
    const { byFile, count } = planEdits(result.diagnostics, accept);
    if (count === 0) break;
    const before = new Map(changed);
    for (const [file, edits] of byFile) {
      const text = changed.get(file) ?? result.texts.get(file);
      if (text !== undefined) changed.set(file, applyEdits(text, edits));
    }
    const next = lint(overlay, entry, options);
    if (hasErrors(next.diagnostics.filter((d) => /^KD/.test(d.code))) && !hasErrors(result.diagnostics.filter((d) => /^KD/.test(d.code)))) {
      changed.clear();
      for (const [k, v] of before) changed.set(k, v);
      return { files: changed, applied, result, dropped: "a fix made the project fail to build; those fixes were not applied (please report this bug)" };
    }
    applied += count;
    result = next;
  }
  return { files: changed, applied, result };
}

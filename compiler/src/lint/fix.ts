// `kdsl lint --fix`: apply the findings' fixes, lint again, repeat until nothing is left to fix
// (a fix may uncover another). Edits that overlap an earlier one in the same pass wait for the
// next pass. A pass whose result no longer builds cleanly is dropped whole: a fix must never
// change meaning beyond what it says. The compiler does no I/O: the caller writes `files`.
import type { Host } from "../host.ts";
import type { Diagnostic, Fix, TextEdit } from "../diagnostics/diagnostic.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
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

/**
 * Fixes from these diagnostics, grouped by file, without overlaps: in diagnostic order, a fix is
 * taken unless one of its edits overlaps an edit already taken in its file, or inserts at the
 * start of one. Linear-logarithmic in the number of edits (a pass can hold thousands).
 */
export function planEdits(diagnostics: readonly Diagnostic[], accept: (d: Diagnostic) => boolean = () => true): { byFile: Map<string, TextEdit[]>; count: number } {
  const fixes: Fix[] = [];
  const starts = new Map<string, number[]>();
  for (const d of diagnostics) {
    const fix = d.fixes?.[0];
    if (!fix || !accept(d)) continue;
    fixes.push(fix);
    for (const e of fix.edits) {
      const list = starts.get(e.span.file);
      if (list) list.push(e.span.start);
      else starts.set(e.span.file, [e.span.start]);
    }
  }
  const taken = new Map<string, TakenEdits>();
  for (const [file, list] of starts) taken.set(file, new TakenEdits(list));
  const byFile = new Map<string, TextEdit[]>();
  let count = 0;
  for (const fix of fixes) {
    if (fix.edits.some((e) => taken.get(e.span.file)!.clashes(e.span.start, e.span.end))) continue;
    for (const e of fix.edits) {
      taken.get(e.span.file)!.add(e.span.start, e.span.end);
      const list = byFile.get(e.span.file);
      if (list) list.push(e);
      else byFile.set(e.span.file, [e]);
    }
    count++;
  }
  return { byFile, count };
}

/**
 * The edits taken in one file, for the clash test of `planEdits`. A Fenwick tree over the sorted
 * start offsets of every candidate edit keeps the largest end among taken edits starting before
 * an offset: an edit [s, e) overlaps a taken one exactly when some taken edit starts before `e`
 * and ends after `s`. Taken edits may overlap one another (edits of one fix are not checked
 * against each other), which is why a plain neighbour check would not do.
 */
class TakenEdits {
  private readonly keys: number[];
  private readonly maxEnd: number[];
  private readonly startsTaken = new Set<number>();

  constructor(starts: readonly number[]) {
    this.keys = [...new Set(starts)].sort((a, b) => a - b);
    this.maxEnd = new Array<number>(this.keys.length + 1).fill(-Infinity);
  }

  /** How many candidate starts are below `offset`. */
  private below(offset: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when [start, end) overlaps a taken edit, or is an insertion at a taken edit's start. */
  clashes(start: number, end: number): boolean {
    let furthest = -Infinity;
    for (let i = this.below(end); i > 0; i -= i & -i) furthest = Math.max(furthest, this.maxEnd[i]!);
    return furthest > start || (start === end && this.startsTaken.has(start));
  }

  add(start: number, end: number): void {
    for (let i = this.below(start) + 1; i < this.maxEnd.length; i += i & -i) this.maxEnd[i] = Math.max(this.maxEnd[i]!, end);
    this.startsTaken.add(start);
  }
}

/**
 * Applies non-overlapping edits to a text in one pass: the pieces between them are joined once,
 * linear in the text and the edits. It gives exactly what applying them one by one from the last
 * offset back gives (insertions at one offset come out in reverse order, an insertion before a
 * replacement starting there); edits that overlap or fall outside the text are applied that way.
 */
export function spliceEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let disjoint = true;
  for (let i = 0; i < sorted.length && disjoint; i++) {
    const { start, end } = sorted[i]!.span;
    disjoint = 0 <= start && start <= end && end <= text.length && (i === 0 || end <= sorted[i - 1]!.span.start);
  }
  if (!disjoint) {
    let out = text;
    for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    return out;
  }
  const pieces: string[] = [];
  let at = 0;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const e = sorted[i]!;
    pieces.push(text.slice(at, e.span.start), e.newText);
    at = e.span.end;
  }
  pieces.push(text.slice(at));
  return pieces.join("");
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
      if (text !== undefined) changed.set(file, spliceEdits(text, edits));
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

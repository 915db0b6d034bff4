// Scalars of scaling, rollouts and schedules: a count or a share (`1`, `25%`), a cron schedule,
// the overlap policy of a cron (`allow`, `forbid`, `replace`) and its time zone. Each returns a
// typed value or reports why not (KD3021, KD3027).
import type { Expr, StringLit } from "../syntax/ast.ts";
import type { Span } from "../syntax/span.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { Value } from "./values.ts";
import type { Ctx } from "./scope.ts";
import type { ScalarName } from "./types.ts";
import { percentValue } from "./units.ts";
import { didYouMean } from "./suggest.ts";
import { mismatch, stringText } from "./check-expr.ts";
import { cronProblem } from "./cron.ts";
import { timeZoneProblem } from "./time-zones.ts";

export type WorkloadScalar = "IntOrPercent" | "Cron" | "Overlap" | "TimeZone";

export const OVERLAPS = ["allow", "forbid", "replace"] as const;

export function checkWorkloadScalar(ctx: Ctx, field: string, type: WorkloadScalar, e: Expr): Value | undefined {
  const t = { t: "scalar" as const, name: type as ScalarName };
  switch (type) {
    case "IntOrPercent": {
      if (e.kind === "Number" && Number.isInteger(e.value) && e.value >= 0) return { v: "int", n: e.value, span: e.span };
      const n = e.kind === "Quantity" ? percentValue(e.raw) : undefined;
      if (n !== undefined && Number.isInteger(n) && n <= 100) return { v: "percent", n, span: e.span };
      if (n !== undefined) {
        ctx.diagnostics.push(diag("KD3003", e.span, `\`${field}\` must be a whole percentage from 0% to 100%, not ${e.kind === "Quantity" ? e.raw : "this"}`));
        return undefined;
      }
      return mismatch(ctx, field, t, e);
    }
    case "Cron": {
      if (e.kind !== "String") return mismatch(ctx, field, t, e, ['write it as a string: `schedule = "0 3 * * *"`.']);
      const text = stringText(ctx, e);
      if (text === undefined) return undefined;
      const problem = cronProblem(text);
      if (problem) {
        ctx.diagnostics.push(diag("KD3021", inside(e, text, problem.at, problem.length), `invalid schedule: ${problem.message}`, { hints: ['five fields: minute hour day-of-month month day-of-week, e.g. `"30 2 * * 1-5"` (02:30 on weekdays), or `"@daily"`.'] }));
        return undefined;
      }
      return { v: "string", s: text.trim(), span: e.span };
    }
    case "TimeZone": {
      if (e.kind !== "String") return mismatch(ctx, field, t, e, ['write it as a string: `timezone = "Europe/Berlin"`.']);
      const text = stringText(ctx, e);
      if (text === undefined) return undefined;
      const problem = timeZoneProblem(text);
      if (problem) {
        const s = problem.suggestion;
        ctx.diagnostics.push(
          diag("KD3027", e.span, problem.message, {
            label: "not in the IANA time zone database",
            hints: [s ? `did you mean \`${s}\`?` : "write an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC` (`Etc/GMT+1` for a fixed offset)."],
            fixes: s ? [{ title: `Use ${s}`, edits: [{ span: e.span, newText: JSON.stringify(s) }] }] : [],
          }),
        );
        return undefined;
      }
      return { v: "string", s: text, span: e.span };
    }
    case "Overlap": {
      const word = e.kind === "Ref" && e.path.length === 1 ? e.path[0]!.text : undefined;
      if (word === undefined) return mismatch(ctx, field, t, e);
      if (!(OVERLAPS as readonly string[]).includes(word)) {
        ctx.diagnostics.push(diag("KD3027", e.span, `\`${word}\` is not an overlap policy`, { hints: [...didYouMean(word, OVERLAPS), "`allow` runs both, `forbid` skips the new run, `replace` stops the old one."] }));
        return undefined;
      }
      return { v: "string", s: word, span: e.span };
    }
  }
}

/** The span of the offending part of a plain string literal; the whole literal otherwise. */
function inside(e: StringLit, text: string, at: number, length: number): Span {
  const raw = e.parts.length === 1 && typeof e.parts[0] === "string" && e.span.endLine === e.span.line && e.span.end - e.span.start === text.length + 2;
  if (!raw) return e.span;
  const start = e.span.start + 1 + at;
  return { file: e.span.file, start, end: start + length, line: e.span.line, col: e.span.col + 1 + at, endLine: e.span.endLine, endCol: e.span.col + 1 + at + length };
}

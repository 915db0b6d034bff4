// `if <condition> then <a> else <b>`: both branches are checked against the field's type, so an
// `if` is well typed whichever way it goes, and the `else` is required, so it always has a value.
// Conditions talk about facts known at build time: `profile` (the profiles applied), `name` (the
// declaration being defined, useful in templates) and `app`. `name` and `app` are decided here;
// `profile` waits for evaluation (evaluate/conditions.ts), which knows the chosen profiles.
import type { Condition, Expr, IfExpr } from "../syntax/ast.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { Type } from "./types.ts";
import type { CondValue, Value } from "./values.ts";
import type { Ctx } from "./scope.ts";
import { didYouMean } from "./suggest.ts";

export const CONDITION_SUBJECTS = ["profile", "name", "app"] as const;

type CheckValue = (ctx: Ctx, key: string, type: Type, e: Expr) => Value | undefined;

export function checkIf(ctx: Ctx, key: string, type: Type, e: IfExpr, checkValue: CheckValue): Value | undefined {
  const cond = e.cond ? checkCondition(ctx, e.cond) : undefined;
  // Both branches are checked even when the condition is bad: their errors are independent.
  const then = e.then ? checkValue(ctx, key, type, e.then) : undefined;
  const otherwise = e.else ? checkValue(ctx, key, type, e.else) : undefined;
  if (!cond || !then || !otherwise) return undefined;
  if (cond.c === "const") return cond.b ? then : otherwise;
  ctx.scope.conditions.pending = true;
  return { v: "cond", cond, then, else: otherwise, span: e.span };
}

function checkCondition(ctx: Ctx, c: Condition | undefined): CondValue | undefined {
  // Recovery may leave a part of a condition out; the syntax error already says so.
  if (!c || (c.kind === "Compare" && (!c.subject || !c.value))) return undefined;
  if (c.kind === "Logic") {
    const left = checkCondition(ctx, c.left);
    const right = c.right ? checkCondition(ctx, c.right) : undefined;
    if (!left || !right) return undefined;
    if (left.c === "const" && right.c === "const") return { c: "const", b: c.op === "and" ? left.b && right.b : left.b || right.b };
    return { c: c.op, left, right };
  }
  const subject = c.subject.text;
  if (!(CONDITION_SUBJECTS as readonly string[]).includes(subject)) {
    ctx.diagnostics.push(
      diag("KD2040", c.subject.span, `a condition cannot test \`${subject}\``, {
        label: "not a build-time fact",
        hints: [...didYouMean(subject, CONDITION_SUBJECTS), "conditions test `profile`, `name` (the declaration being defined) or `app`."],
      }),
    );
    return undefined;
  }
  const values = conditionValues(ctx, c);
  if (!values) return undefined;
  if (subject === "profile") {
    for (const v of values) {
      if (!ctx.scope.profiles.has(v.text)) {
        ctx.diagnostics.push(diag("KD2041", v.span, `no profile named \`${v.text}\``, { label: "this condition could never hold", hints: [...didYouMean(v.text, ctx.scope.profiles.keys()), `profiles in this app: ${[...ctx.scope.profiles.keys()].map((p) => `\`${p}\``).join(", ") || "none"}.`] }));
        return undefined;
      }
    }
    return { c: "profile", negate: c.op === "!=" || c.op === "notin", anyOf: values.map((v) => v.text) };
  }
  const fact = subject === "name" ? ctx.selfName : ctx.scope.appName;
  const hit = values.some((v) => v.text === fact);
  return { c: "const", b: c.op === "==" || c.op === "in" ? hit : !hit };
}

/** `== "x"` and `!= "x"` take one string, `in [...]` and `notin [...]` a list of strings. */
function conditionValues(ctx: Ctx, c: Extract<Condition, { kind: "Compare" }>): { text: string; span: Expr["span"] }[] | undefined {
  const v = c.value;
  if (!v) return undefined;
  const set = c.op === "in" || c.op === "notin";
  const items = set ? (v.kind === "List" ? v.items : undefined) : [v];
  const plain = (e: Expr) => e.kind === "String" && e.parts.every((p) => typeof p === "string");
  if (!items || !items.every(plain) || (set && items.length === 0)) {
    const wanted = set ? `a non-empty list of strings: \`${c.subject.text} ${c.op} ["a", "b"]\`` : `a string: \`${c.subject.text} ${c.op} "prod"\``;
    ctx.diagnostics.push(diag("KD3060", v.span, `\`${c.op}\` in a condition needs ${wanted}`, { label: "compare with plain text" }));
    return undefined;
  }
  return items.map((e) => ({ text: (e as Extract<Expr, { kind: "String" }>).parts.join(""), span: e.span }));
}

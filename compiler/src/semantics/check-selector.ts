// Label selectors: `select { tier = "backend"; env in ["prod", "staging"]; env notin ["dev"];
// legacy; !canary }`. Equality terms become matchLabels; `in`, `notin`, a bare key (the label
// exists) and `!key` (it does not) become matchExpressions. Every term must hold (AND).
import type { Expr, Member } from "../syntax/ast.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { LabelSelector } from "../ir/model.ts";
import type { Ctx } from "./scope.ts";
import type { Value } from "./values.ts";
import { checkLabelKey, checkLabelValue } from "./names.ts";
import { stringText } from "./check-expr.ts";

type Expression = LabelSelector["matchExpressions"][number];

const USAGE = 'select { tier = "backend"; env in ["prod", "staging"]; env notin ["dev"]; legacy; !canary }';

export function checkSelector(ctx: Ctx, m: Exclude<Member, { kind: "FieldDecl" }>, key: string): Value | undefined {
  if (m.kind !== "Nested") {
    ctx.diagnostics.push(diag("KD3014", m.span, `\`${key}\` is not written this way`, { hints: [`write \`${USAGE.replace(/^select/, key)}\`.`] }));
    return undefined;
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Expression[] = [];
  let ok = true;
  for (const t of m.body.members) {
    const term = checkTerm(ctx, t, matchLabels);
    if (term === undefined) ok = false;
    else if (term !== "label") matchExpressions.push(term);
  }
  if (!ok) return undefined;
  if (Object.keys(matchLabels).length === 0 && matchExpressions.length === 0) {
    ctx.diagnostics.push(diag("KD3066", m.span, `an empty \`${key}\` selects every pod`, { hints: [`give it at least one term: \`${USAGE}\`.`] }));
    return undefined;
  }
  // Most selectors are equality only: they share one empty expression list (selectors are read-only).
  return { v: "selector", selector: { matchLabels, matchExpressions: matchExpressions.length > 0 ? matchExpressions : NO_EXPRESSIONS }, span: m.span };
}

const NO_EXPRESSIONS: readonly Expression[] = Object.freeze([]);

/** One term: "label" when it went into matchLabels, an expression, or undefined after reporting. */
function checkTerm(ctx: Ctx, t: Member, matchLabels: Record<string, string>): Expression | "label" | undefined {
  if (t.kind === "FieldDecl" || t.kind === "Nested" || t.path.length !== 1) return badTerm(ctx, t, "not a selector term");
  const name = t.path[0]!;
  const keyProblem = checkLabelKey(name.text);
  if (keyProblem) {
    ctx.diagnostics.push(diag("KD3005", name.span, `\`${name.text}\` is not a label key: ${keyProblem}`));
    return undefined;
  }
  if (t.kind === "Assign") {
    const value = t.value && labelValue(ctx, t.value);
    if (value === undefined) return undefined;
    if (name.text in matchLabels) return badTerm(ctx, t, `\`${name.text}\` is selected twice`);
    matchLabels[name.text] = value;
    return "label";
  }
  if (t.op === "!") return { key: name.text, operator: "DoesNotExist" };
  if (!t.op) return t.args.length === 0 && !t.arrow ? { key: name.text, operator: "Exists" } : badTerm(ctx, t, "not a selector term");
  const list = t.args[0];
  if (!list || list.kind !== "List" || list.items.length === 0) return badTerm(ctx, t, `\`${t.op}\` needs a non-empty list of label values: \`${name.text} ${t.op} ["a", "b"]\``);
  const values = list.items.map((i) => labelValue(ctx, i));
  if (values.some((v) => v === undefined)) return undefined;
  // Sorted and without repeats: the order written does not change what is selected.
  return { key: name.text, operator: t.op === "in" ? "In" : "NotIn", values: [...new Set(values as string[])].sort() };
}

function badTerm(ctx: Ctx, t: Member, message: string): undefined {
  ctx.diagnostics.push(diag("KD3066", t.span, message, { hints: [`selector terms: \`key = "value"\`, \`key in ["a", "b"]\`, \`key notin ["a"]\`, \`key\` (exists), \`!key\` (absent).`] }));
  return undefined;
}

function labelValue(ctx: Ctx, e: Expr): string | undefined {
  // `${name}` and `${app}` are known here (a template may select its user's own pods); a service
  // reference in a selector is not a label value and is refused below.
  const interpolatesNames = e.kind === "String" && e.parts.every((p) => typeof p === "string" || (p.kind === "Ref" && p.path.length === 1 && (p.path[0]!.text === "name" || p.path[0]!.text === "app")));
  const text = e.kind === "String" && interpolatesNames ? stringText(ctx, e) : e.kind === "Number" ? e.raw : e.kind === "Bool" ? String(e.value) : undefined;
  if (text === undefined) {
    ctx.diagnostics.push(diag("KD3066", e.span, "a selector compares labels with plain values", { hints: ['write a string such as `"backend"`.'] }));
    return undefined;
  }
  const problem = checkLabelValue(text);
  if (problem) {
    ctx.diagnostics.push(diag("KD3006", e.span, `\`${text}\` is not a label value: ${problem}`));
    return undefined;
  }
  return text;
}

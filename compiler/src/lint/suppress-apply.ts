// Applying suppressions (scope in suppress.ts): drops the findings they cover, and reports the
// suppressions themselves.
// - `suppression-needs-reason`: no reason, no rule named (`// kdsl-ignore: why`), or a comment
//   that looks like a suppression but is not one (`///`, `/* */`, `kdsl-ignore-next-line`).
// - `unused-suppression`, name by name: an unknown rule (with a did-you-mean; kept, since only the
//   author knows what was meant), one of these two rules (they cannot be suppressed inline), or a
//   rule none of whose findings it covers. For the last, when a finding of that rule is still
//   reported for the suppression's declaration (in a template it is made from, or on another
//   declaration about a value set here), the message says where and no fix removes the comment;
//   otherwise the fix removes the name, or the whole comment when none of its names is used.
// Rules turned off in kdsl.json (or not run) are never "unused". Several suppressions may cover the
// same finding (a template's and a declaration's): each of them is used.
import type { Diagnostic, RelatedInfo } from "../diagnostics/diagnostic.ts";
import type { Item } from "../syntax/ast.ts";
import type { Span } from "../syntax/span.ts";
import { didYouMean } from "../semantics/suggest.ts";
import { covers, describeItem, type Malformed, type Suppression, type SuppressionScope } from "./suppress.ts";

/** `unused-suppression`'s fix: delete the whole comment, or only the name at `span` (its `cut`). */
export interface Removal {
  readonly whole: boolean;
  readonly span: Span;
  readonly title: string;
}

export type MetaRule = "suppression-needs-reason" | "unused-suppression";
const META: readonly string[] = ["suppression-needs-reason", "unused-suppression"];

export interface MetaFinding {
  readonly id: MetaRule;
  readonly span: Span;
  readonly message: string;
  readonly hints?: readonly string[];
  readonly related?: readonly RelatedInfo[];
  readonly remove?: Removal;
}

export interface SuppressionResult {
  readonly kept: Diagnostic[];
  /** `suppression-needs-reason` and `unused-suppression` findings, before their own severities. */
  readonly meta: MetaFinding[];
}

/**
 * Drops findings covered by a suppression and reports suppressions that are malformed or unused.
 * `known` are all rule ids; `active` those that ran.
 */
export function applySuppressions(findings: readonly Diagnostic[], suppressions: readonly Suppression[], malformed: readonly Malformed[], scope: SuppressionScope, known: readonly string[], active: ReadonlySet<string>): SuppressionResult {
  const byRule = new Map<string, Suppression[]>();
  for (const s of suppressions) {
    for (const id of new Set(s.ids)) {
      const list = byRule.get(id);
      if (list) list.push(s);
      else byRule.set(id, [s]);
    }
  }
  const used = new Map<Suppression, Set<string>>();
  const kept = findings.filter((d) => {
    const hits = (byRule.get(d.code) ?? []).filter((s) => covers(s, d.span, scope));
    for (const s of hits) used.set(s, (used.get(s) ?? new Set()).add(d.code));
    return hits.length === 0;
  });

  const meta: MetaFinding[] = malformed.map((m) => ({ id: "suppression-needs-reason", span: m.span, message: m.message, hints: m.hints }));
  for (const s of suppressions) {
    if (s.ids.length === 0) {
      meta.push({ id: "suppression-needs-reason", span: s.comment.span, message: "`kdsl-ignore` names no rule", hints: [`name the rules before the colon: \`// kdsl-ignore <rule-id>: ${s.reason || "<reason>"}\` (\`kdsl lint --list-rules\` lists them); there is no suppression of every rule. This one suppresses nothing.`] });
      continue;
    }
    if (!s.reason) meta.push({ id: "suppression-needs-reason", span: s.comment.span, message: `suppression of \`${s.ids.join("`, `")}\` gives no reason`, hints: [`say why after a colon: \`// kdsl-ignore ${s.ids.join(", ")}: <why this is fine here>\`.`] });
    const usedIds = used.get(s);
    for (const n of s.names) {
      if (META.includes(n.id)) {
        meta.push({ id: "unused-suppression", span: n.span, message: `\`${n.id}\` cannot be suppressed inline`, hints: [`turn it off in kdsl.json (\`"${n.id}": "off"\`), or change the suppression it reports; naming it here does nothing.`] });
      } else if (!known.includes(n.id)) {
        meta.push({ id: "unused-suppression", span: n.span, message: `\`kdsl-ignore\` names no rule \`${n.id}\``, hints: [...didYouMean(n.id, known), "correct the rule id (`kdsl lint --list-rules` lists every rule); until then the finding it was meant for is not suppressed."] });
      }
    }
    // Names of rules that did not run (off, or not selected) are not judged.
    const unused = s.names.filter((n) => known.includes(n.id) && !META.includes(n.id) && active.has(n.id) && !usedIds?.has(n.id));
    if (unused.length === 0) continue;
    const where = s.home ? `${describeItem(s.home)}${s.home.kind === "Template" ? " or the declarations made from it" : ""}` : "the line it covers";
    const still = new Map(unused.map((n) => [n, s.home ? remaining(n.id, s.home, kept, scope) : undefined]));
    if (unused.length === s.names.length && [...still.values()].every((r) => !r)) {
      const ids = s.ids.join("`, `");
      meta.push({ id: "unused-suppression", span: s.comment.span, message: `suppression of \`${ids}\` suppresses nothing`, hints: [`remove it: no \`${ids}\` finding is reported for ${where} (a suppression covers the declaration it is in or above).`], remove: { whole: true, span: s.comment.span, title: "remove the suppression" } });
      continue;
    }
    for (const n of unused) {
      const r = still.get(n);
      const single = s.names.length === 1;
      const span = single ? s.comment.span : n.span;
      const message = single ? `suppression of \`${n.id}\` suppresses nothing` : `\`${n.id}\` in this suppression suppresses nothing`;
      if (r) meta.push({ id: "unused-suppression", span, message, hints: [r.hint], related: [{ span: r.span, message: r.note }] });
      else meta.push({ id: "unused-suppression", span, message, hints: [`remove \`${n.id}\` from the comment: no \`${n.id}\` finding is reported for ${where}; the other rules it names still apply.`], remove: { whole: false, span: n.cut, title: `remove \`${n.id}\` from the suppression` } });
    }
  }
  return { kept, meta };
}

/**
 * A finding of rule `id` that is still reported for `home` but outside what a suppression there
 * covers: in a template `home` is made from, or on another item about a value `home` sets.
 */
function remaining(id: string, home: Item, kept: readonly Diagnostic[], scope: SuppressionScope): { span: Span; note: string; hint: string } | undefined {
  const templates = scope.templatesOf(home);
  for (const d of kept) {
    if (d.code !== id) continue;
    const owner = scope.ownerOf(d.span);
    if (owner && owner !== home && templates.has(owner)) {
      return {
        span: d.span,
        note: `this \`${id}\` finding is reported in ${describeItem(owner)}`,
        hint: `the \`${id}\` finding is reported in ${describeItem(owner)} (line ${d.span.line}), which ${describeItem(home)} is made from: a suppression covers the findings of the declaration it is in or above, so write it in or above ${describeItem(owner)} (it then covers every declaration made from it).`,
      };
    }
    const about = d.related?.find((r) => r.span.file === home.span.file && r.span.start >= home.span.start && r.span.end <= home.span.end);
    if (owner && owner !== home && about) {
      return {
        span: d.span,
        note: `the \`${id}\` finding about a value set here`,
        hint: `the \`${id}\` finding about a value set here is reported on ${describeItem(owner)} (line ${d.span.line}): write the suppression in or above ${describeItem(owner)}.`,
      };
    }
  }
  return undefined;
}

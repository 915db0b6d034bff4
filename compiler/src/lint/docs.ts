// A rule's docs page (markdown) from its metadata: docs/rules/<id>.md is generated from this by a
// test (test/lint/docs.test.ts), SARIF carries it as help, and `kdsl lint --list-rules` shows it.
import type { AnyRule } from "./rule.ts";

export function ruleMarkdown(rule: AnyRule): string {
  const d = rule.docs;
  const out: string[] = [`# ${rule.id}`, "", `${rule.summary}.`, "", `- Category: ${rule.category}`, `- Default severity: ${rule.severity}`, `- Automatic fix: ${rule.fixable ? "yes (`kdsl lint --fix`)" : "no"}`, ""];
  out.push("## Why", "", d.rationale, "", "## Bad", "", "```kdsl", d.bad.trimEnd(), "```", "", "## Good", "", "```kdsl", d.good.trimEnd(), "```", "", "## How to fix", "", d.fix, "");
  const opts = rule.options ? Object.entries(rule.options.schema as Record<string, { description: string }>) : [];
  if (opts.length) {
    out.push("## Options", "", "| option | default | description |", "| --- | --- | --- |");
    for (const [name, schema] of opts) out.push(`| \`${name}\` | \`${JSON.stringify((rule.options!.defaults as Record<string, unknown>)[name])}\` | ${schema.description} |`);
    const example = JSON.stringify({ lint: { rules: { [rule.id]: [rule.severity, rule.options!.defaults] } } });
    out.push("", "In kdsl.json:", "", "```json", example, "```", "");
  }
  out.push("## Configure and suppress", "", `Set the severity in kdsl.json: \`{ "lint": { "rules": { "${rule.id}": "off" } } }\` (\`off\`, \`info\`, \`warning\` or \`error\`).`, "");
  out.push(d.suppress ?? `Suppress one case with a comment on the line before it, at the end of its line, or above the declaration or block it belongs to: \`// kdsl-ignore ${rule.id}: <why this is fine here>\`. The reason is required.`, "");
  return out.join("\n");
}

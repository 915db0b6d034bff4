// The JSON schema of kdsl.json's `lint` section, generated from the registry so that it cannot
// drift from the rules: every rule id is a known key with its own options. The same object
// validates the config at run time (ajv) and is written into schemas/kdsl.schema.json for editors
// (test/lint/schema.test.ts keeps the committed copy equal).
import type { AnyRule } from "./rule.ts";
import { RULES } from "./registry.ts";

const SEVERITY = { enum: ["off", "info", "warning", "error"] };

export function ruleConfigSchema(rule: AnyRule): Record<string, unknown> {
  const options = {
    type: "object",
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(rule.options?.schema ?? {}).map(([k, v]) => [k, { ...(v as object), default: (rule.options!.defaults as Record<string, unknown>)[k] }])),
  };
  return {
    description: `${rule.summary} (${rule.category}; default ${rule.severity}). See docs/rules/${rule.id}.md.`,
    anyOf: [
      { ...SEVERITY, description: "The severity for this rule, or `off`." },
      { type: "array", description: "[severity, options]", minItems: 2, maxItems: 2, items: [SEVERITY, options], additionalItems: false },
    ],
  };
}

/** Schema of `lint`: `{ "rules": { "<id>": severity | [severity, options] }, "ignore": ["glob", ...] }`. */
export function lintSchema(): Record<string, unknown> {
  const all = [...RULES].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    type: "object",
    description: "Settings of `kdsl lint`. See docs/lint.md.",
    additionalProperties: false,
    properties: {
      rules: {
        type: "object",
        description: "Per rule: `off`, `info`, `warning` or `error`, or `[severity, { options }]`.",
        additionalProperties: false,
        properties: Object.fromEntries(all.map((r) => [r.id, ruleConfigSchema(r)])),
      },
      ignore: {
        type: "array",
        description: "Globs, relative to the project root, of .kdsl files whose findings are not reported (e.g. `generated/**`).",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
      },
    },
  };
}

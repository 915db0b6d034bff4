// Reported by the suppression engine (../suppress.ts), not by a check of its own: a rule entry so
// that it has a severity, a config key and a docs page like every other rule.
import type { Rule } from "../rule.ts";

export const rule: Rule = {
  id: "unused-suppression",
  category: "style",
  severity: "warning",
  summary: "A `// kdsl-ignore` comment suppresses nothing or names an unknown rule",
  docs: {
    rationale:
      "A suppression that no longer matches a finding is dead weight, and worse, it would silently hide the problem if it came back in a different form. One that names an unknown rule is usually a typo, so the finding it was meant for is still reported.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  // kdsl-ignore single-replica: we run one copy
  replicas = 3
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 3
}
`,
    fix: "Remove the comment, or, when it names several rules, the names that suppress nothing (each is reported on its own; `kdsl lint --fix` removes them, and the whole comment when none of its names is used). Correct a rule id that names no rule. Suppressions of rules turned off in kdsl.json are not reported.",
    suppress: "This rule cannot be suppressed inline; turn it off in kdsl.json (`\"unused-suppression\": \"off\"`).",
  },
  fixable: true,
  check() {
    // The suppression engine reports it.
  },
};

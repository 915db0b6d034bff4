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
    fix: "A suppression covers the findings of the declaration (or template, with the declarations made from it) it is in or above; see docs/lint.md. Remove the comment, or, when it names several rules, the names that suppress nothing (each is reported on its own; `kdsl lint --fix` removes them, and the whole comment when none of its names is used). When a finding of the rule is still reported for the declaration somewhere the comment does not cover (in a template it is made from, say), the message says where: move the comment there; `--fix` then leaves it alone. Correct a rule id that names no rule by hand (the finding has a did-you-mean; `--fix` keeps the name). `suppression-needs-reason` and `unused-suppression` cannot be suppressed inline: naming them is reported too. Suppressions of rules turned off in kdsl.json are not reported.",
    suppress: "This rule cannot be suppressed inline; turn it off in kdsl.json (`\"unused-suppression\": \"off\"`).",
  },
  fixable: true,
  check() {
    // The suppression engine reports it.
  },
};

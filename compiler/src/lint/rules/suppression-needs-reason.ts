// Reported by the suppression engine (../suppress.ts), not by a check of its own: a rule entry so
// that it has a severity, a config key and a docs page like every other rule.
import type { Rule } from "../rule.ts";

export const rule: Rule = {
  id: "suppression-needs-reason",
  category: "style",
  severity: "warning",
  summary: "A `// kdsl-ignore` comment gives no reason, or names no rule",
  docs: {
    rationale:
      "A suppression turns a finding off for good. Without a reason the next reader cannot tell a considered exception from a silenced warning, and nobody knows when it may be removed.\n\nThe rule also reports comments that look like suppressions but suppress nothing, so that nobody believes a finding is handled: `// kdsl-ignore: <reason>` (no rule named; there is no suppression of every rule), `/// kdsl-ignore ...` (a doc comment), `/* kdsl-ignore ... */` (a block comment) and `// kdsl-ignore-next-line ...`.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  // kdsl-ignore single-replica
  replicas = 1
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  // kdsl-ignore single-replica: a singleton by design, it holds the scheduling lock
  replicas = 1
}
`,
    fix: "Write the reason after a colon: `// kdsl-ignore <rule-id>: <reason>`. The suppression applies even without one; this finding only asks for the why. A comment that names no rule, or is not a `//` line comment starting with `kdsl-ignore` and a space, applies to nothing: rewrite it in that form.",
    suppress: "This rule cannot be suppressed inline; turn it off in kdsl.json (`\"suppression-needs-reason\": \"off\"`) if your team does not want reasons.",
  },
  check() {
    // The suppression engine reports it.
  },
};

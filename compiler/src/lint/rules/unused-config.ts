// A config declared but never referred to: dead weight, or a reference that points elsewhere.
import type { Rule } from "../rule.ts";
import { reportUnused } from "../refs.ts";

export const rule: Rule = {
  id: "unused-config",
  category: "correctness",
  severity: "warning",
  summary: "A config is declared but no workload, profile or patch refers to it",
  docs: {
    rationale:
      "A config nobody reads is a ConfigMap created for nothing, and a trap: someone changes a value in it and nothing happens. Often the service meant to read it refers to another config by mistake.",
    bad: `app shop

config old-settings {
  log-level = "info"
}

service api {
  image = "ghcr.io/example/api:1.4.2"
}
`,
    good: `app shop

config old-settings {
  log-level = "info"
}

service api {
  image = "ghcr.io/example/api:1.4.2"
  env { LOG_LEVEL = old-settings.log-level }
}
`,
    fix: "Remove the declaration, or refer to it where it is meant to be used. There is no automatic fix: removing it could drop something another tool reads by name.",
    suppress: "A config read by something outside the app (another team's workload, a CI job) is a good reason: `// kdsl-ignore unused-config: read by the billing app's cron`.",
  },
  check(ctx) {
    reportUnused(ctx, "config");
  },
};

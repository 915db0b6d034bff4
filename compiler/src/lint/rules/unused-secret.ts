// A secret declared but never referred to: dead weight, or a reference that points elsewhere.
import type { Rule } from "../rule.ts";
import { reportUnused } from "../refs.ts";

export const rule: Rule = {
  id: "unused-secret",
  category: "correctness",
  severity: "warning",
  summary: "A secret is declared but no workload, profile or patch refers to it",
  docs: {
    rationale:
      "A secret nobody reads still has to be provisioned, rotated and audited, and it is created in the cluster (or fetched from the store) for nothing. Often it is a leftover from a removed service, or the reference meant for it points at another secret by mistake.",
    bad: `app shop

secret old-keys {
  token = env("OLD_TOKEN")
}

service api {
  image = "ghcr.io/example/api:1.4.2"
}
`,
    good: `app shop

secret old-keys {
  token = env("OLD_TOKEN")
}

service api {
  image = "ghcr.io/example/api:1.4.2"
  env { TOKEN = old-keys.token }
}
`,
    fix: "Remove the declaration, or refer to it where it is meant to be used. There is no automatic fix: removing it could drop something another tool reads by name.",
    suppress: "A secret read by something outside the app (another team's workload, a CI job) is a good reason: `// kdsl-ignore unused-secret: read by the billing app's cron`.",
  },
  check(ctx) {
    reportUnused(ctx, "secret");
  },
};

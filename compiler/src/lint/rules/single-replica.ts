// A service with one replica is down during every rollout, node drain and crash.
import type { Rule } from "../rule.ts";
import { setFieldFix } from "../fixes.ts";

export const rule: Rule<{ minReplicas: number }> = {
  id: "single-replica",
  category: "reliability",
  severity: "warning",
  summary: "A service runs fewer replicas than the configured minimum (one, by default)",
  docs: {
    rationale:
      "With a single replica, every node drain, eviction, crash and many rollouts leave the service with nothing to answer requests. Two replicas on different nodes ride through all of them.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 1
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 2
}
`,
    fix: "Set `replicas` to at least `minReplicas` (2 by default). `kdsl lint --fix` does so in the declaration itself (never in a shared template). Services scaled to `0` on purpose are not reported.",
    suppress: "A singleton by design (a leader-elected scheduler, a dev-only tool) is a good reason: `// kdsl-ignore single-replica: exactly one scheduler may run` above the service.",
  },
  options: {
    schema: { minReplicas: { type: "integer", minimum: 2, description: "The fewest replicas a service should run." } },
    defaults: { minReplicas: 2 },
  },
  fixable: true,
  check(ctx) {
    const min = ctx.options.minReplicas;
    for (const s of ctx.app.services) {
      if (!(s.replicas > 0 && s.replicas < min)) continue;
      const fix = setFieldFix(ctx, s.name, "replicas", String(min), `set replicas = ${min}`);
      ctx.report({
        span: ctx.spanOf(s.name, ["replicas"]),
        message: `service \`${s.name}\` runs ${s.replicas} replica${s.replicas === 1 ? "" : "s"}, fewer than ${min}`,
        label: ctx.isOwn(s.name, ["replicas"]) ? "too few replicas" : "runs one replica by default",
        hints: [`set \`replicas = ${min}\` so that a drain or a crash leaves one running.`],
        ...(fix ? { fix } : {}),
      });
    }
  },
};

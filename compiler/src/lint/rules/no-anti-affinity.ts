// Replicas scheduled on one node all die with it.
import type { Rule } from "../rule.ts";
import { addMemberFix, asJson, asList, podsOf } from "../pods.ts";

export const rule: Rule = {
  id: "no-anti-affinity",
  category: "reliability",
  severity: "warning",
  summary: "A service with several replicas does not ask to spread them over nodes",
  docs: {
    rationale:
      "The scheduler places replicas where resources are free, which is often the same node. Then one node failure, drain or noisy neighbour takes every replica at once. A preferred pod anti-affinity (kdsl's `avoid`) or a topology spread constraint asks for one replica per node where possible.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 3
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 3
  avoid { "app.kubernetes.io/name" = "api" }
}
`,
    fix: "Add `avoid { \"app.kubernetes.io/name\" = \"<service>\" }`: replicas then prefer nodes that run no other replica of the service. It is a preference, so scheduling never fails because of it. `kdsl lint --fix` adds it.",
  },
  fixable: true,
  check(ctx) {
    for (const s of ctx.app.services) {
      const most = Math.max(s.replicas, s.autoscale?.max ?? 0);
      if (most < 2) continue;
      const spread = podsOf(ctx, s.name).some((pod) => asJson(asJson(pod.spec["affinity"])?.["podAntiAffinity"]) || asList(pod.spec["topologySpreadConstraints"]).length > 0);
      if (spread || s.avoid) continue;
      const fix = addMemberFix(ctx, s.name, `avoid { "app.kubernetes.io/name" = "${s.name}" }`, "spread replicas with avoid");
      ctx.report({
        span: ctx.spanOf(s.name),
        message: `service \`${s.name}\` may run its ${most} replicas on one node`,
        label: "no anti-affinity",
        hints: [`add \`avoid { "app.kubernetes.io/name" = "${s.name}" }\` to prefer one replica per node.`],
        ...(fix ? { fix } : {}),
      });
    }
  },
};

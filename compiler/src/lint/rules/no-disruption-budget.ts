// Without a PodDisruptionBudget, a node drain may evict every replica of a service at once.
import type { Rule } from "../rule.ts";
import { addMemberFix, asJson, ownerOf, podsMatching } from "../pods.ts";

export const rule: Rule = {
  id: "no-disruption-budget",
  category: "reliability",
  severity: "warning",
  summary: "A service that may run several replicas has no disruption budget",
  docs: {
    rationale:
      "Cluster upgrades and node drains evict pods through the eviction API, which respects PodDisruptionBudgets. Without one, draining the nodes a service runs on may evict all its replicas together: the replicas you added for availability disappear exactly when they are needed.\n\nA service counts by the most replicas it may run: `replicas`, or with `autoscale` the autoscaler's `max` (as `no-anti-affinity` counts them).",
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
  disruption { max-unavailable = 1 }
}
`,
    fix: "Add `disruption { max-unavailable = 1 }` (or `min-available = ...`). `kdsl lint --fix` adds `max-unavailable = 1`, which lets drains proceed one replica at a time.",
  },
  fixable: true,
  check(ctx) {
    // The workloads some budget covers, found once: a service is covered when one of its pods is.
    const covered = new Set<string>();
    for (const o of ctx.objects) {
      const selector = o.object.kind === "PodDisruptionBudget" ? asJson(asJson(o.object["spec"])?.["selector"]) : undefined;
      if (selector !== undefined) for (const pod of podsMatching(ctx, selector)) covered.add(ownerOf(pod.object));
    }
    for (const s of ctx.app.services) {
      // The most it may run, as no-anti-affinity counts: an autoscaler at its maximum is when a
      // drain may evict many replicas at once.
      const most = Math.max(s.replicas, s.autoscale?.max ?? 0);
      if (most < 2 || s.disruption) continue;
      if (covered.has(s.name)) continue;
      const fix = addMemberFix(ctx, s.name, "disruption { max-unavailable = 1 }", "add disruption { max-unavailable = 1 }");
      ctx.report({
        span: ctx.spanOf(s.name),
        message: `service \`${s.name}\` ${s.autoscale ? `may run ${most} replicas (\`autoscale.max\`)` : `runs ${most} replicas`} but has no disruption budget`,
        label: "no disruption budget",
        hints: ["add `disruption { max-unavailable = 1 }` so that drains evict one replica at a time."],
        ...(fix ? { fix } : {}),
      });
    }
  },
};

// Replicas scheduled on one node all die with it.
import type { Rule } from "../rule.ts";
import { addMemberFix, asJson, asList, podsOf, selects, type PodView } from "../pods.ts";
import { writtenSpan } from "../emitted.ts";

/** The label selectors a pod spreads over: its anti-affinity terms' and topology spread constraints'. */
function spreadSelectors(pod: PodView) {
  const anti = asJson(asJson(pod.spec["affinity"])?.["podAntiAffinity"]);
  const terms = [
    ...asList(anti?.["preferredDuringSchedulingIgnoredDuringExecution"]).map((t) => asJson(t["podAffinityTerm"])),
    ...asList(anti?.["requiredDuringSchedulingIgnoredDuringExecution"]),
    ...asList(pod.spec["topologySpreadConstraints"]),
  ];
  return terms.map((t) => asJson(t?.["labelSelector"])).filter((x) => x !== undefined);
}

/** True when the pod keeps away from pods like itself: one of its spread selectors selects its own labels. */
const spreadsItself = (pod: PodView) => spreadSelectors(pod).some((sel) => selects(sel, pod.labels));

export const rule: Rule = {
  id: "no-anti-affinity",
  category: "reliability",
  severity: "warning",
  summary: "A service with several replicas does not ask to spread them over nodes",
  docs: {
    rationale:
      "The scheduler places replicas where resources are free, which is often the same node. Then one node failure, drain or noisy neighbour takes every replica at once. A preferred pod anti-affinity (kdsl's `avoid`) or a topology spread constraint asks for one replica per node where possible.\n\nOnly a selector that matches the service's own pods spreads them: `avoid { tier = \"cache\" }` on a service labelled `tier = \"web\"`, an `avoid` naming another service, or one that excludes a label the service carries (`!legacy` on a `legacy` service) keeps it away from other pods, not from its own replicas, and is reported.",
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
    fix: "Add `avoid { \"app.kubernetes.io/name\" = \"<service>\" }`: replicas then prefer nodes that run no other replica of the service. It is a preference, so scheduling never fails because of it. `kdsl lint --fix` adds it when the service has no `avoid`; an `avoid` that selects other pods is reported at the `avoid`, without a fix (a second `avoid` would merge into it): change its selector.",
  },
  fixable: true,
  check(ctx) {
    for (const s of ctx.app.services) {
      const most = Math.max(s.replicas, s.autoscale?.max ?? 0);
      if (most < 2) continue;
      // Only a term that selects the service's own pods spreads them: `avoid { tier = "cache" }`
      // on a `tier = "web"` service keeps it away from the cache, not from its other replicas.
      const pods = podsOf(ctx, s.name);
      if (pods.some(spreadsItself)) continue;
      const avoid = pods.length > 0 && pods.some((p) => spreadSelectors(p).length > 0) ? writtenSpan(ctx, s.name, ["avoid"]) : undefined;
      // No fix beside an `avoid` (own or inherited): a second `avoid` block merges into the first,
      // and the selector would then need both labels, selecting the service's pods no better.
      const fix = s.avoid ? undefined : addMemberFix(ctx, s.name, `avoid { "app.kubernetes.io/name" = "${s.name}" }`, "spread replicas with avoid");
      ctx.report({
        span: avoid ?? ctx.spanOf(s.name),
        message: `service \`${s.name}\` may run its ${most} replicas on one node`,
        label: avoid ? "this `avoid` does not select the service's own pods" : "no anti-affinity",
        hints: [
          avoid
            ? `\`avoid\` keeps replicas off nodes running the pods it selects, and this one does not select \`${s.name}\`'s own: use \`avoid { "app.kubernetes.io/name" = "${s.name}" }\`, or a selector its own pods match.`
            : `add \`avoid { "app.kubernetes.io/name" = "${s.name}" }\` to prefer one replica per node.`,
        ],
        ...(fix ? { fix } : {}),
      });
    }
  },
};

// An update strategy that may stop every replica at once makes every deploy an outage.
import type { Rule } from "../rule.ts";
import { asJson, bestSpan, patchSpan, workloads } from "../pods.ts";
import { recreates } from "../../backends/k8s/rolling.ts";
import type { ServiceModel } from "../../ir/model.ts";

/** How many replicas `maxUnavailable` (a count or a percentage, rounded down as Kubernetes does) allows. */
function allowed(v: unknown, replicas: number): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\d+%$/.test(v)) return Math.floor((Number(v.slice(0, -1)) * replicas) / 100);
  return undefined;
}

export const rule: Rule = {
  id: "rollout-all-down",
  category: "reliability",
  severity: "warning",
  summary: "An update strategy may take every replica down at once (`Recreate`, or `max-unavailable` of all replicas)",
  docs: {
    rationale:
      "A rolling update with `max-unavailable` equal to the replica count (or `100%`), or the `Recreate` strategy, stops every old replica before new ones are ready: each deploy is an outage, and a new version that fails to start leaves nothing running.\n\nkdsl's own `Recreate` for a Deployment with `volumes` (and no `rollout`) is not reported: its ReadWriteOnce disk can only move to the new pod once the old one has stopped, so that outage is the price of the disk (a `stateful` service replaces one replica at a time instead). A `k8s` patch that sets `Recreate` is reported.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 3
  rollout { max-unavailable = 100% }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 3
  rollout {
    max-surge = 1
    max-unavailable = 1
  }
}
`,
    fix: "Keep `max-unavailable` below the replica count (`1`, `25%`, or `0` with `max-surge = 1`), and drop a `Recreate` strategy patch unless two versions truly cannot run side by side.",
    suppress: "A program that must never run twice (a single-writer database) may need `Recreate`: suppress with that reason.",
  },
  check(ctx) {
    const byName = new Map<string, ServiceModel>();
    for (const s of ctx.app.services) byName.set(s.name, s);
    const names = new Set(workloads(ctx).filter((w) => w.kind === "service").map((w) => w.model.name));
    for (const o of ctx.objects) {
      const kind = o.object.kind;
      if (kind !== "Deployment" && kind !== "StatefulSet") continue;
      const owner = o.object.metadata.labels?.["app.kubernetes.io/name"];
      const s = owner !== undefined && names.has(owner) ? byName.get(owner) : undefined;
      if (!s || o.object.metadata.name !== s.name) continue; // the main version's object
      const spec = asJson(o.object["spec"]) ?? {};
      const replicas = typeof spec["replicas"] === "number" ? spec["replicas"] : s.autoscale?.min ?? s.replicas;
      if (replicas < 1) continue;
      const strategy = asJson(spec[kind === "Deployment" ? "strategy" : "updateStrategy"]) ?? {};
      if (strategy["type"] === "Recreate") {
        const patched = patchSpan(ctx, s.name, [["spec", "strategy", "type"], ["spec", "strategy"]]);
        // kdsl's own choice for a Deployment with a volume (docs/language.md): its ReadWriteOnce
        // disk cannot attach to a new pod on another node while the old one holds it. Deliberate.
        if (!patched && recreates(s)) continue;
        ctx.report({ span: patched ?? ctx.spanOf(s.name), message: `\`${s.name}\` is updated with \`Recreate\`: every replica stops before the new version starts`, label: "Recreate", hints: ["use a rolling update (remove the patch) with `rollout { max-unavailable = 1 }`."] });
        continue;
      }
      const down = allowed(asJson(strategy["rollingUpdate"])?.["maxUnavailable"], replicas);
      if (down === undefined || down < replicas) continue;
      ctx.report({
        span: patchSpan(ctx, s.name, [["spec", "strategy", "rollingUpdate", "maxUnavailable"], ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"]]) ?? bestSpan(ctx, s.name, [["rollout", "max-unavailable"], ["rollout"]]),
        message: `an update of \`${s.name}\` may take all ${replicas} replica${replicas === 1 ? "" : "s"} down at once`,
        label: "every replica",
        hints: [`set \`rollout { max-unavailable = ${Math.max(0, replicas - 1) || 0} }\`${replicas === 1 ? " with `max-surge = 1`" : ""} so that some replicas keep serving.`],
      });
    }
  },
};

// Workloads without CPU or memory requests and limits are scheduled blind and can starve neighbours.
import type { Rule } from "../rule.ts";
import { asJson, type Json } from "../pods.ts";
import { appContainers } from "../emitted.ts";

type Resource = "cpu" | "memory";

export const rule: Rule<{ resources: Resource[] }> = {
  id: "no-resource-limits",
  category: "reliability",
  severity: "warning",
  summary: "A workload sets neither a request nor a limit for CPU or memory",
  docs: {
    rationale:
      "Without requests the scheduler places pods as if they cost nothing and packs nodes until they fall over; without limits one leaking pod can take a node's memory from every other pod. A workload that states neither is the first to be evicted (BestEffort) under pressure.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  resources {
    cpu = 100m to 500m
    memory = 128Mi to 256Mi
  }
}
`,
    fix: "Add a `resources` block with a request and a limit for each resource: `cpu = 100m to 500m`, `memory = 128Mi to 256Mi` (request to limit). Measure real use first; there is no automatic fix because no number is right for every program. Requests and limits set by a `k8s.container` patch count.",
  },
  options: {
    schema: {
      resources: {
        type: "array",
        items: { enum: ["cpu", "memory"] },
        uniqueItems: true,
        description: "The resources every workload must state a request or a limit for.",
      },
    },
    defaults: { resources: ["cpu", "memory"] },
  },
  check(ctx) {
    for (const w of [...ctx.app.services, ...ctx.app.jobs]) {
      // As emitted: a request or limit set by a `k8s.container { resources... }` patch counts.
      const containers = appContainers(ctx, w.name);
      const states = (c: Json, r: Resource) => ["requests", "limits"].some((k) => asJson(asJson(c["resources"])?.[k])?.[r] !== undefined);
      const missing = ctx.options.resources.filter((r) => (containers.length ? !containers.every((c) => states(c, r)) : !w.resources?.[r]?.request && !w.resources?.[r]?.limit));
      if (missing.length === 0) continue;
      const what = missing.map((r) => `\`${r}\``).join(" and ");
      ctx.report({
        span: ctx.spanOf(w.name, ["resources"]),
        message: `\`${w.name}\` sets no request or limit for ${what}`,
        label: "no resources stated",
        hints: [`add \`resources { ${missing.map((r) => (r === "cpu" ? "cpu = 100m to 500m" : "memory = 128Mi to 256Mi")).join("; ")} }\` with numbers measured for this program.`],
      });
    }
  },
};

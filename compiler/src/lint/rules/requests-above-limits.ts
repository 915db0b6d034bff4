// A request above its limit is rejected by the API server: the workload never starts.
import type { Rule } from "../rule.ts";
import { asJson, cpuMillis, memoryBytes, patchSpan, podsOf, workloads } from "../pods.ts";

export const rule: Rule = {
  id: "requests-above-limits",
  category: "efficiency",
  severity: "error",
  summary: "A container requests more CPU or memory than its limit (after `k8s` patches)",
  docs: {
    rationale:
      "Kubernetes rejects a container whose request exceeds its limit, so the Deployment never gets a pod. kdsl checks `cpu = a to b` itself (KD3010); a `k8s.container { resources... }` patch can still make the two disagree, for example by lowering the limit of an inherited range.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  resources { memory = 256Mi to 512Mi }
  k8s.container { resources.limits.memory = "128Mi" }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  resources { memory = 128Mi to 128Mi }
}
`,
    fix: "Set requests and limits in `resources` (`memory = 128Mi to 256Mi`) rather than through a patch, so that kdsl checks them together.",
  },
  check(ctx) {
    for (const { model: w } of workloads(ctx)) {
      const over = new Set<string>();
      for (const pod of podsOf(ctx, w.name)) {
        for (const c of pod.containers) {
          const r = asJson(c["resources"]);
          const req = asJson(r?.["requests"]) ?? {};
          const lim = asJson(r?.["limits"]) ?? {};
          const cpu = [cpuMillis(req["cpu"]), cpuMillis(lim["cpu"])];
          const mem = [memoryBytes(req["memory"]), memoryBytes(lim["memory"])];
          if (cpu[0] !== undefined && cpu[1] !== undefined && cpu[0] > cpu[1]) over.add("cpu");
          if (mem[0] !== undefined && mem[1] !== undefined && mem[0] > mem[1]) over.add("memory");
        }
      }
      for (const res of ["cpu", "memory"]) {
        if (!over.has(res)) continue;
        ctx.report({
          span: patchSpan(ctx, w.name, [["resources", "limits", res], ["resources", "requests", res], ["resources"]]) ?? ctx.spanOf(w.name, ["resources", res]),
          message: `\`${w.name}\` requests more ${res} than its limit`,
          label: "request above limit",
          hints: [`set both in \`resources\` (\`${res} = request to limit\`) and drop the patch.`],
        });
      }
    }
  },
};

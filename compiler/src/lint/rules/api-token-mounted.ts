// A mounted Kubernetes API token is a credential every process in the pod can read and use.
import type { Rule } from "../rule.ts";
import { patchSpan, podsOf, workloads } from "../pods.ts";

export const rule: Rule = {
  id: "api-token-mounted",
  category: "security",
  severity: "warning",
  summary: "Pods get a Kubernetes API token mounted (`automountServiceAccountToken`)",
  docs: {
    rationale:
      "A mounted service account token lets anyone who gets into the container talk to the Kubernetes API as the workload. Most programs never call the API, so kdsl mounts no token unless `api-token = true`. Operators, controllers and tools that read the cluster's state do need it; everything else should not have it.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  api-token = true
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
}
`,
    fix: "Remove `api-token = true` (and any `k8s.pod { automountServiceAccountToken = true }`) unless the program calls the Kubernetes API.",
    suppress: "A workload that does call the API says so: `// kdsl-ignore api-token-mounted: watches ConfigMaps to reload its settings`.",
  },
  check(ctx) {
    for (const { model: w } of workloads(ctx)) {
      const mounted = podsOf(ctx, w.name).some((pod) => pod.spec["automountServiceAccountToken"] !== false);
      if (!mounted) continue;
      ctx.report({
        span: patchSpan(ctx, w.name, [["automountServiceAccountToken"]]) ?? ctx.spanOf(w.name, ["api-token"]),
        message: `\`${w.name}\` mounts a Kubernetes API token in its pods`,
        label: "API token",
        hints: ["remove `api-token = true` unless the program calls the Kubernetes API; if it does, suppress this finding with the reason."],
      });
    }
  },
};

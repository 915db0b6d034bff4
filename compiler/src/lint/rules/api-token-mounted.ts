// A mounted Kubernetes API token is a credential every process in the pod can read and use.
import type { Rule } from "../rule.ts";
import { patchSpan, podsOf, workloads } from "../pods.ts";
import { siteOf } from "../inherited.ts";

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
      // A value from a template is reported on each declaration made from it, with a note there.
      const patched = patchSpan(ctx, w.name, [["automountServiceAccountToken"]]);
      const site = siteOf(ctx, w.name, patched ?? ctx.spanOf(w.name, ["api-token"]), patched ? "`automountServiceAccountToken = true`" : "`api-token = true`");
      ctx.report({
        span: site.span,
        message: `\`${w.name}\` mounts a Kubernetes API token in its pods`,
        label: site.inherited ? "inherits an API token" : "API token",
        hints: ["remove `api-token = true` unless the program calls the Kubernetes API; if it does, suppress this finding with the reason."],
        ...(site.related ? { related: site.related } : {}),
      });
    }
  },
};

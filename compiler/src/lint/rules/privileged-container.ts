// A privileged container has every capability and every device of the node: it is the node.
import type { Rule } from "../rule.ts";
import { asJson, patchSpan, podsOf, workloads } from "../pods.ts";
import { siteOf } from "../inherited.ts";

export const rule: Rule = {
  id: "privileged-container",
  category: "security",
  severity: "error",
  summary: "A container runs privileged",
  docs: {
    rationale:
      "`privileged: true` gives the container all Linux capabilities and access to every device of the host, and lifts the seccomp and AppArmor confinement. A compromise of such a container is a compromise of the node and everything scheduled on it. The Pod Security Standards forbid it at every level above `privileged`.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  k8s.container { securityContext.privileged = true }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
}
`,
    fix: "Remove the patch. If the program needs one specific privilege (binding a low port, tuning the network), grant that capability alone, or move the work to a node-level agent managed outside the app.",
  },
  check(ctx) {
    for (const { model: w } of workloads(ctx)) {
      const privileged = podsOf(ctx, w.name).some((pod) => pod.containers.some((c) => asJson(c["securityContext"])?.["privileged"] === true));
      if (!privileged) continue;
      // A patch in a template is reported on each declaration made from it, with a note there.
      const site = siteOf(ctx, w.name, patchSpan(ctx, w.name, [["securityContext", "privileged"]]) ?? ctx.spanOf(w.name, ["k8s"]), "`securityContext.privileged = true`");
      ctx.report({
        span: site.span,
        message: `\`${w.name}\` runs a privileged container`,
        label: site.inherited ? "inherits a privileged container" : "privileged",
        hints: [`remove \`privileged\`${site.inherited ? " from the template" : ""}; grant the one capability the program needs instead, if any.`],
        ...(site.related ? { related: site.related } : {}),
      });
    }
  },
};

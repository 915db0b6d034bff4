// Containers must not run as root: a process that escapes as root owns the node.
import type { Rule } from "../rule.ts";
import { asJson, bestSpan, patchSpan, podsOf, workloads } from "../pods.ts";

export const rule: Rule = {
  id: "run-as-root",
  category: "security",
  severity: "error",
  summary: "A container may run as root: `runAsNonRoot` is not true, or the user is 0",
  docs: {
    rationale:
      "kdsl sets `runAsNonRoot: true` on every container and rejects `user = 0`. A `k8s` patch that turns `runAsNonRoot` off or sets `runAsUser: 0` lets the process run as root: any container escape or writable host mount is then root on the node.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  k8s.container { securityContext.runAsNonRoot = false }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  user = 10001
}
`,
    fix: "Run as an unprivileged user: `user = 10001` (any id other than 0, ideally one the image's files belong to), and drop patches that set `runAsNonRoot = false` or `runAsUser = 0`. If the image only works as root, rebuild it with a `USER` line.",
  },
  check(ctx) {
    for (const { model: w } of workloads(ctx)) {
      for (const pod of podsOf(ctx, w.name)) {
        const podSc = asJson(pod.spec["securityContext"]) ?? {};
        const bad = pod.containers.find((c) => {
          const sc = asJson(c["securityContext"]) ?? {};
          const nonRoot = sc["runAsNonRoot"] ?? podSc["runAsNonRoot"];
          const user = sc["runAsUser"] ?? podSc["runAsUser"];
          return nonRoot !== true || user === 0;
        });
        if (!bad) continue;
        const sc = asJson(bad["securityContext"]) ?? {};
        const user = sc["runAsUser"] ?? podSc["runAsUser"];
        const span =
          patchSpan(ctx, w.name, [["securityContext", "runAsNonRoot"], ["runAsNonRoot"], ["securityContext", "runAsUser"], ["runAsUser"]]) ??
          bestSpan(ctx, w.name, [["user"]]);
        ctx.report({
          span,
          message: user === 0 ? `\`${w.name}\` runs as user 0 (root)` : `\`${w.name}\` does not require a non-root user (\`runAsNonRoot\` is not true)`,
          label: "root",
          hints: ["run as an unprivileged user (`user = 10001`) and keep `runAsNonRoot: true`."],
        });
        break;
      }
    }
  },
};

// allowPrivilegeEscalation lets a process gain more privileges than its parent (setuid binaries).
import type { Rule } from "../rule.ts";
import { asJson, patchSpan, podsOf, workloads } from "../pods.ts";

export const rule: Rule = {
  id: "privilege-escalation",
  category: "security",
  severity: "error",
  summary: "A container allows privilege escalation (`allowPrivilegeEscalation` is not false)",
  docs: {
    rationale:
      "With `allowPrivilegeEscalation` true (or unset, which means true), a process can gain privileges through setuid binaries or file capabilities, turning a small foothold into root inside the container. kdsl sets it to false on every container; this rule catches patches that turn it back on.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  k8s.container { securityContext.allowPrivilegeEscalation = true }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
}
`,
    fix: "Remove the patch. Programs that call `sudo` or other setuid tools at run time should do that work at image build time instead.",
  },
  check(ctx) {
    for (const { model: w } of workloads(ctx)) {
      const allows = podsOf(ctx, w.name).some((pod) => pod.containers.some((c) => asJson(c["securityContext"])?.["allowPrivilegeEscalation"] !== false));
      if (!allows) continue;
      ctx.report({
        span: patchSpan(ctx, w.name, [["securityContext", "allowPrivilegeEscalation"], ["securityContext"]]) ?? ctx.spanOf(w.name, ["k8s"]),
        message: `\`${w.name}\` allows privilege escalation`,
        label: "allowPrivilegeEscalation is not false",
        hints: ["keep `allowPrivilegeEscalation: false` (kdsl's default): remove the patch."],
      });
    }
  },
};

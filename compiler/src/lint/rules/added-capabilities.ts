// Linux capabilities beyond the runtime's default set widen what a compromised process can do.
import type { Rule } from "../rule.ts";
import { asJson, patchSpan, podsOf, workloads } from "../pods.ts";

export const rule: Rule<{ allowed: string[] }> = {
  id: "added-capabilities",
  category: "security",
  severity: "warning",
  summary: "A container adds Linux capabilities",
  docs: {
    rationale:
      "kdsl drops every capability (`drop: [ALL]`). Each capability added back (`NET_ADMIN`, `SYS_ADMIN`, ...) is a piece of root: `SYS_ADMIN` alone is close to privileged. The restricted Pod Security Standard allows only `NET_BIND_SERVICE`.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  k8s.container { securityContext.capabilities.add = ["NET_ADMIN"] }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
}
`,
    fix: "Remove the capability. To listen on a port below 1024, listen on a high port and map it: `port http 80 -> 8080`. List capabilities you accept in the `allowed` option.",
  },
  options: {
    schema: { allowed: { type: "array", items: { type: "string" }, uniqueItems: true, description: "Capabilities that may be added without a finding, e.g. `NET_BIND_SERVICE`." } },
    defaults: { allowed: [] },
  },
  check(ctx) {
    const allowed = new Set(ctx.options.allowed.map((c) => c.toUpperCase().replace(/^CAP_/, "")));
    for (const { model: w } of workloads(ctx)) {
      const added = new Set<string>();
      for (const pod of podsOf(ctx, w.name)) {
        for (const c of pod.containers) {
          const add = asJson(asJson(c["securityContext"])?.["capabilities"])?.["add"];
          if (Array.isArray(add)) for (const cap of add) if (!allowed.has(String(cap).toUpperCase().replace(/^CAP_/, ""))) added.add(String(cap));
        }
      }
      if (added.size === 0) continue;
      const list = [...added].sort().map((c) => `\`${c}\``).join(", ");
      ctx.report({
        span: patchSpan(ctx, w.name, [["securityContext", "capabilities", "add"], ["securityContext", "capabilities"]]) ?? ctx.spanOf(w.name, ["k8s"]),
        message: `\`${w.name}\` adds the capabilit${added.size === 1 ? "y" : "ies"} ${list}`,
        label: "added capabilities",
        hints: ["drop the capability, or list it under this rule's `allowed` option in kdsl.json if it is truly needed."],
      });
    }
  },
};

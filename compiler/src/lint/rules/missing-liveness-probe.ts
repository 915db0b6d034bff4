// Without a liveness probe, a hung process keeps its replica forever.
import type { Rule } from "../rule.ts";
import { asJson } from "../pods.ts";
import { appContainers } from "../emitted.ts";

export const rule: Rule = {
  id: "missing-liveness-probe",
  category: "reliability",
  severity: "warning",
  summary: "A service has no liveness probe",
  docs: {
    rationale:
      "Kubernetes restarts a container when its process exits, but not when it deadlocks, loops or leaks itself into uselessness. A liveness probe is how the kubelet notices and restarts it; without one a stuck replica stays stuck until a human finds it.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  health { readiness = http("/ready") }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  health {
    readiness = http("/ready")
    liveness = http("/alive")
  }
}
`,
    fix: "Add `health { liveness = ... }` checking that the process itself is responsive (not its dependencies): a cheap endpoint, `tcp()` or `exec([...])`. A probe set by a `k8s.container { livenessProbe... }` patch counts.",
  },
  check(ctx) {
    // As emitted: a probe written in a `k8s.container { ... }` patch counts as one.
    const probed = (name: string, declared: boolean, key: string) => {
      const containers = appContainers(ctx, name);
      return containers.length ? containers.every((c) => asJson(c[key]) !== undefined) : declared;
    };
    for (const s of ctx.app.services) {
      if (s.replicas === 0 || probed(s.name, s.probes.liveness !== undefined, "livenessProbe")) continue;
      ctx.report({
        span: ctx.spanOf(s.name, ["health"]),
        message: `service \`${s.name}\` has no liveness probe`,
        label: "no liveness probe",
        hints: ["add `health { liveness = ... }` that fails only when the process is stuck (not when a dependency is down)."],
      });
    }
  },
};

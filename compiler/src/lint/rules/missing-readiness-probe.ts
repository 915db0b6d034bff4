// Without a readiness probe, traffic reaches a replica the moment its process starts.
import type { Rule } from "../rule.ts";
import { asJson } from "../pods.ts";
import { appContainers } from "../emitted.ts";

export const rule: Rule = {
  id: "missing-readiness-probe",
  category: "reliability",
  severity: "warning",
  summary: "A service with ports has no readiness probe",
  docs: {
    rationale:
      "Kubernetes sends traffic to a replica as soon as its container starts unless a readiness probe says otherwise. Every rollout, restart and scale-up then fails the requests that arrive while the program is still loading, and a replica that stops answering keeps receiving traffic.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  health { readiness = http("/ready") }
}
`,
    fix: "Add `health { readiness = http(\"/ready\") }` (or `tcp()`, `grpc()`, `exec([...])`) answering only when the program can serve. `service x from web` gets one from the template. A probe set by a `k8s.container { readinessProbe... }` patch counts.",
  },
  check(ctx) {
    // As emitted: a probe written in a `k8s.container { ... }` patch counts as one.
    const probed = (name: string, declared: boolean, key: string) => {
      const containers = appContainers(ctx, name);
      return containers.length ? containers.every((c) => asJson(c[key]) !== undefined) : declared;
    };
    for (const s of ctx.app.services) {
      if (s.ports.length === 0 || probed(s.name, s.probes.readiness !== undefined, "readinessProbe")) continue;
      ctx.report({
        span: ctx.spanOf(s.name, ["health"]),
        message: `service \`${s.name}\` has ports but no readiness probe`,
        label: "no readiness probe",
        hints: [`add \`health { readiness = ${probeFor(s.ports[0]!.name)} }\` answering once the program can serve.`],
      });
    }
  },
};

function probeFor(port: string): string {
  return port === "grpc" ? "grpc()" : port.startsWith("http") || port === "web" ? 'http("/ready")' : "tcp()";
}

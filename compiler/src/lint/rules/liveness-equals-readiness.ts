// Identical liveness and readiness probes restart replicas that are merely busy.
import type { Probe } from "../../ir/model.ts";
import type { Rule } from "../rule.ts";

function same(a: Probe, b: Probe): boolean {
  return (
    JSON.stringify(a.action) === JSON.stringify(b.action) &&
    a.period === b.period &&
    a.initialDelay === b.initialDelay &&
    a.timeout === b.timeout &&
    a.failureThreshold === b.failureThreshold
  );
}

export const rule: Rule = {
  id: "liveness-equals-readiness",
  category: "reliability",
  severity: "warning",
  summary: "A service's liveness probe is the same as its readiness probe",
  docs: {
    rationale:
      "Readiness answers \"can this replica take traffic now?\", liveness \"is this process beyond repair?\". When both are the same check, a replica that is briefly overloaded or waiting on a dependency fails both: it is taken out of the Service and restarted at once, which moves its load to the others, which then fail too. A cascade of restarts turns a slow moment into an outage.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  health {
    readiness = http("/healthz")
    liveness = http("/healthz")
  }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  health {
    readiness = http("/ready")
    liveness = tcp()
  }
}
`,
    fix: "Make liveness cheaper and more tolerant than readiness: a different endpoint that checks only the process itself, `tcp()`, or the same endpoint with a larger `failures` threshold in a separate probe.",
  },
  check(ctx) {
    for (const s of ctx.app.services) {
      const { readiness, liveness } = s.probes;
      if (!readiness || !liveness || !same(readiness, liveness)) continue;
      ctx.report({
        span: ctx.spanOf(s.name, ["health", "liveness"]),
        message: `service \`${s.name}\` uses the same check for liveness and readiness`,
        label: "same as readiness",
        hints: ["check only the process itself for liveness (`tcp()` or a cheap endpoint), so that a busy replica is not restarted."],
      });
    }
  },
};

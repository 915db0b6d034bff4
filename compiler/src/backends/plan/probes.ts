// Probes for the runtime: the IR's actions with Kubernetes' default timings filled in, and ports
// named, so that the runtime probes each replica on its own listen port for that name.
import type { PortModel, Probe, Probes } from "../../ir/model.ts";
import type { PlanProbe, PlanService } from "./types.ts";

// Kubernetes' defaults: the runtime behaves as the cluster would with the same settings.
const DEFAULTS = { period: 10, initialDelay: 0, timeout: 1, failureThreshold: 3 };

/** A port name of the service when the probe's port is one of its ports, else the number. */
function portOf(ports: readonly PortModel[], port: string | number | undefined): string | number | undefined {
  if (port === undefined) return ports[0]?.name;
  if (typeof port === "string") return port;
  return (ports.find((p) => p.targetPort === port) ?? ports.find((p) => p.port === port))?.name ?? port;
}

function probe(ports: readonly PortModel[], p: Probe): PlanProbe {
  const timing = {
    period: p.period ?? DEFAULTS.period,
    initialDelay: p.initialDelay ?? DEFAULTS.initialDelay,
    timeout: p.timeout ?? DEFAULTS.timeout,
    failureThreshold: p.failureThreshold ?? DEFAULTS.failureThreshold,
  };
  const a = p.action;
  switch (a.type) {
    case "exec":
      return { type: "exec", command: a.command, ...timing };
    case "http": {
      const port = portOf(ports, a.port);
      return port === undefined ? { type: "http", path: a.path, ...timing } : { type: "http", path: a.path, port, ...timing };
    }
    case "tcp":
    case "grpc": {
      const port = portOf(ports, a.port);
      const service = a.type === "grpc" && a.service !== undefined ? { service: a.service } : {};
      return port === undefined ? { type: a.type, ...service, ...timing } : { type: a.type, port, ...service, ...timing };
    }
  }
}

export function planProbes(ports: readonly PortModel[], probes: Probes): PlanService["probes"] {
  const out: { -readonly [K in keyof PlanService["probes"]]: PlanProbe } = {};
  for (const k of ["readiness", "liveness", "startup"] as const) {
    const p = probes[k];
    if (p) out[k] = probe(ports, p);
  }
  return out;
}

// A ClusterIP Service for a service with ports. It selects the workload's pods on every track,
// so stable and canary replicas share its traffic. A stateful service gets a headless one.
import type { ServiceModel } from "../../ir/model.ts";
import { serviceSelector, labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

/** Undefined for a service without ports (a worker nobody calls). */
export function buildService(ctx: BuildContext, s: ServiceModel): EmittedObject | undefined {
  // A stateful service always has its (headless) Service: it gives the replicas their DNS names.
  if (s.ports.length === 0 && !s.stateful) return undefined;
  const ports = servicePorts(s);
  return {
    object: {
      apiVersion: "v1",
      kind: "Service",
      metadata: namespacedMetadata(ctx, s.name, labelsOf(ctx, s, s.image, undefined)),
      // A stateful service's Service is headless: each replica gets its own DNS name.
      spec: s.stateful ? headless(ctx, s, ports) : { type: "ClusterIP", selector: serviceSelector(ctx.app, s.name), ports },
    },
    origin: s.origin,
  };
}

/** The Service ports of a service: clients' port, the container port by name. */
export function servicePorts(s: ServiceModel): Record<string, unknown>[] {
  const ports = new Array<Record<string, unknown>>(s.ports.length);
  for (let i = 0; i < s.ports.length; i++) {
    const p = s.ports[i];
    ports[i] = { name: p.name, port: p.port, targetPort: p.name, protocol: "TCP" };
  }
  return ports;
}

function headless(ctx: BuildContext, s: ServiceModel, ports: Record<string, unknown>[]): Record<string, unknown> {
  const spec: Record<string, unknown> = { clusterIP: "None", selector: serviceSelector(ctx.app, s.name) };
  if (ports.length > 0) spec.ports = ports;
  return spec;
}

// Readiness, liveness and startup probes. A probe without a port uses the container's first
// port: by name for HTTP and TCP, by number for gRPC (whose port must be a number).
import type { PortModel, Probe } from "../../ir/model.ts";

export function buildProbe(probe: Probe, ports: readonly PortModel[]): Record<string, unknown> {
  const a = probe.action;
  const out: Record<string, unknown> = {};
  switch (a.type) {
    case "http":
      out.httpGet = { path: a.path, port: a.port ?? defaultNamedPort(ports) };
      break;
    case "tcp":
      out.tcpSocket = { port: a.port ?? defaultNamedPort(ports) };
      break;
    case "grpc": {
      const grpc: Record<string, unknown> = { port: a.port ?? (ports.length > 0 ? ports[0].targetPort : undefined) };
      if (a.service !== undefined) grpc.service = a.service;
      out.grpc = grpc;
      break;
    }
    case "exec":
      out.exec = { command: a.command.slice() };
      break;
  }
  if (probe.initialDelay !== undefined) out.initialDelaySeconds = probe.initialDelay;
  if (probe.period !== undefined) out.periodSeconds = probe.period;
  if (probe.timeout !== undefined) out.timeoutSeconds = probe.timeout;
  if (probe.failureThreshold !== undefined) out.failureThreshold = probe.failureThreshold;
  return out;
}

/** Undefined when there is no port: the schema check then reports the missing port (KD5001). */
function defaultNamedPort(ports: readonly PortModel[]): string | undefined {
  return ports.length > 0 ? ports[0].name : undefined;
}

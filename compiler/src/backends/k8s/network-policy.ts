// `uses` → NetworkPolicy allow-lists. A service that something in the app calls (a service lists
// it in `uses`, or a workload's environment holds its address) gets one NetworkPolicy selecting
// its pods: ingress to its ports only from the pods of those clients (and, for a stateful
// service, from its own replicas, which talk to each other). Ports reached from outside the app
// stay open to everyone: the exposed port (the ingress controller lives elsewhere) and the metrics
// port (so does Prometheus). A service nothing calls is an entry point and gets no policy. Egress
// is not restricted. The policy only takes effect where the cluster's network plugin enforces
// NetworkPolicies.
import type { AppModel, EnvVar, ServiceModel } from "../../ir/model.ts";
import { NAME, PART_OF, serviceSelector, labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

/**
 * For each service, the workloads that call it, by name, sorted. Indexed loops over every
 * workload's uses and environment: a cold build runs this once, unoptimised, and a for-of makes
 * an iterator for each of the thousands of (mostly empty or short) lists.
 */
export function clientsOf(app: AppModel): Map<string, string[]> {
  const clients = new Map<string, Set<string>>();
  const add = (target: string, client: string) => {
    if (target === client) return;
    let set = clients.get(target);
    if (set === undefined) clients.set(target, (set = new Set()));
    set.add(client);
  };
  const fromEnv = (name: string, env: readonly EnvVar[]) => {
    for (let i = 0; i < env.length; i++) {
      const v = env[i].value;
      if (v.kind === "service") add(v.service, name);
      else if (v.kind === "interpolated") for (const p of v.parts) if (typeof p !== "string") add(p.service, name);
    }
  };
  const services = app.services;
  for (let i = 0; i < services.length; i++) {
    const s = services[i];
    for (let j = 0; j < s.uses.length; j++) add(s.uses[j], s.name);
    fromEnv(s.name, s.env);
  }
  for (let i = 0; i < app.jobs.length; i++) fromEnv(app.jobs[i].name, app.jobs[i].env);
  for (let i = 0; i < app.crons.length; i++) fromEnv(app.crons[i].name, app.crons[i].env);
  const out = new Map<string, string[]>();
  for (const [k, v] of clients) out.set(k, [...v].sort());
  return out;
}

export function buildNetworkPolicy(ctx: BuildContext, s: ServiceModel, clients: readonly string[] | undefined): EmittedObject | undefined {
  if (s.ports.length === 0 || clients === undefined || clients.length === 0) return undefined;
  const app = ctx.app;
  const peers = s.stateful ? [...clients, s.name].sort() : clients;
  const from = peers.map((c) => ({ podSelector: { matchLabels: { [NAME]: c, [PART_OF]: app.name } } }));
  const open = new Set<string>();
  if (s.expose !== undefined) open.add(s.expose.port.name);
  if (s.metrics !== undefined) open.add(s.metrics.port.name);
  const ingress: Record<string, unknown>[] = [{ from, ports: s.ports.map((p) => ({ protocol: "TCP", port: p.name })) }];
  if (open.size > 0) ingress.push({ ports: [...open].sort().map((name) => ({ protocol: "TCP", port: name })) });
  return {
    object: {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: namespacedMetadata(ctx, s.name, labelsOf(ctx, s, s.image, undefined)),
      spec: { podSelector: { matchLabels: serviceSelector(app, s.name) }, policyTypes: ["Ingress"], ingress },
    },
    origin: s.origin,
  };
}

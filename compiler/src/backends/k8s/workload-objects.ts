// The objects around the workloads, each kind in one run sorted by name: a ServiceAccount per
// workload and the PersistentVolumeClaims of non-stateful services (before the workloads), and
// the HorizontalPodAutoscalers, PodDisruptionBudgets and NetworkPolicies of the services (after).
import type { ServiceModel, Workload } from "../../ir/model.ts";
import { buildAutoscaler } from "./autoscaler.ts";
import { buildDisruptionBudget } from "./disruption-budget.ts";
import { buildNetworkPolicy, clientsOf } from "./network-policy.ts";
import { buildServiceAccount } from "./service-account.ts";
import { buildClaims } from "./storage.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

/** `services` sorted by name. */
export function buildIdentitiesAndClaims(ctx: BuildContext, services: readonly ServiceModel[]): EmittedObject[] {
  const workloads: Workload[] = [...services, ...ctx.app.jobs, ...ctx.app.crons];
  workloads.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out = workloads.map((w) => buildServiceAccount(ctx, w));
  const claims: EmittedObject[] = [];
  for (const s of services) if (s.volumes !== undefined) for (const c of buildClaims(ctx, s)) claims.push(c);
  // `<service>-<volume>`: sorted as a whole, since `api-data` < `api-x-cache` need not follow service order.
  claims.sort((a, b) => (a.object.metadata.name < b.object.metadata.name ? -1 : a.object.metadata.name > b.object.metadata.name ? 1 : 0));
  for (const c of claims) out.push(c);
  return out;
}

/** `services` sorted by name. */
export function buildServicePolicies(ctx: BuildContext, services: readonly ServiceModel[]): EmittedObject[] {
  const out: EmittedObject[] = [];
  for (const s of services) {
    const hpa = buildAutoscaler(ctx, s);
    if (hpa !== undefined) out.push(hpa);
  }
  for (const s of services) {
    const pdb = buildDisruptionBudget(ctx, s);
    if (pdb !== undefined) out.push(pdb);
  }
  const clients = clientsOf(ctx.app);
  for (const s of services) {
    const policy = buildNetworkPolicy(ctx, s, clients.get(s.name));
    if (policy !== undefined) out.push(policy);
  }
  return out;
}

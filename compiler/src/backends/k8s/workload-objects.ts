// The objects around the workloads, each kind in one run sorted by name: a ServiceAccount per
// workload and the PersistentVolumeClaims of non-stateful services (before the workloads), and
// the HorizontalPodAutoscalers, PodDisruptionBudgets and NetworkPolicies of the services (after).
import type { ServiceModel, Workload } from "../../ir/model.ts";
import { buildAutoscaler } from "./autoscaler.ts";
import { buildDisruptionBudget } from "./disruption-budget.ts";
import { buildNetworkPolicy, clientsOf } from "./network-policy.ts";
import { buildServiceAccount } from "./service-account.ts";
import { buildClaims } from "./storage.ts";
import type { BuildContext, ObjectSink } from "./types.ts";

/** `services` sorted by name. */
export function buildIdentitiesAndClaims(ctx: BuildContext, services: readonly ServiceModel[], out: ObjectSink): void {
  const workloads: Workload[] = [...services, ...ctx.app.jobs, ...ctx.app.crons];
  workloads.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const w of workloads) out.add(buildServiceAccount(ctx, w));
  // `<service>-<volume>`: sorted as a whole, since `api-data` < `api-x-cache` need not follow service order.
  out.beginSorted();
  for (const s of services) if (s.volumes !== undefined) for (const c of buildClaims(ctx, s)) out.add(c);
  out.endSorted();
}

/** `services` sorted by name. */
export function buildServicePolicies(ctx: BuildContext, services: readonly ServiceModel[], out: ObjectSink): void {
  for (const s of services) out.add(buildAutoscaler(ctx, s));
  for (const s of services) out.add(buildDisruptionBudget(ctx, s));
  const clients = clientsOf(ctx.app);
  for (const s of services) out.add(buildNetworkPolicy(ctx, s, clients.get(s.name)));
}

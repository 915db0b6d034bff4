// The Kubernetes backend: app model (IR) → Kubernetes objects, validated against the official
// schema, → deterministic multi-document YAML. One builder per object kind (namespace.ts,
// configmap.ts, secret.ts, deployment.ts, service.ts, job.ts) over shared pieces (labels.ts,
// container.ts, env.ts, probes.ts).
//
// Output order: the Namespace, then ConfigMaps, Secrets, ExternalSecrets, ServiceAccounts,
// PersistentVolumeClaims, Deployments, StatefulSets, Rollouts, Services, Jobs, CronJobs,
// HorizontalPodAutoscalers, PodDisruptionBudgets, NetworkPolicies, Ingresses, HTTPRoutes, ServiceMonitors, each kind sorted by name (code-unit order, not locale order). Keys inside objects are in a fixed order
// set by the builders. No timestamps, nothing random: the same model gives the same bytes.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { AppModel, ServiceModel } from "../../ir/model.ts";
import { buildConfigMap } from "./configmap.ts";
import { buildDeployments } from "./deployment.ts";
import { buildJob } from "./job.ts";
import { buildNamespace } from "./namespace.ts";
import { buildSecret } from "./secret.ts";
import { buildService } from "./service.ts";
import { buildStatefulSet } from "./statefulset.ts";
import { buildCronJob } from "./cronjob.ts";
import { buildIdentitiesAndClaims, buildServicePolicies } from "./workload-objects.ts";
import { buildExternalSecret } from "./external-secret.ts";
import { buildHttpRoute, buildVersionServices } from "./gateway.ts";
import { buildIngress } from "./ingress.ts";
import { buildServiceMonitor } from "./monitor.ts";
import { buildRollout } from "./rollout.ts";
import { applyWorkloadSettings } from "./patches.ts";
import type { BuildContext, EmittedObject, K8sObject } from "./types.ts";
import { validateObjects } from "./validate.ts";
import { emitYamlDocuments } from "./yaml-emitter.ts";

export type { EmittedObject, K8sMetadata, K8sObject } from "./types.ts";
export { canaryReplicas } from "./deployment.ts";

export interface KubernetesOutput {
  readonly objects: EmittedObject[];
  readonly diagnostics: Diagnostic[];
}

/** Builds every object of the app and validates each against the Kubernetes schema. */
export function toKubernetes(app: AppModel): KubernetesOutput {
  const servicesByName = new Map<string, ServiceModel>();
  for (const s of app.services) servicesByName.set(s.name, s);
  const ctx: BuildContext = { app, servicesByName, diagnostics: [] };

  const objects: EmittedObject[] = [buildNamespace(ctx)];
  for (const c of byName(app.configs)) objects.push(buildConfigMap(ctx, c));
  for (const s of byName(app.secrets)) {
    const secret = buildSecret(ctx, s);
    if (secret !== undefined) objects.push(secret);
  }
  for (const s of byName(app.secrets)) {
    const external = buildExternalSecret(ctx, s);
    if (external !== undefined) objects.push(external);
  }
  const services = byName(app.services);
  // Identities and storage before the workloads that use them (workload-objects.ts).
  for (const o of buildIdentitiesAndClaims(ctx, services)) objects.push(o);
  const deployments: EmittedObject[] = [];
  for (const s of services) if (s.strategy !== "rollout" && !s.stateful) for (const d of buildDeployments(ctx, s)) deployments.push(d);
  // `web-canary` must sort among the other names (`web-a` < `web-canary`).
  if (deployments.length > 1) deployments.sort(compareObjectNames);
  for (const d of deployments) objects.push(d);
  for (const s of services) if (s.stateful) objects.push(buildStatefulSet(ctx, s));
  for (const s of services) if (s.strategy === "rollout" && !s.stateful) objects.push(buildRollout(ctx, s));
  const svcs: EmittedObject[] = [];
  for (const s of services) {
    const svc = buildService(ctx, s);
    if (svc !== undefined) svcs.push(svc);
    for (const v of buildVersionServices(ctx, s)) svcs.push(v);
  }
  if (svcs.length > 1) svcs.sort(compareObjectNames);
  for (const s of svcs) objects.push(s);
  for (const j of byName(app.jobs)) objects.push(buildJob(ctx, j));
  for (const c of byName(app.crons)) objects.push(buildCronJob(ctx, c));
  // Scaling, disruption budgets and network policies of the services.
  for (const o of buildServicePolicies(ctx, services)) objects.push(o);
  // Traffic and monitoring around the workloads: Ingresses, HTTPRoutes, ServiceMonitors.
  for (const build of [buildIngress, buildHttpRoute, buildServiceMonitor]) {
    for (const s of services) {
      const o = build(ctx, s);
      if (o !== undefined) objects.push(o);
    }
  }

  // `select`, `avoid` and `k8s { }` patches act on the finished objects (patches.ts).
  applyWorkloadSettings(ctx, objects);
  validateObjects(objects, ctx.diagnostics);
  return { objects, diagnostics: ctx.diagnostics };
}

/** Multi-document YAML (`---` between documents), LF line endings, ending with a newline. */
export function toYaml(objects: readonly K8sObject[]): string {
  return emitYamlDocuments(objects);
}

function byName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  const sorted = items.slice();
  sorted.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted;
}

function compareObjectNames(a: EmittedObject, b: EmittedObject): number {
  const x = a.object.metadata.name;
  const y = b.object.metadata.name;
  return x < y ? -1 : x > y ? 1 : 0;
}

// The Kubernetes backend: app model (IR) → Kubernetes objects, validated against the official
// schema, → deterministic multi-document YAML. One builder per object kind (namespace.ts,
// configmap.ts, secret.ts, deployment.ts, service.ts, job.ts) over shared pieces (labels.ts,
// container.ts, env.ts, probes.ts).
//
// Output order: the Namespace, then ConfigMaps, Secrets, ExternalSecrets, ServiceAccounts,
// PersistentVolumeClaims, Deployments, StatefulSets, Rollouts, Services, Jobs, CronJobs,
// HorizontalPodAutoscalers, PodDisruptionBudgets, NetworkPolicies, Ingresses, HTTPRoutes, ServiceMonitors, each kind sorted by name (code-unit order, not locale order). Keys inside objects are in a fixed order
// set by the builders. No timestamps, nothing random: the same model gives the same bytes.
// Each object goes through workload settings, validation and (toKubernetesYaml) writing as soon as
// it is built: output.ts.
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
import { BackendOutput, WorkloadSettings } from "./output.ts";
import type { BuildContext, EmittedObject, K8sObject, ObjectSink } from "./types.ts";
import { emitYamlDocuments, YamlDocuments } from "./yaml-documents.ts";

export type { EmittedObject, K8sMetadata, K8sObject } from "./types.ts";
export { canaryReplicas } from "./deployment.ts";

export interface KubernetesOutput {
  readonly objects: EmittedObject[];
  readonly diagnostics: Diagnostic[];
}

/** Builds every object of the app and validates each against the Kubernetes schema. */
export function toKubernetes(app: AppModel): KubernetesOutput {
  const ctx = context(app);
  const out = new BackendOutput(new WorkloadSettings(ctx));
  buildObjects(ctx, out);
  const objects = out.finish(ctx.diagnostics);
  return { objects, diagnostics: ctx.diagnostics };
}

/** What toKubernetesYaml produced. */
export interface KubernetesYaml {
  /** The same diagnostics, in the same order, as toKubernetes(app).diagnostics. */
  readonly diagnostics: Diagnostic[];
  /** How many objects (documents) were written. */
  readonly count: number;
  /** The YAML: exactly toYaml(toKubernetes(app).objects.map((o) => o.object)). */
  text(): string;
  /**
   * The same YAML as UTF-8 bytes, without making a string: pieces to hand to a file or stdout in
   * order (half the memory of text(), and no decoding). Views of the writer's chunks, owned by
   * this result.
   */
  parts(): Uint8Array[];
}

/**
 * toKubernetes then toYaml in one pass for callers that only write the YAML (`kdsl build`): each
 * object is built, validated and written, then let go, so that the app's objects are never all
 * alive at once (on the 5,000-service bench app they are ~30 MiB of heap). Same text, same
 * diagnostics. The text is decoded only when asked for (text()), so a build with errors never
 * makes it, and a writer can take the bytes (parts()) instead.
 */
export function toKubernetesYaml(app: AppModel): KubernetesYaml {
  const ctx = context(app);
  const docs = new YamlDocuments();
  const out = new BackendOutput(new WorkloadSettings(ctx), docs);
  buildObjects(ctx, out);
  out.finish(ctx.diagnostics);
  return { diagnostics: ctx.diagnostics, count: docs.count, text: () => docs.toString(), parts: () => docs.parts() };
}

/** Multi-document YAML (`---` between documents), LF line endings, ending with a newline. */
export function toYaml(objects: readonly K8sObject[]): string {
  return emitYamlDocuments(objects);
}

function context(app: AppModel): BuildContext {
  const servicesByName = new Map<string, ServiceModel>();
  for (const s of app.services) servicesByName.set(s.name, s);
  return { app, servicesByName, diagnostics: [], labelCache: new Map() };
}

/** Every object of the app into `out`, in output order (see the header). */
function buildObjects(ctx: BuildContext, out: ObjectSink): void {
  const app = ctx.app;
  out.add(buildNamespace(ctx));
  for (const c of byName(app.configs)) out.add(buildConfigMap(ctx, c));
  const secrets = byName(app.secrets);
  for (const s of secrets) out.add(buildSecret(ctx, s));
  for (const s of secrets) out.add(buildExternalSecret(ctx, s));
  const services = byName(app.services);
  // Identities and storage before the workloads that use them (workload-objects.ts).
  buildIdentitiesAndClaims(ctx, services, out);
  // `web-canary` must sort among the other names (`web-a` < `web-canary`).
  out.beginSorted();
  for (const s of services) if (s.strategy !== "rollout" && !s.stateful) for (const d of buildDeployments(ctx, s)) out.add(d);
  out.endSorted();
  for (const s of services) if (s.stateful) out.add(buildStatefulSet(ctx, s));
  for (const s of services) if (s.strategy === "rollout" && !s.stateful) out.add(buildRollout(ctx, s));
  out.beginSorted();
  for (const s of services) {
    out.add(buildService(ctx, s));
    for (const v of buildVersionServices(ctx, s)) out.add(v);
  }
  out.endSorted();
  for (const j of byName(app.jobs)) out.add(buildJob(ctx, j));
  for (const c of byName(app.crons)) out.add(buildCronJob(ctx, c));
  // Scaling, disruption budgets and network policies of the services.
  buildServicePolicies(ctx, services, out);
  // Traffic and monitoring around the workloads: Ingresses, HTTPRoutes, ServiceMonitors.
  for (const build of [buildIngress, buildHttpRoute, buildServiceMonitor]) for (const s of services) out.add(build(ctx, s));
}

function byName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  const sorted = items.slice();
  sorted.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted;
}

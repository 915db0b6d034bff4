// `autoscale` → a HorizontalPodAutoscaler (autoscaling/v2) over the service's main workload:
// its Deployment, StatefulSet, or Argo Rollout under the `rollout` strategy. Targets are average
// utilisation in percent of the containers' requests. The workload then has no `replicas` of its
// own, so that applying the manifests again does not undo the autoscaler's choice.
import type { ServiceModel } from "../../ir/model.ts";
import { labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export function buildAutoscaler(ctx: BuildContext, s: ServiceModel): EmittedObject | undefined {
  const a = s.autoscale;
  if (a === undefined) return undefined;
  const target = s.stateful
    ? { apiVersion: "apps/v1", kind: "StatefulSet", name: s.name }
    : s.strategy === "rollout"
      ? { apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", name: s.name }
      : { apiVersion: "apps/v1", kind: "Deployment", name: s.name };
  const metrics: Record<string, unknown>[] = [];
  if (a.cpu !== undefined) metrics.push(resourceMetric("cpu", a.cpu));
  if (a.memory !== undefined) metrics.push(resourceMetric("memory", a.memory));
  return {
    object: {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: namespacedMetadata(ctx, s.name, labelsOf(ctx, s, s.image, undefined)),
      spec: { scaleTargetRef: target, minReplicas: a.min, maxReplicas: a.max, metrics },
    },
    origin: a.origin,
  };
}

function resourceMetric(name: string, percent: number): Record<string, unknown> {
  return { type: "Resource", resource: { name, target: { type: "Utilization", averageUtilization: percent } } };
}

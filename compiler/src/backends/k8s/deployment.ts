// A service runs one Deployment per version: the main version as `<name>` (track `stable`), the
// canary as `<name>-canary` (track `canary`), and each entry of `versions` as `<name>-<version>`
// (track `<version>`). All carry the same name and part-of labels, so the one Service
// (service.ts) sends traffic to the pods of every version. Under the `rollout` strategy an Argo
// Rollout (rollout.ts) replaces them.
import type { ServiceModel, VersionModel } from "../../ir/model.ts";
import { deploymentSelector, labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import { checkNameLength, DNS_LABEL_MAX } from "./names.ts";
import { podTemplate } from "./pod.ts";
import { rollingFields } from "./rolling.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export const WEIGHT_ANNOTATION = "kdsl.dev/weight";

/** `<name>` for the main version, `<name>-<version>` for the others. */
export function versionName(s: ServiceModel, v: VersionModel): string {
  return v === s.versions[0] ? s.name : `${s.name}-${v.name}`;
}

/** The main version's Deployment, then the others'. */
export function buildDeployments(ctx: BuildContext, s: ServiceModel): EmittedObject[] {
  const nameOk = checkNameLength(ctx, "Deployment and Service", s.name, DNS_LABEL_MAX, s.origin);
  const [stable, ...others] = s.versions;
  const several = others.length > 0;
  const out = [deployment(ctx, s, stable!, s.replicas, several)];
  for (const v of others) {
    const name = versionName(s, v);
    if (nameOk) {
      const suffix = name.length - s.name.length;
      checkNameLength(ctx, "Deployment", name, DNS_LABEL_MAX, v.origin, `the ${v.name} Deployment adds \`-${v.name}\` to the service's name: keep the name to ${DNS_LABEL_MAX - suffix} characters or fewer.`);
    }
    out.push(deployment(ctx, s, v, versionReplicas(s.replicas, stable!.weight, v.weight), several));
  }
  return out;
}

/**
 * Replicas of a version's Deployment so that its share of the pods is close to its weight: with
 * the main version at W percent on R replicas, a version at w percent gets R * w / W, rounded, at
 * least 1 (for one canary at w: R * w / (100 - w)).
 *
 * This only approximates the weight: the Service spreads connections over ready pods evenly, so
 * the share a version gets is its share of pods, which moves in whole replicas (1 canary beside 3
 * stable replicas is 25%, not 10%), and per-connection balancing with keep-alive skews it further.
 * Exact percentages need a traffic-splitting layer: the `gateway` strategy.
 */
export function versionReplicas(stableReplicas: number, stableWeight: number, weight: number): number {
  return Math.max(1, Math.round((stableReplicas * weight) / stableWeight));
}

/** The one-canary case of versionReplicas. */
export function canaryReplicas(stableReplicas: number, weightPercent: number): number {
  return versionReplicas(stableReplicas, 100 - weightPercent, weightPercent);
}

function deployment(ctx: BuildContext, s: ServiceModel, v: VersionModel, replicas: number, annotate: boolean): EmittedObject {
  const app = ctx.app;
  const annotations = annotate ? { [WEIGHT_ANNOTATION]: `${v.weight}%` } : undefined;
  // The autoscaler, when there is one, owns the main version's replica count.
  const spec: Record<string, unknown> = s.autoscale !== undefined && v === s.versions[0] ? {} : { replicas };
  spec.selector = { matchLabels: deploymentSelector(app, s.name, v.name) };
  spec.template = podTemplate(ctx, s, v.image, labelsOf(ctx, s, v.image, v.name));
  Object.assign(spec, rollingFields(s, true));
  return {
    object: {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: namespacedMetadata(ctx, versionName(s, v), labelsOf(ctx, s, v.image, v.name), annotations),
      spec,
    },
    origin: v.origin,
  };
}

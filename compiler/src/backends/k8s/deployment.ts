// A service runs as a Deployment (track `stable`) and, when it has a canary, a second Deployment
// `<name>-canary` (track `canary`) running the canary image. Both carry the same name and part-of
// labels, so the one Service (service.ts) sends traffic to the pods of both.
import type { ServiceModel } from "../../ir/model.ts";
import type { Span } from "../../syntax/span.ts";
import { buildContainer } from "./container.ts";
import { deploymentSelector, workloadLabels, type Track } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import { checkNameLength, DNS_LABEL_MAX } from "./names.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export const CANARY_SUFFIX = "-canary";
export const CANARY_WEIGHT_ANNOTATION = "kdsl.dev/canary-weight";

/** The stable Deployment, then the canary one if any. */
export function buildDeployments(ctx: BuildContext, s: ServiceModel): EmittedObject[] {
  const canary = s.canary;
  const nameOk = checkNameLength(ctx, "Deployment and Service", s.name, DNS_LABEL_MAX, s.origin);
  const weight = canary === undefined ? undefined : { [CANARY_WEIGHT_ANNOTATION]: `${canary.weight}%` };
  const stable = deployment(ctx, s, s.name, s.image, s.replicas, "stable", weight, s.origin);
  if (canary === undefined) return [stable];
  const canaryName = s.name + CANARY_SUFFIX;
  if (nameOk) {
    checkNameLength(
      ctx,
      "Deployment",
      canaryName,
      DNS_LABEL_MAX,
      canary.origin,
      `the canary Deployment adds \`${CANARY_SUFFIX}\` to the service's name: keep the name to ${DNS_LABEL_MAX - CANARY_SUFFIX.length} characters or fewer.`,
    );
  }
  const replicas = canaryReplicas(s.replicas, canary.weight);
  const weight2 = { [CANARY_WEIGHT_ANNOTATION]: `${canary.weight}%` };
  return [stable, deployment(ctx, s, canaryName, canary.image, replicas, "canary", weight2, canary.origin)];
}

/**
 * Replicas of the canary Deployment so that canary / (stable + canary) is close to the weight:
 * with w percent, canary = stable * w / (100 - w), rounded, at least 1.
 *
 * This only approximates the weight: the Service spreads connections over ready pods evenly, so
 * the share a canary gets is its share of pods, which moves in whole replicas (1 canary beside 3
 * stable replicas is 25%, not 10%), and per-connection balancing with keep-alive skews it further.
 * Exact percentages need a traffic-splitting layer (a service mesh or Gateway API weights).
 */
export function canaryReplicas(stableReplicas: number, weightPercent: number): number {
  return Math.max(1, Math.round((stableReplicas * weightPercent) / (100 - weightPercent)));
}

function deployment(
  ctx: BuildContext,
  s: ServiceModel,
  name: string,
  image: string,
  replicas: number,
  track: Track,
  annotations: Record<string, string> | undefined,
  origin: Span,
): EmittedObject {
  const app = ctx.app;
  return {
    object: {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: namespacedMetadata(ctx, name, workloadLabels(app, s.name, image, s.labels, track), annotations),
      spec: {
        replicas,
        selector: { matchLabels: deploymentSelector(app, s.name, track) },
        template: {
          metadata: { labels: workloadLabels(app, s.name, image, s.labels, track) },
          spec: { containers: [buildContainer(ctx, s, image, s.ports, s.probes)] },
        },
      },
    },
    origin,
  };
}

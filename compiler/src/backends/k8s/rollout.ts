// The `rollout` strategy: one Argo Rollouts `Rollout` in place of the Deployments. Its pod
// template runs the newest version (the canary's image, or the main image when there is no
// canary); Argo keeps the running pods as the stable ReplicaSet and moves traffic to the new one
// step by step (`setWeight`, `pause`). Without a traffic router Argo, like the `replicas`
// strategy, approximates weights with pod counts.
import type { RolloutStep, ServiceModel } from "../../ir/model.ts";
import { serviceSelector, labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import { checkNameLength, DNS_LABEL_MAX } from "./names.ts";
import { podTemplate } from "./pod.ts";
import { intOrPercent, rollingFields } from "./rolling.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export function buildRollout(ctx: BuildContext, s: ServiceModel): EmittedObject {
  checkNameLength(ctx, "Rollout and Service", s.name, DNS_LABEL_MAX, s.origin);
  const newest = s.versions[s.versions.length - 1]!;
  const labels = () => labelsOf(ctx, s, newest.image, undefined);
  // The autoscaler, when there is one, owns the replica count (as for Deployments).
  const spec: Record<string, unknown> = s.autoscale !== undefined ? {} : { replicas: s.replicas };
  spec.selector = { matchLabels: serviceSelector(ctx.app, s.name) };
  spec.template = podTemplate(ctx, s, newest.image, labels());
  // `rollout { }`: Argo's canary takes the rolling-update limits; the rest is as on a Deployment.
  Object.assign(spec, rollingFields(s, false));
  const r = s.rollout;
  const canary: Record<string, unknown> = {};
  if (r?.maxSurge !== undefined) canary.maxSurge = intOrPercent(r.maxSurge);
  if (r?.maxUnavailable !== undefined) canary.maxUnavailable = intOrPercent(r.maxUnavailable);
  if (s.steps.length > 0) canary.steps = s.steps.map(step);
  spec.strategy = { canary };
  return {
    object: { apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", metadata: namespacedMetadata(ctx, s.name, labels()), spec },
    origin: newest.origin,
  };
}

function step(s: RolloutStep): Record<string, unknown> {
  if ("weight" in s) return { setWeight: s.weight };
  return { pause: s.pause === "promote" ? {} : { duration: durationText(s.pause) } };
}

/** Argo's duration strings: `30s`, `5m`, `1h`, whichever unit divides the seconds. */
export function durationText(seconds: number): string {
  const n = Math.ceil(seconds);
  if (n % 3600 === 0) return `${n / 3600}h`;
  if (n % 60 === 0) return `${n / 60}m`;
  return `${n}s`;
}

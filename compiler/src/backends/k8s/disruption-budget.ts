// `disruption` → a PodDisruptionBudget (policy/v1) over every pod of the service, all versions.
import type { ServiceModel } from "../../ir/model.ts";
import { serviceSelector, labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import { intOrPercent } from "./rolling.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export function buildDisruptionBudget(ctx: BuildContext, s: ServiceModel): EmittedObject | undefined {
  const d = s.disruption;
  if (d === undefined) return undefined;
  const spec: Record<string, unknown> = {};
  if (d.minAvailable !== undefined) spec.minAvailable = intOrPercent(d.minAvailable);
  if (d.maxUnavailable !== undefined) spec.maxUnavailable = intOrPercent(d.maxUnavailable);
  spec.selector = { matchLabels: serviceSelector(ctx.app, s.name) };
  return {
    object: { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: namespacedMetadata(ctx, s.name, labelsOf(ctx, s, s.image, undefined)), spec },
    origin: d.origin,
  };
}

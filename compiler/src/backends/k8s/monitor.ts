// `metrics` with `monitor`: a prometheus-operator ServiceMonitor selecting the service's Service
// (not the per-version Services of the `gateway` strategy, which would scrape every pod twice).
import type { ServiceModel } from "../../ir/model.ts";
import { serviceSelector, TRACK, labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export function buildServiceMonitor(ctx: BuildContext, s: ServiceModel): EmittedObject | undefined {
  const m = s.metrics;
  if (m === undefined || !m.monitor) return undefined;
  const selector: Record<string, unknown> = { matchLabels: serviceSelector(ctx.app, s.name) };
  if (s.strategy === "gateway" && s.versions.length > 1) selector.matchExpressions = [{ key: TRACK, operator: "DoesNotExist" }];
  return {
    object: {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "ServiceMonitor",
      metadata: namespacedMetadata(ctx, s.name, labelsOf(ctx, s, s.image, undefined)),
      spec: { selector, endpoints: [{ port: m.port.name, path: m.path }] },
    },
    origin: m.origin,
  };
}

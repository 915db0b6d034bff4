// The `gateway` strategy: exact traffic weights through the Gateway API. Each version gets its own
// Service (`<name>-<version>`, selecting that version's pods) and one HTTPRoute `<name>` sends
// each version its weight. The route attaches to the `expose` block's Gateway when the service
// is exposed, and otherwise to the service's own Service, the Gateway API's mesh (GAMMA) form
// for traffic inside the cluster.
import type { ServiceModel } from "../../ir/model.ts";
import { versionName } from "./deployment.ts";
import { deploymentSelector, labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import { servicePorts } from "./service.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

/** Per-version Services, only when there is more than one version to weigh. */
export function buildVersionServices(ctx: BuildContext, s: ServiceModel): EmittedObject[] {
  if (s.strategy !== "gateway" || s.versions.length < 2 || s.ports.length === 0) return [];
  return s.versions.map((v) => ({
    object: {
      apiVersion: "v1",
      kind: "Service",
      metadata: namespacedMetadata(ctx, `${s.name}-${v.name}`, labelsOf(ctx, s, v.image, v.name)),
      spec: { type: "ClusterIP", selector: deploymentSelector(ctx.app, s.name, v.name), ports: servicePorts(s) },
    },
    origin: v.origin,
  }));
}

/** The HTTPRoute: when exposed, or when there are versions to weigh. */
export function buildHttpRoute(ctx: BuildContext, s: ServiceModel): EmittedObject | undefined {
  const several = s.versions.length > 1;
  if (s.strategy !== "gateway" || s.ports.length === 0 || (!several && s.expose === undefined)) return undefined;
  const e = s.expose;
  const port = e?.port ?? s.ports[0]!;
  // backendRef weights are whole numbers relative to each other: scale when a weight has decimals.
  const scale = s.versions.some((v) => !Number.isInteger(v.weight)) ? 100 : 1;
  const backendRefs = several
    ? s.versions.map((v) => ({ name: `${s.name}-${v.name}`, port: port.port, weight: Math.round(v.weight * scale) }))
    : [{ name: versionName(s, s.versions[0]!), port: port.port }];
  const rule: Record<string, unknown> = {};
  if (e !== undefined) rule.matches = [{ path: { type: "PathPrefix", value: e.path } }];
  rule.backendRefs = backendRefs;
  const spec: Record<string, unknown> = {
    parentRefs: e?.gateway !== undefined ? [e.gatewayNamespace !== undefined ? { name: e.gateway, namespace: e.gatewayNamespace } : { name: e.gateway }] : [{ group: "", kind: "Service", name: s.name, port: port.port }],
  };
  if (e !== undefined) spec.hostnames = [e.host];
  spec.rules = [rule];
  return {
    object: {
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: namespacedMetadata(ctx, s.name, labelsOf(ctx, s, s.image, undefined)),
      spec,
    },
    origin: e?.origin ?? s.versions[1]?.origin ?? s.origin,
  };
}

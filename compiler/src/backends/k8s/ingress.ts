// `expose` under the `replicas` and `rollout` strategies: an Ingress routing the host and path
// prefix to the service's port, with TLS from a secret when `tls` is set.
import type { ServiceModel } from "../../ir/model.ts";
import { labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export function buildIngress(ctx: BuildContext, s: ServiceModel): EmittedObject | undefined {
  const e = s.expose;
  if (e === undefined || s.strategy === "gateway") return undefined;
  const spec: Record<string, unknown> = {};
  if (e.className !== undefined) spec.ingressClassName = e.className;
  if (e.tls !== undefined) spec.tls = [{ hosts: [e.host], secretName: e.tls }];
  spec.rules = [{ host: e.host, http: { paths: [{ path: e.path, pathType: "Prefix", backend: { service: { name: s.name, port: { name: e.port.name } } } }] } }];
  return {
    object: {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: namespacedMetadata(ctx, s.name, labelsOf(ctx, s, s.image, undefined)),
      spec,
    },
    origin: e.origin,
  };
}

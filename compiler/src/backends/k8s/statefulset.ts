// A `stateful` service runs as a StatefulSet: replicas named `<name>-0`, `<name>-1`, ... that
// keep their names and disks across restarts, each volume claimed once per replica through
// volumeClaimTemplates (claims `<volume>-<name>-<i>`), and a headless Service (service.ts) named
// like the service so that each replica has its own DNS name `<name>-<i>.<name>.<namespace>.svc`.
import type { ServiceModel, VolumeModel } from "../../ir/model.ts";
import { deploymentSelector, labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import { checkNameLength, DNS_LABEL_MAX } from "./names.ts";
import { podTemplate } from "./pod.ts";
import { intOrPercent, rollingFields } from "./rolling.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export function buildStatefulSet(ctx: BuildContext, s: ServiceModel): EmittedObject {
  const app = ctx.app;
  // Pods are named `<name>-<ordinal>` and get a `controller-revision-hash` label holding the name
  // and a hash: Kubernetes recommends StatefulSet names of at most 52 characters.
  checkNameLength(ctx, "StatefulSet", s.name, DNS_LABEL_MAX - 11, s.origin);
  const labels = labelsOf(ctx, s, s.image, "stable");
  const spec: Record<string, unknown> = { serviceName: s.name };
  if (s.autoscale === undefined) spec.replicas = s.replicas;
  spec.selector = { matchLabels: deploymentSelector(app, s.name, "stable") };
  spec.template = podTemplate(ctx, s, s.image, labelsOf(ctx, s, s.image, "stable"));
  const volumes = s.volumes ?? [];
  if (volumes.length > 0) spec.volumeClaimTemplates = volumes.map((v) => claimTemplate(v));
  const r = s.rollout;
  if (r?.maxUnavailable !== undefined) spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { maxUnavailable: intOrPercent(r.maxUnavailable) } };
  Object.assign(spec, rollingFields(s, false));
  return {
    object: { apiVersion: "apps/v1", kind: "StatefulSet", metadata: namespacedMetadata(ctx, s.name, labels), spec },
    origin: s.origin,
  };
}

function claimTemplate(v: VolumeModel): Record<string, unknown> {
  const spec: Record<string, unknown> = { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: v.size } } };
  if (v.storageClass !== undefined) spec.storageClassName = v.storageClass;
  return { metadata: { name: v.name }, spec };
}

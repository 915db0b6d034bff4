// The volumes of a service that is not stateful: one PersistentVolumeClaim each, `<service>-<volume>`,
// ReadWriteOnce (lowering allows them only on a single replica: KD4010).
import type { ServiceModel } from "../../ir/model.ts";
import { labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export function buildClaims(ctx: BuildContext, s: ServiceModel): EmittedObject[] {
  if (s.stateful || s.volumes === undefined) return [];
  return s.volumes.map((v) => {
    const spec: Record<string, unknown> = { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: v.size } } };
    if (v.storageClass !== undefined) spec.storageClassName = v.storageClass;
    return {
      object: { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: namespacedMetadata(ctx, `${s.name}-${v.name}`, labelsOf(ctx, s, undefined, undefined)), spec },
      origin: v.origin,
    };
  });
}

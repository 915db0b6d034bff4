// metadata of a namespaced object: name, namespace, labels, then annotations when there are any.
import type { BuildContext, K8sMetadata } from "./types.ts";

export function namespacedMetadata(
  ctx: BuildContext,
  name: string,
  labels: Record<string, string>,
  annotations?: Record<string, string>,
): K8sMetadata {
  const m: K8sMetadata = { name, namespace: ctx.app.namespace, labels };
  if (annotations !== undefined) m.annotations = annotations;
  return m;
}

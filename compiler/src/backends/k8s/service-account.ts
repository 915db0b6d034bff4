// One ServiceAccount per workload, named after it: an identity of its own to grant permissions to
// (RBAC, cloud IAM bindings) instead of the namespace's `default`. No API token is mounted unless
// the workload asks for one (`api-token = true`).
import type { Workload } from "../../ir/model.ts";
import { labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export function buildServiceAccount(ctx: BuildContext, w: Workload): EmittedObject {
  return {
    object: {
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: namespacedMetadata(ctx, w.name, labelsOf(ctx, w, w.image, undefined)),
      automountServiceAccountToken: w.apiToken === true,
    },
    origin: w.origin,
  };
}

// A job runs to completion as a batch/v1 Job: retries → backoffLimit, deadline →
// activeDeadlineSeconds, pods never restarted in place (a retry is a new pod).
import type { JobModel } from "../../ir/model.ts";
import { buildContainer } from "./container.ts";
import { withPodSettings } from "./pod-settings.ts";
import { labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import { checkNameLength, DNS_LABEL_MAX } from "./names.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export function buildJob(ctx: BuildContext, j: JobModel): EmittedObject {
  const app = ctx.app;
  // Kubernetes copies a Job's name into its pods' `job-name` label: a label value, 63 at most.
  checkNameLength(ctx, "Job", j.name, DNS_LABEL_MAX, j.origin);
  const spec: Record<string, unknown> = { backoffLimit: j.retries };
  if (j.deadline !== undefined) spec.activeDeadlineSeconds = j.deadline;
  const container = buildContainer(ctx, j, j.image, [], undefined);
  spec.template = {
    metadata: { labels: labelsOf(ctx, j, j.image, undefined) },
    spec: withPodSettings(j, { restartPolicy: "Never", containers: [container] }, container),
  };
  return {
    object: {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: namespacedMetadata(ctx, j.name, labelsOf(ctx, j, j.image, undefined)),
      spec,
    },
    origin: j.origin,
  };
}

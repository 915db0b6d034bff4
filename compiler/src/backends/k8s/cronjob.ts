// A `cron` runs as a batch/v1 CronJob: its schedule and time zone, what to do when runs overlap
// (Forbid by default: a job that is still running is usually not meant to run twice), how late a
// run may start, and how many finished runs are kept; the job template is that of a `job`.
import type { CronModel } from "../../ir/model.ts";
import { buildContainer } from "./container.ts";
import { labelsOf } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import { checkNameLength, DNS_LABEL_MAX } from "./names.ts";
import { withPodSettings } from "./pod-settings.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

const POLICY = { allow: "Allow", forbid: "Forbid", replace: "Replace" } as const;

/** The controller appends an 11-character suffix to each Job it creates: 52 characters at most. */
export const CRONJOB_NAME_MAX = DNS_LABEL_MAX - 11;

export function buildCronJob(ctx: BuildContext, c: CronModel): EmittedObject {
  const app = ctx.app;
  checkNameLength(ctx, "CronJob", c.name, CRONJOB_NAME_MAX, c.origin, "the CronJob's Jobs are named `<name>-<11 characters>`, which must stay within 63.");
  const spec: Record<string, unknown> = { schedule: c.schedule };
  if (c.timezone !== undefined) spec.timeZone = c.timezone;
  spec.concurrencyPolicy = POLICY[c.overlap];
  if (c.startDeadline !== undefined) spec.startingDeadlineSeconds = c.startDeadline;
  if (c.keepSucceeded !== undefined) spec.successfulJobsHistoryLimit = c.keepSucceeded;
  if (c.keepFailed !== undefined) spec.failedJobsHistoryLimit = c.keepFailed;
  const job: Record<string, unknown> = { backoffLimit: c.retries };
  if (c.deadline !== undefined) job.activeDeadlineSeconds = c.deadline;
  const container = buildContainer(ctx, c, c.image, [], undefined);
  job.template = {
    metadata: { labels: labelsOf(ctx, c, c.image, undefined) },
    spec: withPodSettings(c, { restartPolicy: "Never", containers: [container] }, container),
  };
  spec.jobTemplate = { metadata: { labels: labelsOf(ctx, c, c.image, undefined) }, spec: job };
  return {
    object: { apiVersion: "batch/v1", kind: "CronJob", metadata: namespacedMetadata(ctx, c.name, labelsOf(ctx, c, c.image, undefined)), spec },
    origin: c.origin,
  };
}

// Labels on every generated object: the Kubernetes recommended labels
// (https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/) plus the
// workload's own. Every call returns fresh objects: the same object referenced twice in one
// document would make YAML writers that detect sharing (the `yaml` package) emit anchors, and
// objects handed out by build() may be changed by their users.
import type { AppModel, Workload } from "../../ir/model.ts";
import type { BuildContext } from "./types.ts";

import { MANAGED_BY, NAME, OWNED_LABELS, PART_OF, TRACK } from "../../ir/labels.ts";

export { MANAGED_BY, NAME, PART_OF, TRACK };
export const VERSION = "app.kubernetes.io/version";

/** `stable` (the main version), `canary`, or a version's name. */
export type Track = string;

/**
 * Recommended labels (name, part-of, version when the image tag is a valid label value,
 * managed-by), then `track` when given, then the workload's labels in key order.
 */
export function workloadLabels(
  app: AppModel,
  name: string,
  image: string | undefined,
  own: Readonly<Record<string, string>>,
  track: Track | undefined,
): Record<string, string> {
  const labels: Record<string, string> = { [NAME]: name, [PART_OF]: app.name };
  const version = image === undefined ? undefined : imageTag(image);
  if (version !== undefined && isLabelValue(version)) labels[VERSION] = version;
  labels[MANAGED_BY] = "kdsl";
  if (track !== undefined) labels[TRACK] = track;
  const keys = Object.keys(own);
  if (keys.length > 0) {
    keys.sort();
    // The checker rejects the keys kdsl owns (KD3005); skipped here too, for models built by hand.
    for (const k of keys) if (!OWNED_LABELS.has(k)) labels[k] = own[k];
  }
  return labels;
}

/**
 * workloadLabels(ctx.app, w.name, image, w.labels, track), worked out once per workload, image
 * and track and copied for each object: a service's objects (its ServiceAccount, Deployment and
 * pod template, Service, policies) carry the same labels, and working them out again for each
 * (the image's tag and its check, the own labels sorted, one property added at a time) was ~40 ms
 * of a cold 5,000-service build; a copy of a finished object is one step.
 */
export function labelsOf(ctx: BuildContext, w: Workload, image: string | undefined, track: Track | undefined): Record<string, string> {
  let entries = ctx.labelCache.get(w);
  if (entries === undefined) ctx.labelCache.set(w, (entries = []));
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.image === image && e.track === track) return { ...e.labels };
  }
  const labels = workloadLabels(ctx.app, w.name, image, w.labels, track);
  entries.push({ image, track, labels });
  return { ...labels };
}

/** Labels of app-level objects (Namespace, ConfigMap, Secret): named after the app. */
export function appLabels(app: AppModel): Record<string, string> {
  return { [NAME]: app.name, [PART_OF]: app.name, [MANAGED_BY]: "kdsl" };
}

/** What a Deployment selects: one workload, one track. */
export function deploymentSelector(app: AppModel, name: string, track: Track): Record<string, string> {
  return { [NAME]: name, [PART_OF]: app.name, [TRACK]: track };
}

/** What a Service selects: every track of one workload. */
export function serviceSelector(app: AppModel, name: string): Record<string, string> {
  return { [NAME]: name, [PART_OF]: app.name };
}

/**
 * The tag of an image reference: `registry:5000/shop/web:1.4.2@sha256:…` → `1.4.2`; undefined
 * when the reference has no tag (a digest alone, or nothing).
 */
export function imageTag(image: string): string | undefined {
  let ref = image;
  const at = ref.indexOf("@");
  if (at >= 0) ref = ref.slice(0, at);
  const slash = ref.lastIndexOf("/");
  const colon = ref.lastIndexOf(":");
  if (colon <= slash) return undefined; // the colon, if any, belongs to a registry host:port
  return ref.slice(colon + 1);
}

const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** A Kubernetes label value: at most 63 characters, alphanumerics with `-_.` inside. */
export function isLabelValue(s: string): boolean {
  return s.length > 0 && s.length <= 63 && LABEL_VALUE.test(s);
}

// The label keys kdsl sets on every workload and its pods, which its selectors depend on (the
// Kubernetes backend's Services and Deployments, the runtime's proxies): a workload's own `labels`
// cannot set them (KD3005), or a selector would stop matching its pods.
export const NAME = "app.kubernetes.io/name";
export const PART_OF = "app.kubernetes.io/part-of";
export const MANAGED_BY = "app.kubernetes.io/managed-by";
export const TRACK = "track";

export const OWNED_LABELS: ReadonlySet<string> = new Set([NAME, PART_OF, MANAGED_BY, TRACK]);

// What every pod of a workload gets beside its container: its own service account without an API
// token (unless `api-token`), the user it runs as (`user`, also the fsGroup so volumes are
// writable), writable `scratch` directories with a read-only root filesystem, and the mounts of
// its `volumes`. Applied to the pod spec a builder made, keeping the pod spec's key order fixed:
// serviceAccountName, automountServiceAccountToken, securityContext, then the builder's keys.
import type { ServiceModel, Workload } from "../../ir/model.ts";

type Json = Record<string, unknown>;

/**
 * `claims`: how the pod reaches the service's volumes: `pvc` (a PersistentVolumeClaim each,
 * `<service>-<volume>`, for Deployments) or `template` (the StatefulSet's volumeClaimTemplates).
 */
export function withPodSettings(w: Workload, spec: Json, container: Json, claims: "pvc" | "template" = "pvc"): Json {
  const out: Json = { serviceAccountName: w.name, automountServiceAccountToken: w.apiToken === true };
  if (w.user !== undefined) out.securityContext = { fsGroup: w.user };
  const scratch = w.scratch ?? [];
  const volumes = (w as Partial<ServiceModel>).volumes ?? [];
  const security = container.securityContext as Json | undefined;
  if (security !== undefined) {
    if (w.user !== undefined) {
      security.runAsUser = w.user;
      security.runAsGroup = w.user;
    }
    if (scratch.length > 0) security.readOnlyRootFilesystem = true;
  }
  if (scratch.length > 0 || volumes.length > 0) {
    const mounts = (container.volumeMounts as Json[] | undefined) ?? [];
    const podVolumes = (spec.volumes as Json[] | undefined) ?? [];
    // Volume names must be unique in a pod. The user's volumes keep theirs (their claims are named
    // after them); the generated ones (secret files, scratch) give way with a suffix.
    const taken = new Set<string>();
    for (let i = 0; i < volumes.length; i++) taken.add(volumes[i].name);
    for (const v of podVolumes) {
      const name = v.name as string;
      const unique = uniqueName(name, name, taken);
      if (unique !== name) {
        v.name = unique;
        for (const m of mounts) if (m.name === name) m.name = unique;
      }
    }
    for (let i = 0; i < volumes.length; i++) {
      const v = volumes[i];
      mounts.push({ name: v.name, mountPath: v.path });
      if (claims === "pvc") podVolumes.push({ name: v.name, persistentVolumeClaim: { claimName: `${w.name}-${v.name}` } });
    }
    for (let i = 0; i < scratch.length; i++) {
      const path = scratch[i];
      const name = uniqueName(scratchName(path), path, taken);
      mounts.push({ name, mountPath: path });
      podVolumes.push({ name, emptyDir: {} });
    }
    container.volumeMounts = mounts;
    if (podVolumes.length > 0) spec.volumes = podVolumes;
  }
  for (const k in spec) out[k] = spec[k]; // a plain object's own keys, in order, without a keys array
  return out;
}

// Every pod of a workload (each version's) mounts the same few paths: their names are worked out
// once (three regular-expression replacements each). Bounded, for long-lived processes.
const scratchNames = new Map<string, string>();

/** `/var/cache/nginx` → `scratch-var-cache-nginx`, a DNS label (shortened with a hash when long). */
export function scratchName(path: string): string {
  let name = scratchNames.get(path);
  if (name === undefined) {
    name = makeScratchName(path);
    if (scratchNames.size >= 1000) scratchNames.clear();
    scratchNames.set(path, name);
  }
  return name;
}

function makeScratchName(path: string): string {
  const base = "scratch-" + path.slice(1).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return base.length <= 63 ? base.replace(/-+$/, "") : withHash(base, path);
}

/** `base` cut to fit a DNS label with a hash of `key`: `scratch-var-…-1a2b3c4d`. */
export function withHash(base: string, key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return base.slice(0, 54).replace(/-+$/, "") + "-" + h.toString(16).padStart(8, "0");
}

/**
 * `name`, or when `taken` has it (`/var/tmp` and `/var-tmp` both make `scratch-var-tmp`; a volume
 * the user named `scratch-tmp`) the same with a hash of `key`, then of `key` and a count; added to
 * `taken`. Deterministic: the same pod gets the same names.
 */
function uniqueName(name: string, key: string, taken: Set<string>): string {
  let unique = name;
  for (let n = 0; taken.has(unique); n++) unique = withHash(name, n === 0 ? key : `${key}#${n}`);
  taken.add(unique);
  return unique;
}

// Lowering of scaling, rollouts, volumes and schedules: `rollout`, `autoscale`, `disruption`,
// `stateful`, `volumes`, `scratch`, `user`, `api-token` and the `cron` kind. The checks that need
// several fields at once live here (a budget with both limits, bounds out of order, a shared
// volume under several replicas), each reported at the setting that causes it.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { Span } from "../syntax/span.ts";
import { merge, type BlockValue, type Value } from "../semantics/values.ts";
import { APP_TARGET, type Analysis } from "../semantics/analyse.ts";
import type * as IR from "./model.ts";

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function get<V extends Value["v"]>(b: BlockValue | undefined, key: string, v: V): Extract<Value, { v: V }> | undefined {
  const x = b?.fields.get(key);
  return x && x.v === v ? (x as Extract<Value, { v: V }>) : undefined;
}

function countOrShare(b: BlockValue, key: string): IR.CountOrShare | undefined {
  const x = b.fields.get(key);
  if (x?.v === "int") return { count: x.n };
  if (x?.v === "percent") return { percent: x.n };
  return undefined;
}

const isZero = (c: IR.CountOrShare | undefined) => c !== undefined && ("count" in c ? c.count === 0 : c.percent === 0);

/** Remembers a `scratch` list's lowering per value (lower.ts shares one across a template's users). */
export type ScratchMemo = (v: Value, make: () => { readonly list: readonly string[]; readonly diagnostics: readonly Diagnostic[] }) => { readonly list: readonly string[]; readonly diagnostics: readonly Diagnostic[] };

/** `scratch`, `user` and `api-token`, shared by services, jobs and crons, set on `w`; nothing when unset. */
export function lowerPod<W extends Mutable<IR.Workload>>(
  b: BlockValue,
  w: W,
  diagnostics: Diagnostic[],
  volumePaths: readonly { path: string; span: Span }[] = [],
  memo?: ScratchMemo,
  /** Paths already mounted and checked (a service's secret `files`): volumes and scratch may not reuse them. */
  secretPaths: readonly { path: string; span: Span }[] = [],
): W {
  const scratch = get(b, "scratch", "list");
  if (scratch && memo && volumePaths.length === 0 && secretPaths.length === 0) {
    // Nothing else mounted: the list and its problems depend on the scratch value alone.
    const made = memo(scratch, () => {
      const own: Diagnostic[] = [];
      return { list: scratchList(scratch, [], own), diagnostics: own };
    });
    for (const d of made.diagnostics) diagnostics.push(d);
    if (made.list.length > 0) w.scratch = made.list;
  } else {
    const paths: { path: string; span: Span }[] = [...secretPaths];
    for (const p of volumePaths) {
      mountPathOk(p.path, p.span, paths, diagnostics);
      paths.push(p);
    }
    if (scratch) {
      const list = scratchList(scratch, paths, diagnostics);
      if (list.length > 0) w.scratch = list;
    }
  }
  const user = get(b, "user", "int");
  if (user) {
    if (user.n < 1) diagnostics.push(diag("KD3003", user.span, `\`user\` must be a user id above 0: containers run as non-root`));
    else w.user = user.n;
  }
  if (get(b, "api-token", "bool")?.b === true) w.apiToken = true;
  return w;
}

/** The scratch paths that are mountable after `paths` (each one is added to `paths`). */
function scratchList(scratch: Extract<Value, { v: "list" }>, paths: { path: string; span: Span }[], diagnostics: Diagnostic[]): string[] {
  const list: string[] = [];
  for (const item of scratch.items) {
    if (item.v !== "string") continue;
    if (mountPathOk(item.s, item.span, paths, diagnostics)) list.push(item.s);
    paths.push({ path: item.s, span: item.span });
  }
  return list;
}

/** An absolute, normalised path, not mounted twice. */
function mountPathOk(path: string, span: Span, earlier: readonly { path: string; span: Span }[], diagnostics: Diagnostic[]): boolean {
  const normal = path.startsWith("/") && path.length > 1 && !path.endsWith("/") && !path.includes("//") && !path.includes("/./") && !path.includes("/../") && !path.endsWith("/.") && !path.endsWith("/..");
  if (!normal) {
    diagnostics.push(diag("KD3025", span, `\`${path}\` is not a mount path: it must be absolute, not \`/\`, without \`.\`, \`..\`, \`//\` or a trailing \`/\``));
    return false;
  }
  const twice = earlier.find((e) => e.path === path);
  if (twice) {
    diagnostics.push(diag("KD3025", span, `\`${path}\` is mounted twice`, { related: [{ span: twice.span, message: "first mounted here" }] }));
    return false;
  }
  return true;
}

/**
 * The service's scaling, rollout, disruption and storage settings, checked together and set on
 * `out` (whose replicas and versions are known); returns the volumes' mount paths.
 */
export function lowerServiceOps(b: BlockValue, out: Mutable<IR.ServiceModel>, hasCpuRequest: boolean, diagnostics: Diagnostic[]): { path: string; span: Span }[] {
  const replicas = out.replicas;
  const versions = out.versions.length;
  const volumePaths: { path: string; span: Span }[] = [];
  const stateful = get(b, "stateful", "bool");
  if (stateful?.b) {
    out.stateful = true;
    // At the canary (or first other version): that is what to remove, and `stateful` may come
    // from a template (`from stateful`) far from it.
    if (versions > 1) diagnostics.push(diag("KD4011", out.versions[1]!.origin, "a stateful service runs one version at a time: it cannot have a canary or other versions", { hints: ["release a new image to a StatefulSet by changing `image`; it replaces replicas one by one, highest first."] }));
  }

  const rollout = get(b, "rollout", "block");
  if (rollout) {
    const r: Mutable<IR.RolloutModel> = { origin: rollout.span };
    const surge = countOrShare(rollout, "max-surge");
    const unavailable = countOrShare(rollout, "max-unavailable");
    if (surge) r.maxSurge = surge;
    if (unavailable) r.maxUnavailable = unavailable;
    if (isZero(surge) && isZero(unavailable)) {
      diagnostics.push(diag("KD3023", rollout.fields.get("max-unavailable")!.span, "`max-surge` and `max-unavailable` are both 0: an update could never make progress", { hints: ["allow one extra replica (`max-surge = 1`) or one unavailable (`max-unavailable = 1`)."] }));
    }
    if (stateful?.b && surge) diagnostics.push(diag("KD4011", rollout.fields.get("max-surge")!.span, "a StatefulSet replaces its replicas in place: it has no `max-surge`"));
    const history = get(rollout, "history", "int");
    if (history) r.history = history.n;
    const minReady = get(rollout, "min-ready", "duration");
    if (minReady) r.minReady = Math.ceil(minReady.seconds);
    out.rollout = r;
  }

  const auto = get(b, "autoscale", "block");
  if (auto) {
    const max = get(auto, "max", "int");
    const min = get(auto, "min", "int");
    const a: Mutable<IR.AutoscaleModel> = { min: min?.n ?? replicas, max: max?.n ?? replicas, origin: auto.span };
    const cpu = get(auto, "cpu", "percent");
    const memory = get(auto, "memory", "percent");
    if (cpu) a.cpu = cpu.n;
    if (memory) a.memory = memory.n;
    if (!cpu && !memory) a.cpu = 80;
    if (a.min < 1) diagnostics.push(diag("KD3024", (min ?? auto).span, `\`autoscale.min\` must be at least 1, not ${a.min}`));
    else if (max && a.max < a.min) diagnostics.push(diag("KD3024", max.span, `\`autoscale.max\` (${a.max}) is below \`min\` (${a.min}${min ? "" : ", from `replicas`"})`, { related: [{ span: (min ?? auto).span, message: "the lower bound" }] }));
    if (a.cpu !== undefined && !hasCpuRequest) {
      diagnostics.push(diag("KD4012", (cpu ?? auto).span, "autoscaling on CPU needs a CPU request: utilisation is measured against it", { hints: ["set `resources { cpu = 250m }` (or a range `250m to 1`)."] }));
    }
    out.autoscale = a;
  }

  const budget = get(b, "disruption", "block");
  if (budget) {
    const minAvailable = countOrShare(budget, "min-available");
    const maxUnavailable = countOrShare(budget, "max-unavailable");
    if (minAvailable && maxUnavailable) {
      diagnostics.push(diag("KD3023", budget.fields.get("max-unavailable")!.span, "a disruption budget takes `min-available` or `max-unavailable`, not both", { related: [{ span: budget.fields.get("min-available")!.span, message: "also set here" }] }));
    } else if (!minAvailable && !maxUnavailable) {
      diagnostics.push(diag("KD3009", budget.span, "`disruption` has neither `min-available` nor `max-unavailable`", { hints: ["e.g. `disruption { max-unavailable = 1 }`."] }));
    } else {
      out.disruption = minAvailable ? { minAvailable, origin: budget.span } : { maxUnavailable: maxUnavailable!, origin: budget.span };
    }
  }

  const volumes = get(b, "volumes", "block");
  if (volumes && volumes.fields.size > 0) {
    const list: IR.VolumeModel[] = [];
    for (const [name, v] of volumes.fields) {
      if (v.v !== "block") continue;
      const size = get(v, "size", "memory");
      const path = get(v, "path", "string");
      if (!size || !path) {
        const missing = [!size ? "`size`" : "", !path ? "`path`" : ""].filter(Boolean).join(" and ");
        if (!v.fields.has("size") || !v.fields.has("path")) diagnostics.push(diag("KD3009", v.span, `volume \`${name}\` has no ${missing}`, { hints: [`e.g. \`volumes { ${name} { size = 10Gi; path = "/var/lib/${name}" } }\`.`] }));
        continue;
      }
      const vol: Mutable<IR.VolumeModel> = { name, size: size.raw, path: path.s, origin: v.span };
      const cls = get(v, "class", "string");
      if (cls) vol.storageClass = cls.s;
      list.push(vol);
      volumePaths.push({ path: path.s, span: path.span });
    }
    // Every version is a Deployment of its own mounting the same claim, so a canary counts too.
    const several = replicas > 1 || (auto !== undefined && (out.autoscale?.max ?? 1) > 1);
    if (!stateful?.b && (several || versions > 1) && list.length > 0) {
      const what = several ? "several replicas" : "a canary or other versions";
      const hint = several ? "make it `stateful = true` (or `from stateful`) for a volume per replica, or keep one replica." : "release a new image through `image` instead (the pod is replaced), or keep the data in a stateful service of its own.";
      diagnostics.push(diag("KD4010", volumes.span, `a volume on a service with ${what} would be one disk shared by all of them`, { hints: [hint] }));
    }
    out.volumes = list;
  }
  return volumePaths;
}

const NEVER: Record<string, string> = {
  deadline: "`activeDeadlineSeconds` must be more than 0: Kubernetes rejects the object",
  "start-deadline": "a run could never start within 0s of its time, so none would ever run",
};

/**
 * A job's or cron's `deadline` or a cron's `start-deadline` in whole seconds (the checker makes
 * sure of whole), which must be more than zero: KD3003 at the value for `0s`.
 */
export function positiveSeconds(b: BlockValue, field: "deadline" | "start-deadline", diagnostics: Diagnostic[]): number | undefined {
  const d = get(b, field, "duration");
  if (d === undefined) return undefined;
  if (d.seconds > 0) return Math.ceil(d.seconds);
  diagnostics.push(diag("KD3003", d.span, `\`${field}\` must be more than 0s`, { label: NEVER[field], hints: [`give it a real limit, such as \`${field} = ${field === "deadline" ? "30m" : "5m"}\`, or leave it out for none.`] }));
  return undefined;
}

/** The `cron` kind's own fields, set on the workload being built. */
export function lowerCron(b: BlockValue, c: Mutable<IR.CronModel>, diagnostics: Diagnostic[]): IR.CronModel {
  c.schedule = get(b, "schedule", "string")?.s ?? "@daily";
  c.overlap = (get(b, "overlap", "string")?.s as IR.CronModel["overlap"] | undefined) ?? "forbid";
  c.retries = get(b, "retries", "int")?.n ?? 3;
  // Checked against the time zone database where it is written (semantics/time-zones.ts).
  const tz = get(b, "timezone", "string");
  if (tz) c.timezone = tz.s;
  const start = positiveSeconds(b, "start-deadline", diagnostics);
  if (start !== undefined) c.startDeadline = start;
  const deadline = positiveSeconds(b, "deadline", diagnostics);
  if (deadline !== undefined) c.deadline = deadline;
  const ok = get(b, "keep-succeeded", "int");
  if (ok) c.keepSucceeded = ok.n;
  const failed = get(b, "keep-failed", "int");
  if (failed) c.keepFailed = failed.n;
  return c;
}

/** The app's settings with the chosen profiles' `app.…` overlays (`app.namespace = "shop-prod"`). */
export function appWithProfiles(analysis: Analysis, profiles: readonly string[]): BlockValue {
  let v = analysis.app!.value;
  if (analysis.scope.decls.has(APP_TARGET)) return v;
  for (const p of profiles) {
    const o = analysis.profiles.get(p)?.get(APP_TARGET);
    if (o) v = merge(v, o);
  }
  return v;
}

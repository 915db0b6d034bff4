// What a workload says about its generated objects as a whole, applied after every builder ran and
// before validation: `select` (the pods its Service routes to), `avoid` (preferred pod
// anti-affinity) and, last so that they can override anything, the `k8s { }` patches.
//
// A workload's objects are found by their `app.kubernetes.io/name` label, which every builder sets
// to the workload's name; so kinds added later (autoscalers, budgets, ...) are patchable without
// changes here. Patches merge the one kdsl way: objects key by key, lists and scalars replace.
// A patched object keeps being validated like any other; its problems point at the patch.
import { diag } from "../../diagnostics/catalogue.ts";
import type { K8sPatch, LabelSelector, ServiceModel, Workload } from "../../ir/model.ts";
import { TARGET_KINDS } from "../../k8s-schema/schema.ts";
import { NAME, PART_OF } from "./labels.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

type Json = Record<string, unknown>;

/** Every workload of the app: services, jobs and whatever kinds carry a name and patches. */
function workloads(ctx: BuildContext): Workload[] {
  const out: Workload[] = [];
  for (const v of Object.values(ctx.app)) {
    if (!Array.isArray(v)) continue;
    for (const w of v) if (w && typeof w === "object" && "name" in w && ("patches" in w || "avoid" in w || "select" in w)) out.push(w as Workload);
  }
  return out;
}

export function applyWorkloadSettings(ctx: BuildContext, objects: EmittedObject[]): void {
  const all = workloads(ctx).filter((w) => (w as Partial<ServiceModel>).select || w.avoid || w.patches?.length);
  if (all.length === 0) return;
  // Each workload's objects by its name label, indexed once: a scan of every object per workload
  // was quadratic, and std/web gives every service an `avoid`.
  const byName = new Map<string, EmittedObject[]>();
  for (const o of objects) {
    const name = o.object.metadata.labels?.[NAME];
    if (name === undefined) continue;
    const list = byName.get(name);
    if (list) list.push(o);
    else byName.set(name, [o]);
  }
  for (const w of all) {
    const mine = byName.get(w.name) ?? [];
    const select = (w as Partial<ServiceModel>).select;
    if (select) {
      for (const o of mine) if (o.object.kind === "Service") ((o.object as Json)["spec"] as Json)["selector"] = { [PART_OF]: ctx.app.name, ...select.matchLabels };
    }
    if (w.avoid) for (const pod of podSpecs(mine)) pod["affinity"] = antiAffinity(w.avoid);
    for (const p of w.patches ?? []) applyPatch(ctx, w, p, objects, mine);
  }
}

function antiAffinity(sel: LabelSelector): Json {
  const labelSelector: Json = {};
  if (Object.keys(sel.matchLabels).length) labelSelector["matchLabels"] = { ...sel.matchLabels };
  if (sel.matchExpressions.length) labelSelector["matchExpressions"] = sel.matchExpressions.map((e) => ({ ...e, ...(e.values ? { values: [...e.values] } : {}) }));
  return { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector, topologyKey: "kubernetes.io/hostname" } }] } };
}

/** The pod specs inside workload objects: `spec.template.spec`, or a CronJob's job template's. */
function podSpecs(objects: readonly EmittedObject[]): Json[] {
  const out: Json[] = [];
  for (const o of objects) {
    const spec = o.object["spec"] as Json | undefined;
    const template = (spec?.["template"] ?? ((spec?.["jobTemplate"] as Json | undefined)?.["spec"] as Json | undefined)?.["template"]) as Json | undefined;
    const pod = template?.["spec"] as Json | undefined;
    if (pod) out.push(pod);
  }
  return out;
}

function applyPatch(ctx: BuildContext, w: Workload, p: K8sPatch, objects: EmittedObject[], mine: readonly EmittedObject[]): void {
  let targets: Json[];
  let patched: EmittedObject[];
  if (p.target === "pod" || p.target === "container") {
    patched = mine.filter((o) => podSpecs([o]).length > 0);
    const pods = podSpecs(patched);
    targets = p.target === "pod" ? pods : pods.flatMap((pod) => [...((pod["containers"] as Json[] | undefined) ?? []), ...((pod["initContainers"] as Json[] | undefined) ?? [])]);
  } else {
    const kind = TARGET_KINDS[p.target];
    patched = mine.filter((o) => kind && o.object.kind === kind.kind && o.object.apiVersion === kind.apiVersion);
    targets = patched.map((o) => o.object as Json);
  }
  if (targets.length === 0) {
    const what = p.target === "pod" || p.target === "container" ? `no ${p.target}s` : `no ${TARGET_KINDS[p.target]?.kind ?? p.target}`;
    ctx.diagnostics.push(diag("KD4030", p.origin, `\`${w.name}\` generates ${what}, so \`k8s.${p.target}\` patches nothing`, { hints: p.target === "service" ? ["a service gets a Service only when it has a port."] : [] }));
    return;
  }
  for (const t of targets) merge(t, p.data);
  // Validation problems of a patched object are most likely the patch's: point there.
  for (const o of patched) {
    const i = objects.indexOf(o);
    if (i >= 0) objects[i] = { ...o, origin: p.origin };
  }
}

function merge(into: Json, data: Readonly<Record<string, unknown>>): void {
  for (const [k, v] of Object.entries(data)) {
    const prev = into[k];
    if (v && typeof v === "object" && !Array.isArray(v) && prev && typeof prev === "object" && !Array.isArray(prev)) merge(prev as Json, v as Json);
    else into[k] = structuredClone(v);
  }
}

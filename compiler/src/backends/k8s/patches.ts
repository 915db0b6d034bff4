// What a workload says about its generated objects as a whole, applied to each object once its
// builder ran and before validation: `select` (the pods its Service routes to), `avoid` (preferred pod
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
import type { Span } from "../../syntax/span.ts";
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

/**
 * The settings of the app's workloads, applied to one finished object at a time (so that a
 * streaming build can render and drop each object: index.ts). The result equals applying each
 * workload's settings to all its objects at once, workload after workload, because every step
 * changes only the object it is applied to (builders share no sub-objects, patch data is
 * cloned) and reads only that object, except two things known once every object was seen: which
 * patches patched nothing (KD4030, `report`) and so which objects a pod or container patch moves
 * the origin of (`originOf`).
 */
export class WorkloadSettings {
  /** The workloads with settings, by name (several only if kinds share a name), in app order. */
  private readonly byName = new Map<string, Workload[]>();
  private readonly order: Workload[] = [];
  /** How many targets each patch found so far. */
  private readonly hits = new Map<K8sPatch, number>();

  constructor(private readonly ctx: BuildContext) {
    for (const w of workloads(ctx)) {
      if (!((w as Partial<ServiceModel>).select || w.avoid || w.patches?.length)) continue;
      this.order.push(w);
      const list = this.byName.get(w.name);
      if (list) list.push(w);
      else this.byName.set(w.name, [w]);
    }
  }

  /**
   * Applies the settings of the workloads the object belongs to (by its name label, read before
   * any change) in place. Returns the patches that may have moved its origin, in order, or
   * undefined (the usual case): resolve them with originOf once every object was applied.
   */
  apply(o: EmittedObject): K8sPatch[] | undefined {
    if (this.byName.size === 0) return undefined;
    const name = o.object.metadata.labels?.[NAME];
    const mine = name === undefined ? undefined : this.byName.get(name);
    if (mine === undefined) return undefined;
    let moved: K8sPatch[] | undefined;
    // Indexed loops: a for-of over the (usually empty) patch list made an iterator per object,
    // which a cold build runs unoptimised thousands of times.
    for (let i = 0; i < mine.length; i++) {
      const w = mine[i];
      const select = (w as Partial<ServiceModel>).select;
      if (select) {
        // The Service routes to the selected pods, so its clients' allow-list must cover those
        // pods, not the service's own (which the Service never sends anything to).
        const spec = (o.object as Json)["spec"] as Json;
        if (o.object.kind === "Service") spec["selector"] = { [PART_OF]: this.ctx.app.name, ...select.matchLabels };
        else if (o.object.kind === "NetworkPolicy") spec["podSelector"] = { matchLabels: { [PART_OF]: this.ctx.app.name, ...select.matchLabels } };
      }
      if (w.avoid) {
        const pod = podSpecOf(o);
        if (pod) pod["affinity"] = antiAffinity(w.avoid);
      }
      const patches = w.patches;
      if (patches === undefined) continue;
      for (let j = 0; j < patches.length; j++) {
        const p = patches[j];
        let targets: Json[];
        if (p.target === "pod" || p.target === "container") {
          const pod = podSpecOf(o);
          if (!pod) continue;
          targets = p.target === "pod" ? [pod] : [...((pod["containers"] as Json[] | undefined) ?? []), ...((pod["initContainers"] as Json[] | undefined) ?? [])];
        } else {
          const kind = TARGET_KINDS[p.target];
          if (!(kind && o.object.kind === kind.kind && o.object.apiVersion === kind.apiVersion)) continue;
          targets = [o.object as Json];
        }
        this.hits.set(p, (this.hits.get(p) ?? 0) + targets.length);
        for (const t of targets) merge(t, p.data);
        (moved ??= []).push(p);
      }
    }
    return moved;
  }

  /**
   * Where the problems of an object that `moved` patches applied to point: the first of them that
   * patched something anywhere (a patch that patched nothing is reported instead), else the
   * builder's origin. Validation problems of a patched object are most likely the patch's.
   */
  originOf(origin: Span, moved: readonly K8sPatch[] | undefined): Span {
    if (moved !== undefined) for (const p of moved) if ((this.hits.get(p) ?? 0) > 0) return p.origin;
    return origin;
  }

  /** KD4030 for each patch that patched nothing, in workload and patch order. */
  report(): void {
    for (const w of this.order) {
      for (const p of w.patches ?? []) {
        if ((this.hits.get(p) ?? 0) > 0) continue;
        const what = p.target === "pod" || p.target === "container" ? `no ${p.target}s` : `no ${TARGET_KINDS[p.target]?.kind ?? p.target}`;
        this.ctx.diagnostics.push(diag("KD4030", p.origin, `\`${w.name}\` generates ${what}, so \`k8s.${p.target}\` patches nothing`, { hints: p.target === "service" ? ["a service gets a Service only when it has a port."] : [] }));
      }
    }
  }
}

function antiAffinity(sel: LabelSelector): Json {
  const labelSelector: Json = {};
  if (Object.keys(sel.matchLabels).length) labelSelector["matchLabels"] = { ...sel.matchLabels };
  if (sel.matchExpressions.length) labelSelector["matchExpressions"] = sel.matchExpressions.map((e) => ({ ...e, ...(e.values ? { values: [...e.values] } : {}) }));
  return { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector, topologyKey: "kubernetes.io/hostname" } }] } };
}

/** The pod spec inside a workload object: `spec.template.spec`, or a CronJob's job template's. */
function podSpecOf(o: EmittedObject): Json | undefined {
  const spec = o.object["spec"] as Json | undefined;
  const template = (spec?.["template"] ?? ((spec?.["jobTemplate"] as Json | undefined)?.["spec"] as Json | undefined)?.["template"]) as Json | undefined;
  return template?.["spec"] as Json | undefined;
}

function merge(into: Json, data: Readonly<Record<string, unknown>>): void {
  for (const [k, v] of Object.entries(data)) {
    const prev = into[k];
    if (v && typeof v === "object" && !Array.isArray(v) && prev && typeof prev === "object" && !Array.isArray(prev)) merge(prev as Json, v as Json);
    else into[k] = structuredClone(v);
  }
}

// Shared reading for lint rules: the pod specs and containers of each workload's emitted objects,
// label selectors, and spans inside `k8s { }` patches. Lookups are built once per lint run and
// cached on the objects array (a WeakMap), so thirty rules reading pods cost one pass, not thirty.
import type { Span } from "../syntax/span.ts";
import type { EmittedObject } from "../backends/k8s/index.ts";
import type { CronModel, JobModel, ServiceModel, Workload } from "../ir/model.ts";
import type { LintContext } from "./rule.ts";

export type Json = Record<string, unknown>;
export const NAME_LABEL = "app.kubernetes.io/name";

/** The declaration an emitted object belongs to: its `app.kubernetes.io/name` label, else its name. */
export function ownerOf(o: EmittedObject): string {
  return o.object.metadata.labels?.[NAME_LABEL] ?? o.object.metadata.name;
}

/** One pod template of a workload: the object it is in, its labels, spec and containers. */
export interface PodView {
  readonly object: EmittedObject;
  readonly labels: Readonly<Record<string, string>>;
  readonly spec: Json;
  readonly containers: readonly Json[];
}

export interface WorkloadRef {
  readonly kind: "service" | "job" | "cron";
  readonly model: Workload;
}

/** Services, jobs and crons of the app, in that order (crons read defensively). */
export function workloads(ctx: LintContext<unknown>): WorkloadRef[] {
  const out: WorkloadRef[] = [];
  for (const s of ctx.app.services as readonly ServiceModel[]) out.push({ kind: "service", model: s });
  for (const j of ctx.app.jobs as readonly JobModel[]) out.push({ kind: "job", model: j });
  for (const c of (ctx.app.crons ?? []) as readonly CronModel[]) out.push({ kind: "cron", model: c });
  return out;
}

const podCache = new WeakMap<readonly EmittedObject[], { all: PodView[]; byWorkload: Map<string, PodView[]>; byLabel: Map<string, PodView[]> }>();

export const asJson = (v: unknown): Json | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined);
export const asList = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((x): x is Json => !!asJson(x)) : []);

/** The pod template inside a workload object: `spec.template`, or a CronJob's job template's. */
function podTemplate(o: EmittedObject): Json | undefined {
  const spec = asJson(o.object["spec"]);
  return asJson(spec?.["template"]) ?? asJson(asJson(asJson(spec?.["jobTemplate"])?.["spec"])?.["template"]);
}

function index(objects: readonly EmittedObject[]) {
  let cached = podCache.get(objects);
  if (cached) return cached;
  const all: PodView[] = [];
  const byWorkload = new Map<string, PodView[]>();
  const byLabel = new Map<string, PodView[]>();
  for (const o of objects) {
    const template = podTemplate(o);
    const spec = asJson(template?.["spec"]);
    if (!template || !spec) continue;
    const labels = (asJson(asJson(template["metadata"])?.["labels"]) ?? {}) as Record<string, string>;
    const view: PodView = { object: o, labels, spec, containers: [...asList(spec["initContainers"]), ...asList(spec["containers"])] };
    all.push(view);
    for (const k in labels) {
      const key = `${k}=${labels[k]}`;
      const list = byLabel.get(key);
      if (list) list.push(view);
      else byLabel.set(key, [view]);
    }
    const owner = o.object.metadata.labels?.[NAME_LABEL];
    if (owner !== undefined) {
      const list = byWorkload.get(owner);
      if (list) list.push(view);
      else byWorkload.set(owner, [view]);
    }
  }
  cached = { all, byWorkload, byLabel };
  podCache.set(objects, cached);
  return cached;
}

/** The pod templates of workload `name` (every version of a service). */
export function podsOf(ctx: LintContext<unknown>, name: string): readonly PodView[] {
  return index(ctx.objects).byWorkload.get(name) ?? [];
}

/**
 * The pod templates a selector may match: those of the label index under the rarest of its
 * equality terms, else all. Matching every Service against every pod stays linear in practice.
 */
function candidatesFor(ctx: LintContext<unknown>, selector: Json): readonly PodView[] {
  const { all, byLabel } = index(ctx.objects);
  const plain = !("matchLabels" in selector) && !("matchExpressions" in selector);
  const match = (plain ? selector : asJson(selector["matchLabels"]) ?? {}) as Record<string, unknown>;
  let candidates: readonly PodView[] = all;
  for (const k in match) {
    const list = byLabel.get(`${k}=${String(match[k])}`) ?? [];
    if (list.length < candidates.length) candidates = list;
  }
  return candidates;
}

/** The pod templates a selector matches. */
export function podsMatching(ctx: LintContext<unknown>, selector: Json): PodView[] {
  const test = labelTest(selector);
  return candidatesFor(ctx, selector).filter((p) => test(p.labels));
}

/** True when a selector matches some pod template: stops at the first. */
export function matchesAnyPod(ctx: LintContext<unknown>, selector: Json): boolean {
  const test = labelTest(selector);
  return candidatesFor(ctx, selector).some((p) => test(p.labels));
}

/** True when `labels` satisfy a Kubernetes selector (`{ matchLabels, matchExpressions }` or a plain map). */
export function selects(selector: Json, labels: Readonly<Record<string, string>>): boolean {
  return labelTest(selector)(labels);
}

type LabelTest = (labels: Readonly<Record<string, string>>) => boolean;

/**
 * A selector read once into a test of labels, to run against many pods: its terms listed, the
 * values of each `In`/`NotIn` term in a set. The selector is read when the test is made.
 */
function labelTest(selector: Json): LabelTest {
  const plain = !("matchLabels" in selector) && !("matchExpressions" in selector);
  const match = (plain ? selector : asJson(selector["matchLabels"]) ?? {}) as Record<string, unknown>;
  const equal: [string, unknown][] = [];
  for (const k in match) equal.push([k, match[k]]);
  const terms: { key: string; operator: unknown; values: ReadonlySet<string> }[] = [];
  if (!plain) {
    for (const e of asList(selector["matchExpressions"])) {
      terms.push({ key: String(e["key"]), operator: e["operator"], values: new Set(Array.isArray(e["values"]) ? (e["values"] as unknown[]).map(String) : []) });
    }
  }
  return (labels) => {
    for (const [k, v] of equal) if (labels[k] !== v) return false;
    for (const { key, operator, values } of terms) {
      const has = Object.prototype.hasOwnProperty.call(labels, key);
      const ok =
        operator === "In" ? has && values.has(labels[key]!)
        : operator === "NotIn" ? !has || !values.has(labels[key]!)
        : operator === "Exists" ? has
        : operator === "DoesNotExist" ? !has
        : true;
      if (!ok) return false;
    }
    return true;
  };
}

/**
 * The span of a key written in one of the declaration's `k8s` patches (`k8s.container {
 * securityContext.privileged = true }`): the first of `paths` (under `k8s.<target>`) found in a
 * project file, whatever the target; else undefined.
 */
export function patchSpan(ctx: LintContext<unknown>, name: string, paths: readonly (readonly string[])[]): Span | undefined {
  const k8s = ctx.field(name, ["k8s"]);
  if (k8s?.v !== "block") return undefined;
  for (const target of k8s.fields.keys()) {
    for (const p of paths) {
      const v = ctx.field(name, ["k8s", target, ...p]);
      if (v && ctx.spanOf(name, ["k8s", target, ...p]) === v.span) return v.span;
    }
  }
  return undefined;
}

/** The first of `paths` with a value in a project file, else the declaration's name. */
export function bestSpan(ctx: LintContext<unknown>, name: string, paths: readonly (readonly string[])[]): Span {
  for (const p of paths) {
    const v = ctx.field(name, p);
    if (v && ctx.spanOf(name, p) === v.span) return v.span;
  }
  return ctx.spanOf(name);
}

/** A fix that adds the member line `line` (`disruption { max-unavailable = 1 }`) to declaration `name`'s body. */
export { addMemberFix } from "./fixes.ts";

/** Parses a Kubernetes CPU quantity to millicores (`500m`, `0.5`, `2`); undefined if unreadable. */
export function cpuMillis(q: unknown): number | undefined {
  if (typeof q === "number") return q * 1000;
  if (typeof q !== "string") return undefined;
  const m = /^([0-9.]+)(m?)$/.exec(q);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isFinite(n) ? (m[2] ? n : n * 1000) : undefined;
}

const MEMORY_UNITS: Readonly<Record<string, number>> = { "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60, m: 1e-3 };

/** Parses a Kubernetes memory quantity to bytes (`256Mi`, `1G`, `1e9`); undefined if unreadable. */
export function memoryBytes(q: unknown): number | undefined {
  if (typeof q === "number") return q;
  if (typeof q !== "string") return undefined;
  const m = /^([0-9.]+(?:e[0-9]+)?)([a-zA-Z]*)$/.exec(q);
  const unit = m ? MEMORY_UNITS[m[2]!] : undefined;
  return m && unit !== undefined ? Number(m[1]) * unit : undefined;
}

// Shared reading for rules that judge what is emitted (after `k8s { }` patches) rather than what
// the declaration says, and for rules that say where a value they report was set (a template, a
// profile). Small on purpose: pods.ts holds the pod index; this adds the per-workload views.
import type { Span } from "../syntax/span.ts";
import type { EmittedObject } from "../backends/k8s/index.ts";
import type { LintContext } from "./rule.ts";
import { asJson, asList, podsOf, type Json } from "./pods.ts";

/** Kinds of a workload's own object (the one `k8s { ... }` without a target patches). */
const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "Rollout", "Job", "CronJob"]);

/** The workload's main object: the one named like the declaration (a canary's is `<name>-canary`). */
export function mainObject(ctx: LintContext<unknown>, name: string): EmittedObject | undefined {
  return ctx.objects.find((o) => WORKLOAD_KINDS.has(o.object.kind) && o.object.metadata.name === name && (o.object.metadata.labels?.["app.kubernetes.io/name"] ?? name) === name);
}

/** The app containers (not init containers) of every pod template of workload `name`, as emitted. */
export function appContainers(ctx: LintContext<unknown>, name: string): Json[] {
  return podsOf(ctx, name).flatMap((p) => asList(p.spec["containers"]));
}

/** The `spec` of a Job, or of a CronJob's job template: where `backoffLimit` lives. */
export function jobSpec(o: EmittedObject): Json | undefined {
  const spec = asJson(o.object["spec"]);
  return o.object.kind === "CronJob" ? asJson(asJson(spec?.["jobTemplate"])?.["spec"]) : spec;
}

/** The span of the value at `path` of declaration `name` when a project file writes it (not a default, not the stdlib). */
export function writtenSpan(ctx: LintContext<unknown>, name: string, path: readonly string[]): Span | undefined {
  const v = ctx.field(name, path);
  return v && ctx.spanOf(name, path) === v.span ? v.span : undefined;
}

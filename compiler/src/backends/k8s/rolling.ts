// `rollout { ... }` on Deployments and StatefulSets: rolling-update limits, revision history and
// min ready seconds. Counts are integers, shares are percent strings, as Kubernetes'
// IntOrString fields take them.
import type { CountOrShare, ServiceModel } from "../../ir/model.ts";

export function intOrPercent(c: CountOrShare): number | string {
  return "count" in c ? c.count : `${c.percent}%`;
}

/**
 * Whether a Deployment is replaced by Recreate: it has a claim of its own (ReadWriteOnce), which a
 * new pod started beside the old one (the default rolling update) could not attach on another
 * node, so the rollout would hang; stop, then start. `rollout` limits, when given, decide instead.
 * The run plan and the `rollout-all-down` lint rule ask the same question.
 */
export function recreates(s: ServiceModel): boolean {
  return !s.stateful && (s.volumes?.length ?? 0) > 0 && s.rollout?.maxSurge === undefined && s.rollout?.maxUnavailable === undefined;
}

/**
 * The rollout fields of a workload spec in a fixed order: strategy (Deployments only; a
 * StatefulSet's updateStrategy is set by its builder), minReadySeconds, revisionHistoryLimit.
 */
export function rollingFields(s: ServiceModel, deployment: boolean): Record<string, unknown> {
  const r = s.rollout;
  const out: Record<string, unknown> = {};
  if (deployment && recreates(s)) out.strategy = { type: "Recreate" };
  if (r === undefined) return out;
  if (deployment && (r.maxSurge !== undefined || r.maxUnavailable !== undefined)) {
    const rolling: Record<string, unknown> = {};
    if (r.maxSurge !== undefined) rolling.maxSurge = intOrPercent(r.maxSurge);
    if (r.maxUnavailable !== undefined) rolling.maxUnavailable = intOrPercent(r.maxUnavailable);
    out.strategy = { type: "RollingUpdate", rollingUpdate: rolling };
  }
  if (r.minReady !== undefined) out.minReadySeconds = r.minReady;
  if (r.history !== undefined) out.revisionHistoryLimit = r.history;
  return out;
}

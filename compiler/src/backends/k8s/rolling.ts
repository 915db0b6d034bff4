// `rollout { ... }` on Deployments and StatefulSets: rolling-update limits, revision history and
// min ready seconds. Counts are integers, shares are percent strings, as Kubernetes'
// IntOrString fields take them.
import type { CountOrShare, ServiceModel } from "../../ir/model.ts";

export function intOrPercent(c: CountOrShare): number | string {
  return "count" in c ? c.count : `${c.percent}%`;
}

/**
 * The rollout fields of a workload spec in a fixed order: strategy (Deployments only; a
 * StatefulSet's updateStrategy is set by its builder), minReadySeconds, revisionHistoryLimit.
 */
export function rollingFields(s: ServiceModel, deployment: boolean): Record<string, unknown> {
  const r = s.rollout;
  const out: Record<string, unknown> = {};
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

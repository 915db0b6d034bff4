// What the runtime does not do: settings that only mean something in a Kubernetes cluster. Each
// setting is listed once, with the workloads that use it, in the plan and in one info diagnostic,
// so that nobody expects a local run to enforce a memory limit or honour a patch.
import type { AppModel, CronModel, JobModel, ServiceModel, Workload } from "../../ir/model.ts";
import type { PlanIgnored } from "./types.ts";
import { externalFileSecrets } from "./env.ts";

type Any = Workload & Partial<ServiceModel> & Partial<JobModel> & Partial<CronModel>;

const RULES: readonly { setting: string; reason: string; applies: (w: Any, app: AppModel) => boolean }[] = [
  { setting: "k8s", reason: "patches of generated Kubernetes objects", applies: (w) => (w.patches?.length ?? 0) > 0 },
  { setting: "command/args", reason: "the container's entrypoint; locally `run` is started", applies: (w) => w.run !== undefined && (w.command !== undefined || w.args !== undefined) },
  { setting: "resources", reason: "CPU and memory requests and limits are not enforced on local processes", applies: (w) => w.resources.cpu !== undefined || w.resources.memory !== undefined },
  { setting: "avoid", reason: "node placement: there is one machine", applies: (w) => w.avoid !== undefined },
  { setting: "scratch", reason: "processes write where the user running them may", applies: (w) => (w.scratch?.length ?? 0) > 0 },
  { setting: "user", reason: "processes run as the user who starts the runtime", applies: (w) => w.user !== undefined },
  { setting: "api-token", reason: "there is no Kubernetes API locally", applies: (w) => w.apiToken === true },
  { setting: "strategy", reason: "the local proxy splits requests by the versions' exact weights whatever the strategy; rollout steps are not run", applies: (w) => w.strategy !== undefined && w.strategy !== "replicas" },
  { setting: "expose", reason: "Ingress and HTTPRoute: reach the service on its proxy port", applies: (w) => w.expose !== undefined },
  { setting: "metrics", reason: "Prometheus scraping", applies: (w) => w.metrics !== undefined },
  { setting: "autoscale", reason: "the runtime runs `replicas`; scale by hand", applies: (w) => w.autoscale !== undefined },
  { setting: "disruption", reason: "PodDisruptionBudgets guard against node drains", applies: (w) => w.disruption !== undefined },
  { setting: "rollout.history", reason: "revisions kept by Kubernetes", applies: (w) => w.rollout?.history !== undefined },
  { setting: "stateful", reason: "stable network names per replica (the proxy balances over them)", applies: (w) => w.stateful === true },
  { setting: "volumes", reason: "persistent volume claims: processes use the local disk", applies: (w) => (w.volumes?.length ?? 0) > 0 },
  { setting: "files", reason: "secrets made outside the app (no `secret` declaration) cannot be read locally", applies: (w, app) => w.files !== undefined && externalFileSecrets(app, w as ServiceModel).length > 0 },
  { setting: "timezone", reason: "crons are started by hand", applies: (w) => w.timezone !== undefined },
];

export function ignoredSettings(app: AppModel): PlanIgnored[] {
  const all: Any[] = [...app.services, ...app.jobs, ...app.crons];
  const out: PlanIgnored[] = [];
  for (const r of RULES) {
    const declarations = all.filter((w) => r.applies(w, app)).map((w) => w.name);
    if (declarations.length) out.push({ setting: r.setting, declarations, reason: r.reason });
  }
  const stores = app.secrets.filter((s) => s.store !== undefined).map((s) => s.name);
  if (stores.length) out.push({ setting: "store", declarations: stores, reason: "External Secrets stores: the runtime cannot read `remote(...)` values, so workloads using them cannot start locally" });
  return out;
}

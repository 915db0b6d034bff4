// Services in the plan. Ports are handed out deterministically from the base port: first one
// proxy port per service port, services in declaration order, then one listen port per replica and
// port (services, their versions, their replicas in order). A replica learns its listen ports
// through `PORT` (the first port) and `PORT_<NAME>`; the proxy keeps the stable address others use.
import type { AppModel, CountOrShare, ServiceModel } from "../../ir/model.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { diag } from "../../diagnostics/catalogue.ts";
import { serviceSelector, workloadLabels } from "../k8s/labels.ts";
import { versionReplicas } from "../k8s/deployment.ts";
import { recreates } from "../k8s/rolling.ts";
import { processOf, type EnvContext } from "./env.ts";
import { planProbes } from "./probes.ts";
import type { PlanPort, PlanReplica, PlanService, PlanVersion } from "./types.ts";

export const notRunnable = (image: string) => `no \`run\`: the image \`${image}\` is not started locally; give the declaration a \`run\` command to run it as a process`;

/** `PORT` for the first port, `PORT_<NAME>` (upper case, `-` as `_`) for every port. */
export const portVar = (name: string) => `PORT_${name.toUpperCase().replace(/-/g, "_")}`;

export function proxyPorts(app: AppModel, base: number): Map<string, PlanPort[]> {
  let next = base;
  const out = new Map<string, PlanPort[]>();
  for (const s of app.services) out.set(s.name, s.ports.map((p) => ({ name: p.name, port: p.port, proxy: next++ })));
  return out;
}

export function planVersions(s: ServiceModel): PlanVersion[] {
  const main = s.versions[0]!;
  return s.versions.map((v, i) => ({ name: v.name, image: v.image, weight: v.weight, replicas: i === 0 ? s.replicas : versionReplicas(s.replicas, main.weight, v.weight) }));
}

/** Ports the plan needs in all: the caller checks they fit below 65536 before building. */
export function portsNeeded(app: AppModel): number {
  let n = 0;
  for (const s of app.services) {
    n += s.ports.length;
    if (s.run !== undefined) n += s.ports.length * planVersions(s).reduce((a, v) => a + v.replicas, 0);
  }
  return n;
}

function count(c: CountOrShare | undefined, replicas: number, fallbackPercent: number, round: (x: number) => number): number {
  if (c === undefined) return round((replicas * fallbackPercent) / 100);
  return "count" in c ? c.count : round((replicas * c.percent) / 100);
}

/**
 * How replicas are replaced on an update, as Kubernetes replaces them: a StatefulSet one at a
 * time, never two processes for one identity (no surge; `max-unavailable` when given); a
 * Deployment that `recreates` (k8s/rolling.ts) all stopped before any starts; else rolling, 25%
 * each way by default.
 */
function updateOf(s: ServiceModel): PlanService["update"] {
  const minReady = s.rollout?.minReady ?? 0;
  // A StatefulSet rounds a share up and never takes fewer than one down.
  if (s.stateful) return { maxSurge: 0, maxUnavailable: Math.max(1, count(s.rollout?.maxUnavailable, s.replicas, 0, Math.ceil)), minReady };
  if (recreates(s)) return { maxSurge: 0, maxUnavailable: s.replicas, minReady };
  return { maxSurge: count(s.rollout?.maxSurge, s.replicas, 25, Math.ceil), maxUnavailable: count(s.rollout?.maxUnavailable, s.replicas, 25, Math.floor), minReady };
}

export function planServices(app: AppModel, ctx: EnvContext, proxies: ReadonlyMap<string, PlanPort[]>, firstListen: number, diagnostics: Diagnostic[]): PlanService[] {
  let next = firstListen;
  return app.services.map((s) => {
    const ports = proxies.get(s.name) ?? [];
    const versions = planVersions(s);
    const runnable = s.run !== undefined;
    const replicas: PlanReplica[] = [];
    if (runnable) {
      for (const v of versions) {
        for (let i = 0; i < v.replicas; i++) {
          const listen: Record<string, number> = {};
          const env: Record<string, string> = {};
          for (const p of s.ports) {
            listen[p.name] = next++;
            env[portVar(p.name)] = String(listen[p.name]);
          }
          const first = s.ports[0];
          const withPort = first ? { PORT: String(listen[first.name]), ...env } : env;
          replicas.push({ id: `${s.name}-${v.name}-${i}`, version: v.name, index: i, labels: workloadLabels(app, s.name, v.image, s.labels, v.name), listen, env: withPort });
        }
      }
      for (const e of s.env) {
        if (s.ports.length > 0 && (e.name === "PORT" || s.ports.some((p) => portVar(p.name) === e.name))) {
          diagnostics.push(diag("KD6004", e.origin, `the runtime sets \`${e.name}\` for each replica of \`${s.name}\`: the value here is not used locally`, { hints: ["replicas of one service listen on different local ports; read the port from the variable instead of setting it (Kubernetes gets the value written here)."] }));
        }
      }
    }
    const service: PlanService = {
      name: s.name,
      runnable,
      ...(runnable ? {} : { reason: notRunnable(s.image) }),
      ports,
      selector: s.select ? { ...s.select.matchLabels } : serviceSelector(app, s.name),
      versions,
      ...(runnable ? { process: processOf(ctx, s) } : {}),
      replicas,
      probes: planProbes(s.ports, s.probes),
      update: updateOf(s),
      uses: s.uses,
    };
    return service;
  });
}

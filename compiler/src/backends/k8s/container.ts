// The one container of a workload's pod, shared by Deployments (services) and Jobs.
import type { Probes, PortModel, Resources, Workload } from "../../ir/model.ts";
import { buildEnv } from "./env.ts";
import { buildProbe } from "./probes.ts";
import type { BuildContext } from "./types.ts";

/**
 * Container fields in a fixed order: name, image, command, args, ports, env, resources, probes,
 * securityContext. `image` overrides the workload's (a canary runs another image).
 */
export function buildContainer(
  ctx: BuildContext,
  w: Workload,
  image: string,
  ports: readonly PortModel[],
  probes: Probes | undefined,
): Record<string, unknown> {
  const c: Record<string, unknown> = { name: w.name, image };
  if (w.command !== undefined) c.command = w.command.slice();
  if (w.args !== undefined) c.args = w.args.slice();
  if (ports.length > 0) {
    const list = new Array<Record<string, unknown>>(ports.length);
    for (let i = 0; i < ports.length; i++) {
      list[i] = { name: ports[i].name, containerPort: ports[i].targetPort, protocol: "TCP" };
    }
    c.ports = list;
  }
  if (w.env.length > 0) c.env = buildEnv(ctx, w.env);
  const resources = buildResources(w.resources);
  if (resources !== undefined) c.resources = resources;
  if (probes !== undefined) {
    if (probes.readiness !== undefined) c.readinessProbe = buildProbe(probes.readiness, ports);
    if (probes.liveness !== undefined) c.livenessProbe = buildProbe(probes.liveness, ports);
    if (probes.startup !== undefined) c.startupProbe = buildProbe(probes.startup, ports);
  }
  c.securityContext = restrictedSecurityContext();
  return c;
}

/** requests and limits from the IR's cpu and memory; undefined when nothing is set. */
export function buildResources(r: Resources): Record<string, unknown> | undefined {
  let requests: Record<string, string> | undefined;
  let limits: Record<string, string> | undefined;
  if (r.cpu?.request !== undefined) (requests ??= {}).cpu = r.cpu.request;
  if (r.memory?.request !== undefined) (requests ??= {}).memory = r.memory.request;
  if (r.cpu?.limit !== undefined) (limits ??= {}).cpu = r.cpu.limit;
  if (r.memory?.limit !== undefined) (limits ??= {}).memory = r.memory.limit;
  if (requests === undefined && limits === undefined) return undefined;
  const out: Record<string, unknown> = {};
  if (requests !== undefined) out.requests = requests;
  if (limits !== undefined) out.limits = limits;
  return out;
}

/**
 * A conservative default in line with the Pod Security Standards' "restricted" profile: no
 * privilege escalation, no Linux capabilities, not root, the runtime's default seccomp profile.
 * Images that need root must be changed rather than this relaxed silently. A fresh object each
 * time (see labels.ts on shared objects).
 */
function restrictedSecurityContext(): Record<string, unknown> {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ["ALL"] },
    runAsNonRoot: true,
    seccompProfile: { type: "RuntimeDefault" },
  };
}

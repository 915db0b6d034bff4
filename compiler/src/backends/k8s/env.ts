// Container environment from the IR's env entries, in declaration order: literals as values,
// secret and config entries as references (values never copied into the Deployment), and
// references to another service as that service's in-cluster address.
import type { EnvVar, EnvValue } from "../../ir/model.ts";
import type { BuildContext } from "./types.ts";

export interface K8sEnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
}

export function buildEnv(ctx: BuildContext, env: readonly EnvVar[]): K8sEnvVar[] {
  const out: K8sEnvVar[] = new Array(env.length);
  for (let i = 0; i < env.length; i++) out[i] = envVar(ctx, env[i].name, env[i].value);
  return out;
}

function envVar(ctx: BuildContext, name: string, v: EnvValue): K8sEnvVar {
  switch (v.kind) {
    case "literal":
      return { name, value: v.value };
    case "secret":
      return { name, valueFrom: { secretKeyRef: { name: v.secret, key: v.key } } };
    case "config":
      return { name, valueFrom: { configMapKeyRef: { name: v.config, key: v.key } } };
    case "service":
      return { name, value: serviceAddress(ctx, v.service, v.form) };
    case "interpolated":
      return { name, value: v.parts.map((p) => (typeof p === "string" ? p : serviceAddress(ctx, p.service, p.form))).join("") };
  }
}

/**
 * `url` http://<svc>.<ns>.svc.cluster.local:<port>, `host` <svc>.<ns>.svc.cluster.local,
 * `port` "<port>", `address` <host>:<port>, where port is the target's first port (what its
 * Service listens on). A service without ports is reported by evaluation (KD4003); here it
 * degrades to the bare host so that one problem is not reported twice.
 */
export function serviceAddress(ctx: BuildContext, service: string, form: "url" | "host" | "port" | "address"): string {
  const host = `${service}.${ctx.app.namespace}.svc.cluster.local`;
  const target = ctx.servicesByName.get(service);
  const port = target !== undefined && target.ports.length > 0 ? String(target.ports[0].port) : undefined;
  switch (form) {
    case "host":
      return host;
    case "port":
      return port ?? "";
    case "address":
      return port === undefined ? host : `${host}:${port}`;
    case "url":
      return port === undefined ? `http://${host}` : `http://${host}:${port}`;
  }
}

// A workload's environment for the runtime: literals and config values as text, service
// addresses resolved to the local proxy (`http://127.0.0.1:<proxy>`), and secrets as references
// the runtime reads at start (from the environment or a file) and injects as an environment
// variable or as a 0600 file. Secret values are never written into the plan.
import type { AppModel, EnvValue, SecretSource as IRSource, ServiceModel, Workload } from "../../ir/model.ts";
import type { PlanProcess, PlanSecret, SecretSource } from "./types.ts";

export const LOCALHOST = "127.0.0.1";

export interface EnvContext {
  readonly app: AppModel;
  /** Service name → the proxy port of its first port. */
  readonly proxyOf: ReadonlyMap<string, number>;
}

export function localAddress(ctx: EnvContext, service: string, form: "url" | "host" | "port" | "address"): string {
  const port = ctx.proxyOf.get(service);
  // A target without a port was reported in lowering (KD4003); the bare host keeps one report.
  switch (form) {
    case "host":
      return LOCALHOST;
    case "port":
      return port === undefined ? "" : String(port);
    case "address":
      return port === undefined ? LOCALHOST : `${LOCALHOST}:${port}`;
    case "url":
      return port === undefined ? `http://${LOCALHOST}` : `http://${LOCALHOST}:${port}`;
  }
}

function value(ctx: EnvContext, v: EnvValue): string | undefined {
  switch (v.kind) {
    case "literal":
      return v.value;
    case "config":
      return ctx.app.configs.find((c) => c.name === v.config)?.entries.find((e) => e.key === v.key)?.value;
    case "service":
      return localAddress(ctx, v.service, v.form);
    case "interpolated":
      return v.parts.map((p) => (typeof p === "string" ? p : localAddress(ctx, p.service, p.form))).join("");
    case "secret":
      return undefined;
  }
}

function source(s: IRSource): SecretSource {
  if (s.kind === "env") return { from: "env", name: s.name };
  if (s.kind === "file") return { from: "file", path: s.path };
  return s.property === undefined ? { from: "remote", key: s.key } : { from: "remote", key: s.key, property: s.property };
}

/** Secrets mounted as files whose secret is made outside the app: the runtime cannot fill them. */
export function externalFileSecrets(app: AppModel, s: ServiceModel): string[] {
  return s.files.filter((f) => !app.secrets.some((x) => x.name === f.secret)).map((f) => f.secret);
}

export function processOf(ctx: EnvContext, w: Workload & { files?: ServiceModel["files"] }): PlanProcess {
  const env: Record<string, string> = {};
  const secrets: PlanSecret[] = [];
  for (const e of w.env) {
    if (e.value.kind === "secret") {
      const { secret, key } = e.value;
      const entry = ctx.app.secrets.find((x) => x.name === secret)?.entries.find((x) => x.key === key);
      if (entry) secrets.push({ secret, key, ...source(entry.source), mode: "env", env: e.name });
      continue;
    }
    const text = value(ctx, e.value);
    if (text !== undefined) env[e.name] = text;
  }
  for (const f of w.files ?? []) {
    const secret = ctx.app.secrets.find((x) => x.name === f.secret);
    for (const entry of secret?.entries ?? []) {
      const file = `${f.path.replace(/\/+$/, "")}/${entry.key}`;
      // The program's path is absolute (where Kubernetes mounts it); locally the runtime writes the
      // file under the project's .kdsl/ directory instead, readable by the owner only.
      secrets.push({ secret: f.secret, key: entry.key, ...source(entry.source), mode: "file", file, local: `.kdsl/secrets/${w.name}${file}`, fileMode: "0600" });
    }
  }
  return { command: ["sh", "-c", w.run ?? ""], cwd: ".", env, secrets };
}

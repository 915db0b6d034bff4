// The runtime plan: what the built-in runtime executes to run an app as local processes. Plain
// JSON, versioned (`kdslPlan`), described by schemas/plan.schema.json. Nothing in it depends on
// the machine that built it, so the same app always gives the same plan.

export const PLAN_VERSION = 1;

export interface Plan {
  readonly kdslPlan: typeof PLAN_VERSION;
  readonly app: string;
  /** The project directory as given to the build; every `cwd` is relative to it. */
  readonly root: string;
  readonly profiles: readonly string[];
  /** First port handed out (proxies first, then replicas). */
  readonly basePort: number;
  readonly services: readonly PlanService[];
  /** Jobs, then crons (crons are `manual`: the runtime does not keep their schedule). */
  readonly jobs: readonly PlanJob[];
  /** Start stages: everything in a stage may start together once the stages before it are up. */
  readonly order: readonly (readonly string[])[];
  /** Settings that only mean something in Kubernetes, each once, with the declarations that set them. */
  readonly ignored: readonly PlanIgnored[];
}

/** A secret value the runtime reads at start and injects; its value is never in the plan. */
export type SecretSource = { readonly from: "env"; readonly name: string } | { readonly from: "file"; readonly path: string } | { readonly from: "remote"; readonly key: string; readonly property?: string };

export type PlanSecret = { readonly secret: string; readonly key: string } & SecretSource &
  ({ readonly mode: "env"; readonly env: string } | { readonly mode: "file"; readonly file: string; readonly local: string; readonly fileMode: "0600" });

export interface PlanProcess {
  /** `["sh", "-c", run]`. */
  readonly command: readonly string[];
  /** Relative to the plan's root. */
  readonly cwd: string;
  /** Literals, config values and service addresses, resolved. */
  readonly env: Readonly<Record<string, string>>;
  readonly secrets: readonly PlanSecret[];
}

export interface PlanPort {
  readonly name: string;
  /** The port clients use in Kubernetes (the Service port). */
  readonly port: number;
  /** The local proxy's stable port: what other workloads' addresses resolve to. */
  readonly proxy: number;
}

export interface PlanProbe {
  readonly type: "http" | "tcp" | "grpc" | "exec";
  readonly path?: string;
  /** A port name of the service (the replica's listen port for it), or a literal port number. */
  readonly port?: string | number;
  readonly command?: readonly string[];
  readonly service?: string;
  readonly period: number;
  readonly initialDelay: number;
  readonly timeout: number;
  readonly failureThreshold: number;
}

export interface PlanReplica {
  /** `<service>-<version>-<index>`. */
  readonly id: string;
  readonly version: string;
  readonly index: number;
  /** Labels the proxy's selector matches. */
  readonly labels: Readonly<Record<string, string>>;
  /** Port name → the port this replica listens on. */
  readonly listen: Readonly<Record<string, number>>;
  /** Added to the process's env for this replica: `PORT` (the first port) and `PORT_<NAME>`. */
  readonly env: Readonly<Record<string, string>>;
}

export interface PlanVersion {
  readonly name: string;
  readonly image: string;
  /** Share of the proxy's requests, percent. */
  readonly weight: number;
  readonly replicas: number;
}

export interface PlanService {
  readonly name: string;
  readonly runnable: boolean;
  /** Why not, when not runnable. */
  readonly reason?: string;
  readonly ports: readonly PlanPort[];
  /** The proxy routes to the replicas whose labels hold all of these. */
  readonly selector: Readonly<Record<string, string>>;
  readonly versions: readonly PlanVersion[];
  readonly process?: PlanProcess;
  readonly replicas: readonly PlanReplica[];
  readonly probes: { readonly readiness?: PlanProbe; readonly liveness?: PlanProbe; readonly startup?: PlanProbe };
  /** Rolling updates: replicas started above, and stopped below, the count at a time. */
  readonly update: { readonly maxSurge: number; readonly maxUnavailable: number; readonly minReady: number };
  readonly uses: readonly string[];
}

export interface PlanJob {
  readonly name: string;
  readonly runnable: boolean;
  readonly reason?: string;
  readonly process?: PlanProcess;
  readonly retries: number;
  /** Seconds in all. */
  readonly deadline?: number;
  readonly after: readonly string[];
  /** Crons: the schedule as written; the runtime starts them only when asked. */
  readonly schedule?: string;
  readonly manual: boolean;
}

export interface PlanIgnored {
  /** The kdsl setting, e.g. `k8s`, `resources`. */
  readonly setting: string;
  readonly declarations: readonly string[];
  readonly reason: string;
}

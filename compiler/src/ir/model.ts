// The app model (IR): plain, target-neutral, fully resolved data. It is the contract between the
// front end and every backend (Kubernetes YAML, the runtime plan, the linter); backends never look
// at syntax. Every object carries the span of the .kdsl text it came from, so that a problem found
// on generated output still points at the line that caused it.
import type { Span } from "../syntax/span.ts";

export interface Origin {
  readonly origin: Span;
}

export interface AppModel extends Origin {
  readonly name: string;
  /** Kubernetes namespace; the app's name unless the app says otherwise. */
  readonly namespace: string;
  /** Profiles applied, in order. */
  readonly profiles: readonly string[];
  readonly services: readonly ServiceModel[];
  readonly jobs: readonly JobModel[];
  /** Jobs run on a schedule. */
  readonly crons: readonly CronModel[];
  readonly secrets: readonly SecretModel[];
  readonly configs: readonly ConfigModel[];
  /** How secret values reach the output: by name only (default) or written inline. */
  readonly secretsMode: "reference" | "inline";
}

/** A Kubernetes resource quantity as written canonically (`100m`, `256Mi`). */
export interface Resources {
  readonly cpu?: { readonly request?: string; readonly limit?: string };
  readonly memory?: { readonly request?: string; readonly limit?: string };
}

export type ProbeAction =
  | { readonly type: "http"; readonly path: string; readonly port?: string | number }
  | { readonly type: "tcp"; readonly port?: string | number }
  | { readonly type: "grpc"; readonly port?: number; readonly service?: string }
  | { readonly type: "exec"; readonly command: readonly string[] };

export interface Probe extends Origin {
  readonly action: ProbeAction;
  /** Seconds. */
  readonly period?: number;
  readonly initialDelay?: number;
  readonly timeout?: number;
  readonly failureThreshold?: number;
}

export interface Probes {
  readonly readiness?: Probe;
  readonly liveness?: Probe;
  readonly startup?: Probe;
}

export interface PortModel extends Origin {
  /** IANA_SVC_NAME-style name, e.g. `http`. */
  readonly name: string;
  /** What clients use (Service port, proxy port). */
  readonly port: number;
  /** What the process listens on (containerPort, `PORT` env locally). */
  readonly targetPort: number;
}

export type EnvValue =
  | { readonly kind: "literal"; readonly value: string }
  | { readonly kind: "secret"; readonly secret: string; readonly key: string }
  | { readonly kind: "config"; readonly config: string; readonly key: string }
  /** Another service's address; `form` says which part of it. */
  | { readonly kind: "service"; readonly service: string; readonly form: "url" | "host" | "port" | "address" }
  /** Text with service addresses in it: each target resolves the addresses its own way. */
  | { readonly kind: "interpolated"; readonly parts: readonly InterpolationPart[] };

/** Literal text, or a service address (cluster DNS in Kubernetes, the local proxy in the runtime plan). */
export type InterpolationPart = string | { readonly service: string; readonly form: "url" | "host" | "port" | "address" };

/** A label selector: equality terms, and set terms (`in`, `notin`, exists, does not exist). */
export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly { readonly key: string; readonly operator: "In" | "NotIn" | "Exists" | "DoesNotExist"; readonly values?: readonly string[] }[];
}

/**
 * A `k8s { }` patch: plain data merged into the generated objects of one kind (`deployment`,
 * `service`, ...), or into every pod template (`pod`) or container (`container`) of the workload.
 */
export interface K8sPatch extends Origin {
  readonly target: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface EnvVar extends Origin {
  readonly name: string;
  readonly value: EnvValue;
}

/** What every workload (service or job) runs. */
export interface Workload extends Origin {
  readonly name: string;
  readonly image: string;
  /** Shell command the built-in runtime starts per replica (`node services/x.js`). */
  readonly run?: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly env: readonly EnvVar[];
  readonly resources: Resources;
  /** `k8s { }` patches, in the order written (templates first); Kubernetes only. */
  readonly patches?: readonly K8sPatch[];
  /** `avoid { ... }`: keep off nodes that run pods matching this (preferred pod anti-affinity). */
  readonly avoid?: LabelSelector;
  /** Writable `emptyDir` paths; when there are any, the root filesystem is read-only. */
  readonly scratch?: readonly string[];
  /** User and group id the container runs as (and the pod's fsGroup). */
  readonly user?: number;
  /** Mount a Kubernetes API token (automountServiceAccountToken); false when absent. */
  readonly apiToken?: boolean;
}

/** How a service's versions share traffic. */
export type Strategy = "replicas" | "gateway" | "rollout";

/**
 * One version of a service running side by side with the others. The first is always the main
 * version (`stable`, the service's `image`); a `canary` block is the version named `canary`.
 */
export interface VersionModel extends Origin {
  /** `stable`, `canary`, or the name written under `versions`. */
  readonly name: string;
  readonly image: string;
  /** Share of the traffic in percent; the versions of a service add up to 100. */
  readonly weight: number;
}

/** A step of a progressive rollout: set the canary's weight, or pause (seconds, or until promoted). */
export type RolloutStep = { readonly weight: number } | { readonly pause: number | "promote" };

/** Exposure outside the cluster (Ingress, or HTTPRoute under the gateway strategy). */
export interface ExposeModel extends Origin {
  readonly host: string;
  readonly path: string;
  /** The service port (by name) that receives the traffic. */
  readonly port: PortModel;
  /** Secret holding the TLS certificate. */
  readonly tls?: string;
  readonly className?: string;
  /** The Gateway an HTTPRoute attaches to, and its namespace when not the app's. */
  readonly gateway?: string;
  readonly gatewayNamespace?: string;
}

/** Where Prometheus scrapes the service, and whether through a ServiceMonitor. */
export interface MetricsModel extends Origin {
  readonly path: string;
  readonly port: PortModel;
  readonly monitor: boolean;
}

/** A secret mounted read-only as files in a directory. */
export interface SecretFiles extends Origin {
  readonly path: string;
  readonly secret: string;
}

export interface ServiceModel extends Workload {
  /** Replicas of the main version; other versions are sized from their weights. */
  readonly replicas: number;
  readonly ports: readonly PortModel[];
  readonly probes: Probes;
  /** At least one: the main version first, then the canary, then `versions` by name. */
  readonly versions: readonly VersionModel[];
  readonly strategy: Strategy;
  /** Rollout steps (strategy `rollout`, when there is a new version to roll out). */
  readonly steps: readonly RolloutStep[];
  readonly expose?: ExposeModel;
  readonly metrics?: MetricsModel;
  readonly files: readonly SecretFiles[];
  /** Services this one calls (network allow-list, start order). */
  readonly uses: readonly string[];
  /** `select { ... }`: the pods its Service routes to, instead of its own (equality terms only). */
  readonly select?: LabelSelector;
  /** Rolling-update limits and history. */
  readonly rollout?: RolloutModel;
  readonly autoscale?: AutoscaleModel;
  readonly disruption?: DisruptionModel;
  /** A StatefulSet with a headless Service: stable names, a volume claim per replica. */
  readonly stateful?: boolean;
  readonly volumes?: readonly VolumeModel[];
}

/** A count of replicas, or a share of them in percent. */
export type CountOrShare = { readonly count: number } | { readonly percent: number };

export interface RolloutModel extends Origin {
  readonly maxSurge?: CountOrShare;
  readonly maxUnavailable?: CountOrShare;
  /** Old versions kept (revisionHistoryLimit). */
  readonly history?: number;
  /** Seconds a new replica must be ready before it counts (minReadySeconds). */
  readonly minReady?: number;
}

export interface AutoscaleModel extends Origin {
  readonly min: number;
  readonly max: number;
  /** Target average utilisation in percent of the request. */
  readonly cpu?: number;
  readonly memory?: number;
}

/** A PodDisruptionBudget: exactly one of the two. */
export interface DisruptionModel extends Origin {
  readonly minAvailable?: CountOrShare;
  readonly maxUnavailable?: CountOrShare;
}

export interface VolumeModel extends Origin {
  /** A DNS label; the claim is `<service>-<name>` (per replica under a StatefulSet: `<name>-<service>-<i>`). */
  readonly name: string;
  /** Kubernetes quantity as written, e.g. `10Gi`. */
  readonly size: string;
  readonly path: string;
  readonly storageClass?: string;
}

export interface CronModel extends Workload {
  readonly schedule: string;
  readonly timezone?: string;
  readonly overlap: "allow" | "forbid" | "replace";
  /** Seconds after the scheduled time a late run may still start. */
  readonly startDeadline?: number;
  readonly keepSucceeded?: number;
  readonly keepFailed?: number;
  readonly retries: number;
  /** Seconds one run may take (activeDeadlineSeconds). */
  readonly deadline?: number;
}

export interface JobModel extends Workload {
  /** Retries before the job is marked failed (backoffLimit). */
  readonly retries: number;
  /** Seconds the job may run in all (activeDeadlineSeconds). */
  readonly deadline?: number;
  /** Workloads that must be up (services) or complete (jobs) before this job starts. */
  readonly after: readonly string[];
}

export type SecretSource =
  | { readonly kind: "env"; readonly name: string }
  | { readonly kind: "file"; readonly path: string }
  /** A key (and optional property) in an external store; only with `store`. */
  | { readonly kind: "remote"; readonly key: string; readonly property?: string };

export interface SecretEntry extends Origin {
  readonly key: string;
  readonly source: SecretSource;
  /**
   * The value, present only when the build was asked for inline secrets and could read it: a
   * string, or the file's bytes when a `file(...)` value is not UTF-8 text (keystores, DER).
   */
  readonly value?: string | Uint8Array;
}

export interface SecretModel extends Origin {
  readonly name: string;
  readonly entries: readonly SecretEntry[];
  /** External Secrets store: the secret is an ExternalSecret reading from it. */
  readonly store?: string;
  /** Seconds between refreshes from the store. */
  readonly refresh?: number;
}

export interface ConfigEntry extends Origin {
  readonly key: string;
  readonly value: string;
}

export interface ConfigModel extends Origin {
  readonly name: string;
  readonly entries: readonly ConfigEntry[];
}

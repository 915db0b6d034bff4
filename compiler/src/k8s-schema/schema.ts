// The Kubernetes schema as far as `k8s { }` patches need it: each object type's field names and
// their types. fields.json is derived from @kubernetes/client-node's generated models by
// scripts/gen-k8s-fields.mjs (never written by hand; a test re-derives it and compares).
// Types: `string`, `number`, `boolean`, `IntOrString`, `any`, a type name (an object),
// `[T]` (a list of T), `{T}` (a block of entries with values of T).
import data from "./fields.json" with { type: "json" };

const TYPES = data.types as unknown as Readonly<Record<string, Readonly<Record<string, string>>>>;
const ROOTS = data.roots as unknown as Readonly<Record<string, readonly [string, string]>>;

/** `k8s.<target>`: the objects (by lower-case kind) and the pod-level pseudo-targets, to their schema type. */
export const PATCH_TARGETS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(ROOTS).map(([k, [, type]]) => [k, type])),
  pod: "V1PodSpec",
  container: "V1Container",
};

/** The API version and kind of each object target. */
export const TARGET_KINDS: Readonly<Record<string, { readonly apiVersion: string; readonly kind: string }>> = Object.fromEntries(
  Object.entries(ROOTS).map(([k, [apiVersion, type]]) => [k, { apiVersion, kind: type.replace(/^V\d+(?:beta\d+)?/, "") }]),
);

/** What a bare `k8s { }` patches, per declaration kind. */
export const MAIN_TARGET: Readonly<Record<string, string>> = { service: "deployment", job: "job", stateful: "statefulset", cron: "cronjob" };

export function fieldsOf(type: string): Readonly<Record<string, string>> | undefined {
  return TYPES[type];
}

/** `V1DeploymentSpec` → `DeploymentSpec`, for messages. */
export function typeName(type: string): string {
  if (type.startsWith("{")) return "a block of entries";
  return "`" + type.replace(/^(?:Core)?V\d+(?:beta\d+)?/, "") + "`";
}

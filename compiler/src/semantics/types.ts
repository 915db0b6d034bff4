// The types a field can have, as the prelude declares them. Scalar types carry the units people
// write (`250m`, `256Mi`, `30s`, `10%`); structured ones come from nested blocks in the prelude.
import type { Span } from "../syntax/span.ts";

export type ScalarName =
  | "String"
  | "Int"
  | "Bool"
  | "Cpu"
  | "Memory"
  | "Duration"
  | "Percent"
  | "Name"
  | "Image"
  | "LabelKey"
  | "LabelValue"
  | "EnvName"
  | "EnvValue"
  | "SecretValue"
  | "ConfigValue"
  | "Probe"
  | "Port"
  | "ServiceRef"
  | "WorkloadRef"
  | "Selector"
  | "K8sPatch"
  // Releases, exposure, metrics and secrets (check-release.ts).
  | "Strategy"
  | "Step"
  | "SecretName"
  | "PortName"
  | "Host"
  | "HttpPath"
  // Scaling, rollouts and schedules (check-workload.ts).
  | "IntOrPercent"
  | "Cron"
  | "Overlap"
  | "TimeZone";

export const SCALARS: ReadonlySet<string> = new Set<ScalarName>([
  "String", "Int", "Bool", "Cpu", "Memory", "Duration", "Percent", "Name", "Image", "LabelKey", "LabelValue",
  "EnvName", "EnvValue", "SecretValue", "ConfigValue", "Probe", "Port", "ServiceRef", "WorkloadRef", "Selector", "K8sPatch",
  "Strategy", "Step", "SecretName", "PortName", "Host", "HttpPath",
  "IntOrPercent", "Cron", "Overlap", "TimeZone",
]);

export type Type =
  | { readonly t: "scalar"; readonly name: ScalarName }
  | { readonly t: "list"; readonly of: Type }
  | { readonly t: "map"; readonly key: Type; readonly value: Type }
  | { readonly t: "range"; readonly of: Type }
  | { readonly t: "record"; readonly fields: ReadonlyMap<string, FieldSchema> };

export interface FieldSchema {
  readonly name: string;
  readonly type: Type;
  readonly optional: boolean;
  /** Default as source text, evaluated like a user-written value when the field is absent. */
  readonly defaultExpr?: import("../syntax/ast.ts").Expr;
  readonly doc?: string;
  readonly span: Span;
}

export interface KindSchema {
  readonly name: string;
  readonly doc?: string;
  readonly fields: ReadonlyMap<string, FieldSchema>;
  readonly span: Span;
}

/** How a type is named in messages: "a whole number", "a CPU quantity such as `250m`". */
export function describeType(type: Type): string {
  switch (type.t) {
    case "list":
      return `a list of ${plural(type.of)}`;
    case "map":
      return "a block of entries";
    case "range":
      return `${describeType(type.of)}, or a range \`a to b\``;
    case "record":
      return "a block";
    case "scalar":
      return SCALAR_TEXT[type.name];
  }
}

function plural(type: Type): string {
  return describeType(type).replace(/^an? /, "") + "s";
}

const SCALAR_TEXT: Record<ScalarName, string> = {
  String: "a string",
  Int: "a whole number",
  Bool: "`true` or `false`",
  Cpu: "a CPU quantity such as `250m` or `0.5`",
  Memory: "a memory quantity such as `256Mi`",
  Duration: "a duration such as `30s` or `5m`",
  Percent: "a percentage such as `10%`",
  Name: "a DNS name",
  Image: "an image reference",
  LabelKey: "a label key",
  LabelValue: "a label value",
  EnvName: "an environment variable name",
  EnvValue: "a string, number, secret key, config key or service address",
  SecretValue: '`env("NAME")` or `file("path")`',
  ConfigValue: "a string, number or boolean",
  Probe: '`http("/path")`, `tcp()`, `grpc()` or `exec([...])`',
  Port: "a port such as `http 8080`",
  ServiceRef: "a service name",
  WorkloadRef: "a service or job name",
  Selector: "a selector block such as `select { tier = \"backend\"; env in [\"prod\"] }`",
  K8sPatch: "a `k8s { ... }` patch block",
  Strategy: "a release strategy: `replicas`, `gateway` or `rollout`",
  Step: "a rollout step: a weight such as `10%` or `pause(5m)`",
  SecretName: "a secret's name",
  PortName: "the name of one of the service's ports",
  Host: "a host name such as `shop.example.com`",
  HttpPath: "an absolute URL path such as `/`",
  IntOrPercent: "a count such as `1` or a share such as `25%`",
  Cron: 'a cron schedule such as `"0 3 * * *"`',
  Overlap: "`allow`, `forbid` or `replace`",
  TimeZone: 'a time zone name such as `"Europe/Berlin"` or `"UTC"`',
};

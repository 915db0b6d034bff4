// Checks every generated object against the Kubernetes schema and maps failures back to the IR
// object's span (KD5001). The validators are the ajv functions kubernetes-models generated from
// the official OpenAPI schema. The package does not export its `_schemas/*` validators, so they
// are reached through each model class's `validate` method, called on our plain object as `this`:
// no model is constructed (construction deep-copies the data, too slow for thousands of objects).
// That method throws a ValidationError whose `errors` are ajv errors with English messages.
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { Job } from "kubernetes-models/batch/v1/Job";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { StatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import { CronJob } from "kubernetes-models/batch/v1/CronJob";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { crdValidator } from "./validate-crd.ts";
import { diag } from "../../diagnostics/catalogue.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { Span } from "../../syntax/span.ts";
import type { EmittedObject, K8sObject } from "./types.ts";

type Validator = (this: unknown) => void;

const VALIDATORS: ReadonlyMap<string, Validator> = new Map<string, Validator>([
  ["v1/Namespace", Namespace.prototype.validate],
  ["v1/ConfigMap", ConfigMap.prototype.validate],
  ["v1/Secret", Secret.prototype.validate],
  ["v1/Service", Service.prototype.validate],
  ["apps/v1/Deployment", Deployment.prototype.validate],
  ["batch/v1/Job", Job.prototype.validate],
  ["networking.k8s.io/v1/Ingress", Ingress.prototype.validate],
  ["apps/v1/StatefulSet", StatefulSet.prototype.validate],
  ["batch/v1/CronJob", CronJob.prototype.validate],
  ["v1/ServiceAccount", ServiceAccount.prototype.validate],
  ["v1/PersistentVolumeClaim", PersistentVolumeClaim.prototype.validate],
  ["autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.prototype.validate],
  ["policy/v1/PodDisruptionBudget", PodDisruptionBudget.prototype.validate],
  ["networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.prototype.validate],
]);

// The validators by kind, then apiVersion: looking up `${apiVersion}/${kind}` made and hashed a
// new string for every object.
const BY_KIND = new Map<string, Map<string, Validator>>();
for (const [key, validate] of VALIDATORS) {
  const slash = key.lastIndexOf("/");
  const kind = key.slice(slash + 1);
  let versions = BY_KIND.get(kind);
  if (versions === undefined) BY_KIND.set(kind, (versions = new Map()));
  versions.set(key.slice(0, slash), validate);
}

function validatorOf(apiVersion: string, kind: string): Validator {
  const validate = BY_KIND.get(kind)?.get(apiVersion) ?? crdValidator(`${apiVersion}/${kind}`);
  if (validate === undefined) throw new Error(`no schema validator for ${apiVersion} ${kind}`);
  return validate;
}

/** The subset of an ajv error we read. */
interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params?: Record<string, unknown>;
  readonly message?: string;
}

/** At most this many distinct problems reported per object: the rest are usually consequences. */
const MAX_PER_OBJECT = 5;

export function validateObjects(objects: readonly EmittedObject[], diagnostics: Diagnostic[]): void {
  for (const e of objects) {
    const problems = schemaProblems(e.object);
    if (problems !== undefined) reportSchemaProblems(e.object, e.origin, problems, diagnostics);
  }
}

/**
 * The object's schema problems (at most MAX_PER_OBJECT, `path: message`), or undefined when it
 * passes. Separate from reporting so that a streaming build can validate an object, keep only
 * these lines, and report them once it knows where they point (index.ts).
 */
export function schemaProblems(o: K8sObject): string[] | undefined {
  const validate = validatorOf(o.apiVersion, o.kind);
  try {
    validate.call(o);
    return undefined;
  } catch (err) {
    const errors = (err as { errors?: unknown }).errors;
    if (!Array.isArray(errors)) throw err;
    return describe(errors as SchemaError[]).slice(0, MAX_PER_OBJECT);
  }
}

/**
 * What the API server checks beyond the schema for a workload: its selector must select its own
 * pod template (`selector does not match template labels`). A problem line like schemaProblems',
 * or undefined when it holds (or the object has no such pair).
 */
export function selectorMismatch(o: K8sObject): string | undefined {
  const spec = o["spec"] as { selector?: { matchLabels?: Record<string, unknown> }; template?: { metadata?: { labels?: Record<string, unknown> } } } | undefined;
  const wanted = spec?.selector?.matchLabels;
  if (wanted === undefined || spec?.template === undefined) return undefined;
  const labels = spec.template.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(wanted)) {
    if (labels[k] !== v) return `/spec/selector/matchLabels: \`${k}: ${String(v)}\` is not among the pod template's labels${labels[k] === undefined ? "" : ` (\`${k}: ${String(labels[k])}\`)`}, and Kubernetes requires the selector to match them`;
  }
  return undefined;
}

/** KD5001 for each problem line; `o`'s kind and name are read now, so read them from the validated object. */
export function reportSchemaProblems(o: { readonly kind: string; readonly metadata: { readonly name: string } }, origin: Span, problems: readonly string[], diagnostics: Diagnostic[]): void {
  for (const problem of problems) {
    diagnostics.push(
      diag("KD5001", origin, `generated ${o.kind} \`${o.metadata.name}\` fails the Kubernetes schema at ${problem}`, {
        label: `this produces the ${o.kind}`,
      }),
    );
  }
}

/**
 * One line per failing location, `path: message`. Where a value may take one of several forms
 * (int-or-string ports, quantities) ajv reports one error per form plus a `oneOf` error; those
 * become one message listing the forms.
 */
function describe(errors: readonly SchemaError[]): string[] {
  const byPath = new Map<string, SchemaError[]>();
  for (const e of errors) {
    const group = byPath.get(e.instancePath);
    if (group === undefined) byPath.set(e.instancePath, [e]);
    else group.push(e);
  }
  const out: string[] = [];
  for (const [path, group] of byPath) {
    const alternatives = group.some((e) => e.keyword === "oneOf" || e.keyword === "anyOf");
    let message: string;
    if (alternatives) {
      const types: string[] = [];
      const others: string[] = [];
      for (const e of group) {
        if (e.keyword === "oneOf" || e.keyword === "anyOf") continue;
        if (e.keyword === "type") types.push(String(e.params?.type));
        else others.push(messageOf(e));
      }
      const parts = types.length > 0 ? [`must be ${types.join(" or ")}`, ...others] : others;
      message = parts.length > 0 ? [...new Set(parts)].join(" or ") : messageOf(group[0]);
    } else {
      message = messageOf(group[0]);
    }
    out.push(`${displayPath(path)}: ${message}`);
  }
  return out;
}

function messageOf(e: SchemaError): string {
  const p = e.params ?? {};
  switch (e.keyword) {
    case "enum":
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "required":
      return `must have the field \`${String(p.missingProperty)}\``;
    case "additionalProperties":
      return `has the unknown field \`${String(p.additionalProperty)}\``;
    default:
      return e.message ?? `fails the \`${e.keyword}\` rule`;
  }
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** JSON pointer → `spec.template.spec.containers[0].ports[0].containerPort`. */
export function displayPath(pointer: string): string {
  if (pointer === "") return "the top level";
  let out = "";
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (/^[0-9]+$/.test(seg)) out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

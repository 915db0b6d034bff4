// An independent check of generated objects against the upstream Kubernetes OpenAPI v3 documents
// (../shared/k8s-openapi, next to the repository), with ajv. It is stricter than the validators
// the backend uses (kubernetes-models): an object property the schema does not list is an error,
// which catches misspelt field names that Kubernetes would silently drop (or reject under
// server-side field validation).
//
// OpenAPI 3.0 differences handled here: `nullable` (ajv knows it), `x-kubernetes-*` extensions
// (ignored with strict: false, except `x-kubernetes-preserve-unknown-fields`, which keeps an
// object open), and formats (int32, int64, double, byte, date-time, int-or-string …) added as
// simple checks or no-ops.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const openApiDir = path.resolve(repoRoot, "../shared/k8s-openapi");

/** Which document holds which API group/version. */
function documentFor(apiVersion: string): string {
  if (apiVersion === "v1") return "api__v1_openapi.json";
  const [group, version] = apiVersion.split("/");
  return `apis__${group}__${version}_openapi.json`;
}

/**
 * Whether the upstream documents cover an API group/version. Custom resources (Gateway API, Argo
 * Rollouts, External Secrets, prometheus-operator) are not there: the compiler validates those
 * with their @kubernetes-models packages (backends/k8s/validate-crd.ts).
 */
export function openApiCovers(apiVersion: string): boolean {
  return existsSync(path.join(openApiDir, documentFor(apiVersion)));
}

export function openApiAvailable(): boolean {
  return existsSync(path.join(openApiDir, "api__v1_openapi.json"));
}

type Schema = Record<string, unknown>;

interface Loaded {
  readonly ajv: Ajv;
  readonly docs: Set<string>;
  /** "apps/v1/Deployment" → "#/components/schemas/io.k8s.api.apps.v1.Deployment" in its document. */
  readonly kinds: Map<string, { doc: string; ref: string }>;
  readonly compiled: Map<string, ValidateFunction>;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  if (loaded !== undefined) return loaded;
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  const int = (min: number, max: number) => ({ type: "number" as const, validate: (n: number) => Number.isInteger(n) && n >= min && n <= max });
  ajv.addFormat("int32", int(-(2 ** 31), 2 ** 31 - 1));
  ajv.addFormat("int64", int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
  ajv.addFormat("double", { type: "number", validate: () => true });
  ajv.addFormat("float", { type: "number", validate: () => true });
  ajv.addFormat("byte", /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  ajv.addFormat("date-time", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i);
  for (const f of ["int-or-string", "date", "duration", "uuid", "email", "hostname", "uri", "ipv4", "ipv6", "cidr", "quantity", "password"]) {
    ajv.addFormat(f, () => true);
  }
  loaded = { ajv, docs: new Set(), kinds: new Map(), compiled: new Map() };
  return loaded;
}

function loadDocument(l: Loaded, doc: string): void {
  if (l.docs.has(doc)) return;
  l.docs.add(doc);
  const file = path.join(openApiDir, doc);
  if (!existsSync(file)) return;
  const json = JSON.parse(readFileSync(file, "utf8")) as { components?: { schemas?: Record<string, Schema> } };
  const schemas = json.components?.schemas ?? {};
  for (const [name, schema] of Object.entries(schemas)) {
    closeObjects(schema);
    const gvks = schema["x-kubernetes-group-version-kind"] as Array<{ group: string; version: string; kind: string }> | undefined;
    for (const g of gvks ?? []) {
      const apiVersion = g.group === "" ? g.version : `${g.group}/${g.version}`;
      if (!l.kinds.has(`${apiVersion}/${g.kind}`)) l.kinds.set(`${apiVersion}/${g.kind}`, { doc, ref: `#/components/schemas/${name}` });
    }
  }
  // Only the components go in: the paths are not schemas.
  l.ajv.addSchema({ components: { schemas } }, doc);
}

/** additionalProperties: false wherever a schema lists its properties and says nothing else. */
function closeObjects(schema: unknown): void {
  if (schema === null || typeof schema !== "object") return;
  if (Array.isArray(schema)) {
    for (const s of schema) closeObjects(s);
    return;
  }
  const s = schema as Schema;
  if (
    s.properties !== undefined &&
    s.additionalProperties === undefined &&
    s["x-kubernetes-preserve-unknown-fields"] !== true
  ) {
    s.additionalProperties = false;
  }
  if (s.properties !== undefined) for (const p of Object.values(s.properties as Record<string, unknown>)) closeObjects(p);
  for (const k of ["items", "additionalProperties", "not"]) if (typeof s[k] === "object") closeObjects(s[k]);
  for (const k of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(s[k])) closeObjects(s[k]);
}

/** Problems of one object as `path: message` lines; empty when it is valid. */
export function validateAgainstOpenApi(obj: { readonly [k: string]: unknown }): string[] {
  if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") return ["object has no apiVersion or kind"];
  const l = load();
  const key = `${obj.apiVersion}/${obj.kind}`;
  let validate = l.compiled.get(key);
  if (validate === undefined) {
    loadDocument(l, documentFor(obj.apiVersion));
    const where = l.kinds.get(key);
    if (where === undefined) return [`no OpenAPI schema for ${obj.apiVersion} ${obj.kind}`];
    validate = l.ajv.compile({ $ref: `${where.doc}${where.ref}` });
    l.compiled.set(key, validate);
  }
  if (validate(obj)) return [];
  return (validate.errors ?? []).map((e) => {
    const extra = e.keyword === "additionalProperties" ? ` (${String(e.params.additionalProperty)})` : "";
    return `${e.instancePath || "/"}: ${e.message ?? e.keyword}${extra}`;
  });
}

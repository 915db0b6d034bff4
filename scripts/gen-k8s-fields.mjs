// Derives compiler/src/k8s-schema/fields.json — the field names and types of the Kubernetes objects
// kdsl generates — from @kubernetes/client-node's models, which the Kubernetes project generates
// from the official OpenAPI spec. The compiler reads the JSON (checking `k8s { }` patches); loading
// the 850 model modules at run time would cost ~0.4 s per build. test/backends/patches.test.ts fails when
// the committed file differs from what this script derives, so it cannot drift from the package.
//   node scripts/gen-k8s-fields.mjs          write the file
//   node scripts/gen-k8s-fields.mjs --print  print it (the test compares)
import { writeFileSync } from "node:fs";
import * as models from "@kubernetes/client-node/dist/gen/models/all.js";

/** The objects kdsl generates (or may generate), by the lower-case kind a `k8s.<kind>` patch names. */
export const ROOTS = {
  deployment: ["apps/v1", "V1Deployment"],
  statefulset: ["apps/v1", "V1StatefulSet"],
  service: ["v1", "V1Service"],
  job: ["batch/v1", "V1Job"],
  cronjob: ["batch/v1", "V1CronJob"],
  configmap: ["v1", "V1ConfigMap"],
  secret: ["v1", "V1Secret"],
  namespace: ["v1", "V1Namespace"],
  serviceaccount: ["v1", "V1ServiceAccount"],
  persistentvolumeclaim: ["v1", "V1PersistentVolumeClaim"],
  horizontalpodautoscaler: ["autoscaling/v2", "V2HorizontalPodAutoscaler"],
  poddisruptionbudget: ["policy/v1", "V1PodDisruptionBudget"],
  networkpolicy: ["networking.k8s.io/v1", "V1NetworkPolicy"],
  ingress: ["networking.k8s.io/v1", "V1Ingress"],
};

/** client-node's type text → ours: a scalar, `Type`, `[T]` (list) or `{T}` (map with string keys). */
function typeOf(t) {
  const list = /^Array<(.*)>$/.exec(t);
  if (list) return "[" + typeOf(list[1]) + "]";
  const map = /^\{ \[key: string\]: (.*); \}$/.exec(t);
  if (map) return "{" + typeOf(map[1]) + "}";
  if (t === "Date") return "string";
  return t;
}

export function derive() {
  const types = {};
  const visit = (name) => {
    if (types[name] || !models[name]?.attributeTypeMap) return;
    const fields = {};
    types[name] = fields;
    for (const a of models[name].attributeTypeMap) {
      fields[a.baseName] = typeOf(a.type);
      for (const ref of fields[a.baseName].match(/[A-Z][A-Za-z0-9]+/g) ?? []) if (ref !== "IntOrString") visit(ref);
    }
  };
  for (const [, type] of Object.values(ROOTS)) visit(type);
  const sorted = Object.fromEntries(Object.keys(types).sort().map((k) => [k, types[k]]));
  return { source: "@kubernetes/client-node@1.4.0 (models generated from the Kubernetes OpenAPI spec v1.34.0)", roots: ROOTS, types: sorted };
}

const text = JSON.stringify(derive()) + "\n";
if (process.argv.includes("--print")) process.stdout.write(text);
else writeFileSync(new URL("../compiler/src/k8s-schema/fields.json", import.meta.url), text);

// The escape hatch, selectors and expressions end to end, and the derived Kubernetes field table.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";
import { repoRoot } from "../support/project.ts";

function objects(src: string, profiles: string[] = []) {
  const r = build(memoryHost({ "p/app.kdsl": "app shop\n" + src }, stdlibFiles()), "p", { profiles });
  assert.equal(r.diagnostics.map((d) => `${d.code} ${d.message}`), []);
  return r.objects!.map((o) => o.object as Record<string, any>);
}
const find = (objs: Record<string, any>[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name)!;

test("fields.json is what scripts/gen-k8s-fields.mjs derives from the installed models", () => {
  const derived = execFileSync(process.execPath, [path.join(repoRoot, "scripts/gen-k8s-fields.mjs"), "--print"], { encoding: "utf8" });
  assert.ok(derived === readFileSync(path.join(repoRoot, "compiler/src/k8s-schema/fields.json"), "utf8"), "run node scripts/gen-k8s-fields.mjs");
});

test("patches merge into the objects: blocks key by key, lists replace, templates under declarations", () => {
  const objs = objects(`
template slow for service { k8s { spec.progressDeadlineSeconds = 900; spec.minReadySeconds = 5 } }
service api from slow {
  image = "ghcr.io/example/api:1.0.0"
  port http 8080
  k8s { spec.minReadySeconds = 10 }
  k8s.container { imagePullPolicy = "Always"; args = ["--fast"] }
  k8s.service.metadata.annotations { "example.com/owner" = "shop" }
}`);
  const d = find(objs, "Deployment", "api");
  assert.is(d.spec.progressDeadlineSeconds, 900);
  assert.is(d.spec.minReadySeconds, 10, "the declaration wins over its template");
  assert.is(d.spec.replicas, 1, "untouched fields stay");
  assert.is(d.spec.template.spec.containers[0].imagePullPolicy, "Always");
  assert.equal(d.spec.template.spec.containers[0].args, ["--fast"]);
  assert.is(find(objs, "Service", "api").metadata.annotations["example.com/owner"], "shop");
});

test("if/else follows the applied profiles; name and app are decided at once", () => {
  const src = `
profile prod {}
profile staging {}
service api {
  image = "ghcr.io/example/api:1.0.0"
  replicas = if profile == "prod" and name == "api" then 5 else if profile in ["staging"] then 2 else 1
  args = if profile != "prod" then ["--debug"] else []
}`;
  const replicas = (p: string[]) => find(objects(src, p), "Deployment", "api").spec.replicas;
  assert.is(replicas([]), 1);
  assert.is(replicas(["prod"]), 5);
  assert.is(replicas(["staging"]), 2);
  assert.equal(find(objects(src, []), "Deployment", "api").spec.template.spec.containers[0].args, ["--debug"]);
});

test("service addresses inside strings resolve to cluster DNS; selectors become label selectors", () => {
  const objs = objects(`
service db { image = "ghcr.io/example/db:1.0.0"; port pg 5432; labels { tier = "data" } }
service api {
  image = "ghcr.io/example/api:1.0.0"
  port http 8080
  env { DSN = "postgres://\${db.address}/shop"; UP = upper("x-\${name}") }
  select { tier = "data" }
  avoid { tier in ["cache", "batch"]; !legacy }
}`);
  const d = find(objs, "Deployment", "api");
  const env = d.spec.template.spec.containers[0].env;
  assert.equal(env, [{ name: "DSN", value: "postgres://db.shop.svc.cluster.local:5432/shop" }, { name: "UP", value: "X-API" }]);
  assert.equal(find(objs, "Service", "api").spec.selector, { "app.kubernetes.io/part-of": "shop", tier: "data" });
  const term = d.spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm;
  assert.equal(term.labelSelector.matchExpressions, [
    { key: "tier", operator: "In", values: ["batch", "cache"] },
    { key: "legacy", operator: "DoesNotExist" },
  ]);
});

test.run();

// Releases, exposure, metrics and secret modes from source to objects: versions and weights per
// strategy, the CRD objects validated by their @kubernetes-models packages (a bad one is KD5001),
// and the default path untouched by any of it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

type Obj = { kind: string; apiVersion: string; metadata: { name: string; annotations?: Record<string, string> }; spec: any };

function run(source: string) {
  const r = build(memoryHost({ "app.kdsl": source }, stdlibFiles()), "app.kdsl");
  assert.equal(r.diagnostics.map(renderPlain), []);
  return { ...r, objs: r.objects!.map((o) => o.object as unknown as Obj) };
}
const find = (objs: Obj[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name)!;

const svc = (body: string, app = "app shop") => `${app}\n\nservice web {\n  image = "shop/web:1.0.0"\n  replicas = 6\n  port http 8080\n${body}\n}\n`;

test("versions: one Deployment per version, sized to the weights, one Service", () => {
  const { objs } = run(svc('  versions {\n    b { image = "shop/web:2.0.0"; weight = 25% }\n    c { image = "shop/web:3.0.0"; weight = 25% }\n  }'));
  assert.equal(objs.filter((o) => o.kind === "Deployment").map((o) => [o.metadata.name, o.spec.replicas, o.metadata.annotations]), [
    ["web", 6, { "kdsl.dev/weight": "50%" }],
    ["web-b", 3, { "kdsl.dev/weight": "25%" }],
    ["web-c", 3, { "kdsl.dev/weight": "25%" }],
  ]);
  assert.equal(objs.filter((o) => o.kind === "Service").map((o) => o.metadata.name), ["web"]);
  assert.is(find(objs, "Deployment", "web-c").spec.selector.matchLabels.track, "c");
});

test("gateway: a Service per version and exact HTTPRoute weights (scaled when fractional)", () => {
  const { objs } = run(svc('  strategy = gateway\n  canary { image = "shop/web:2.0.0"; weight = 12.5% }'));
  assert.equal(objs.filter((o) => o.kind === "Service").map((o) => o.metadata.name), ["web", "web-canary", "web-stable"]);
  const route = find(objs, "HTTPRoute", "web");
  assert.equal(route.spec.parentRefs, [{ group: "", kind: "Service", name: "web", port: 8080 }], "mesh route when not exposed");
  assert.equal(route.spec.rules[0].backendRefs.map((b: { weight: number }) => b.weight), [8750, 1250]);
});

test("rollout: a Rollout with the new image and default steps, no Deployment", () => {
  const { objs } = run(svc('  canary { image = "shop/web:2.0.0"; weight = 20% }', "app shop { strategy = rollout }"));
  assert.not.ok(objs.some((o) => o.kind === "Deployment"));
  const r = find(objs, "Rollout", "web");
  assert.is(r.spec.template.spec.containers[0].image, "shop/web:2.0.0");
  assert.equal(r.spec.strategy.canary.steps, [{ setWeight: 20 }, { pause: {} }]);
});

test("rollout: an autoscaled Rollout has no replicas; `rollout { }` limits go in strategy.canary", () => {
  const body = '  resources { cpu = 100m }\n  autoscale { max = 8 }\n  rollout { max-surge = 1; max-unavailable = 0; history = 2; min-ready = 5s }\n  canary { image = "shop/web:2.0.0"; weight = 20% }';
  const { objs } = run(svc(body, "app shop { strategy = rollout }"));
  const r = find(objs, "Rollout", "web");
  assert.is(r.spec.replicas, undefined, "the HorizontalPodAutoscaler owns the count");
  assert.is(find(objs, "HorizontalPodAutoscaler", "web").spec.scaleTargetRef.kind, "Rollout");
  assert.is(r.spec.minReadySeconds, 5);
  assert.is(r.spec.revisionHistoryLimit, 2);
  assert.equal(r.spec.strategy.canary, { maxSurge: 1, maxUnavailable: 0, steps: [{ setWeight: 20 }, { pause: {} }] });
  assert.equal(Object.keys(r.spec), ["selector", "template", "minReadySeconds", "revisionHistoryLimit", "strategy"]);
});

test("a CRD object that fails its model's schema is KD5001 (Rollout setWeight must be whole)", () => {
  const r = build(memoryHost({ "app.kdsl": svc('  canary { image = "shop/web:2.0.0"; weight = 12.5% }', "app shop { strategy = rollout }") }, stdlibFiles()), "app.kdsl");
  const kd = r.diagnostics.filter((d) => d.code === "KD5001");
  assert.is(kd.length, 1, r.diagnostics.map(renderPlain).join("\n"));
  assert.ok(kd[0]!.message.includes("Rollout `web`") && kd[0]!.message.includes("setWeight"), kd[0]!.message);
});

test("expose: Ingress by default with TLS and class; metrics: scrape annotations or a ServiceMonitor", () => {
  const { objs } = run(svc('  expose { host = "shop.example.com"; path = "/api"; tls = "shop-tls"; class = "nginx" }\n  metrics { path = "/m" }'));
  const ing = find(objs, "Ingress", "web");
  assert.equal(ing.spec.tls, [{ hosts: ["shop.example.com"], secretName: "shop-tls" }]);
  assert.is(ing.spec.rules[0].http.paths[0].path, "/api");
  const pod = find(objs, "Deployment", "web").spec.template.metadata;
  assert.equal(pod.annotations, { "prometheus.io/scrape": "true", "prometheus.io/path": "/m", "prometheus.io/port": "8080" });
  const mon = run(svc("  metrics {}", "app shop { monitor = true }")).objs;
  assert.ok(find(mon, "ServiceMonitor", "web"));
  assert.is(find(mon, "Deployment", "web").spec.template.metadata.annotations, undefined);
});

test("secrets: a store makes an ExternalSecret in every mode; files mount read-only", () => {
  const src = 'app shop\n\nsecret db {\n  store = "vault"\n  password = remote("prod/db", "password")\n}\n\nservice web {\n  image = "shop/web:1.0.0"\n  files { "/etc/db" = db }\n}\n';
  for (const secrets of ["reference", "inline"] as const) {
    const r = build(memoryHost({ "app.kdsl": src }, stdlibFiles()), "app.kdsl", { secrets });
    assert.equal(r.diagnostics.map(renderPlain), []);
    const objs = r.objects!.map((o) => o.object as unknown as Obj);
    assert.not.ok(objs.some((o) => o.kind === "Secret"));
    assert.equal(find(objs, "ExternalSecret", "db").spec.data, [{ secretKey: "password", remoteRef: { key: "prod/db", property: "password" } }]);
    const pod = find(objs, "Deployment", "web").spec.template.spec;
    assert.equal(pod.volumes, [{ name: "secret-db", secret: { secretName: "db" } }]);
    assert.equal(pod.containers[0].volumeMounts, [{ name: "secret-db", mountPath: "/etc/db", readOnly: true }]);
  }
});

test("cron: `k8s` patches the CronJob and its pods, `avoid` reaches the pods (as for jobs)", () => {
  const { objs } = run('app shop\n\ncron report {\n  image = "shop/report:1.0.0"\n  schedule = "30 2 * * *"\n  avoid { tier = "cache" }\n  k8s { spec.suspend = true }\n  k8s.pod { priorityClassName = "low" }\n}\n');
  const cron = find(objs, "CronJob", "report");
  assert.is(cron.spec.suspend, true);
  const pod = cron.spec.jobTemplate.spec.template.spec;
  assert.is(pod.priorityClassName, "low");
  assert.equal(pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector, { matchLabels: { tier: "cache" } });
});

test("gateway: a Gateway in another namespace; `tls` there is KD4023 (the certificate is the Gateway listener's)", () => {
  const body = '  strategy = gateway\n  expose { host = "shop.example.com"; gateway = "public"; gateway-namespace = "gateway-system" }';
  const { objs } = run(svc(body));
  assert.equal(find(objs, "HTTPRoute", "web").spec.parentRefs, [{ name: "public", namespace: "gateway-system" }]);
  const tls = build(memoryHost({ "app.kdsl": svc('  strategy = gateway\n  expose { host = "shop.example.com"; gateway = "public"; tls = "shop-tls" }') }, stdlibFiles()), "app.kdsl");
  assert.equal(tls.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.col}`), ["KD4023 8:65"]);
  const ingress = build(memoryHost({ "app.kdsl": svc('  expose { host = "shop.example.com"; gateway-namespace = "gateway-system" }') }, stdlibFiles()), "app.kdsl");
  assert.equal(ingress.diagnostics.map((d) => d.code), ["KD4023"]);
});

test.run();

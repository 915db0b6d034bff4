import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseAllDocuments } from "yaml";
import { canaryReplicas, toKubernetes, toYaml, type K8sObject } from "../../compiler/src/backends/k8s/index.ts";
import { imageTag } from "../../compiler/src/backends/k8s/labels.ts";
import type { AppModel, EnvVar, JobModel, ServiceModel } from "../../compiler/src/ir/model.ts";
import type { Span } from "../../compiler/src/syntax/span.ts";
import { openApiAvailable, openApiDir, validateAgainstOpenApi } from "../support/openapi.ts";

// ---------------------------------------------------------------------------------------------
// Helpers: IR values by hand, a distinct span per object so origins can be told apart.

let nextLine = 1;
function span(): Span {
  const line = nextLine++;
  return { file: "app.kdsl", start: line * 100, end: line * 100 + 10, line, col: 1, endLine: line, endCol: 11 };
}

/** `canary` is shorthand for the two-version case, as lowering makes it: stable, then canary. */
type CanaryShorthand = { origin: Span; image: string; weight: number } | undefined;

function service(name: string, extra: Partial<ServiceModel> & { canary?: CanaryShorthand } = {}): ServiceModel {
  const { canary, ...rest } = extra;
  const s: ServiceModel = {
    origin: span(),
    name,
    image: `registry.example.com:5000/shop/${name}:1.4.2`,
    labels: {},
    env: [],
    resources: {},
    replicas: 2,
    ports: [{ origin: span(), name: "http", port: 80, targetPort: 8080 }],
    probes: {},
    versions: [],
    strategy: "replicas",
    steps: [],
    files: [],
    uses: [],
    ...rest,
  };
  if (s.versions.length > 0) return s;
  const stable = { name: "stable", image: s.image, weight: 100 - (canary?.weight ?? 0), origin: s.origin };
  return { ...s, versions: canary ? [stable, { name: "canary", image: canary.image, weight: canary.weight, origin: canary.origin }] : [stable] };
}

function job(name: string, extra: Partial<JobModel> = {}): JobModel {
  return { origin: span(), name, image: `shop/${name}:7`, labels: {}, env: [], resources: {}, retries: 3, after: [], ...extra };
}

function app(extra: Partial<AppModel> = {}): AppModel {
  return { origin: span(), name: "shop", namespace: "shop-prod", profiles: [], services: [], jobs: [], crons: [], secrets: [], configs: [], secretsMode: "reference", ...extra };
}

function env(name: string, value: EnvVar["value"]): EnvVar {
  return { origin: span(), name, value };
}

let openApiNoted = false;
/** Builds, and checks every object against the upstream OpenAPI schema and the YAML round trip. */
function build(model: AppModel, expectValid = true) {
  const out = toKubernetes(model);
  if (expectValid) {
    assert.equal(out.diagnostics, [], "no diagnostics expected");
    if (openApiAvailable()) {
      for (const e of out.objects) assert.equal(validateAgainstOpenApi(e.object), [], `${e.object.kind} ${e.object.metadata.name} against the OpenAPI schema`);
    } else if (!openApiNoted) {
      openApiNoted = true;
      console.log(`\n  note: ${openApiDir} is absent; the OpenAPI schema check is skipped`);
    }
  }
  const yaml = toYaml(out.objects.map((e) => e.object));
  assert.equal(parseAllDocuments(yaml).map((d) => d.toJS()), JSON.parse(JSON.stringify(out.objects.map((e) => e.object))), "YAML reads back");
  return { ...out, yaml };
}

function find(objects: readonly { object: K8sObject }[], kind: string, name: string): any {
  const o = objects.find((e) => e.object.kind === kind && e.object.metadata.name === name);
  assert.ok(o, `${kind} ${name} emitted`);
  return o!.object;
}

// ---------------------------------------------------------------------------------------------

test("order: Namespace first, then ConfigMap, Secret, ServiceAccount, Deployment, Service, Job, each by name", () => {
  const { objects } = build(
    app({
      secretsMode: "inline",
      services: [service("web", { canary: { origin: span(), image: "shop/web:1.5.0", weight: 10 } }), service("api"), service("web-a")],
      jobs: [job("migrate"), job("backfill")],
      configs: [{ origin: span(), name: "z", entries: [] }, { origin: span(), name: "a", entries: [] }],
      secrets: [{ origin: span(), name: "db", entries: [] }],
    }),
  );
  assert.equal(
    objects.map((e) => `${e.object.kind}/${e.object.metadata.name}`),
    [
      "Namespace/shop-prod",
      "ConfigMap/a",
      "ConfigMap/z",
      "Secret/db",
      "ServiceAccount/api",
      "ServiceAccount/backfill",
      "ServiceAccount/migrate",
      "ServiceAccount/web",
      "ServiceAccount/web-a",
      "Deployment/api",
      "Deployment/web",
      "Deployment/web-a",
      "Deployment/web-canary",
      "Service/api",
      "Service/web",
      "Service/web-a",
      "Job/backfill",
      "Job/migrate",
    ],
  );
  for (const e of objects.slice(1)) assert.is(e.object.metadata.namespace, "shop-prod");
  assert.is(objects[0].object.metadata.namespace, undefined);
  assert.equal(Object.keys(objects[4].object), ["apiVersion", "kind", "metadata", "automountServiceAccountToken"]);
  assert.equal(Object.keys(objects[9].object), ["apiVersion", "kind", "metadata", "spec"]);
});

test("a service: Deployment with labels, selector, container, probes, security; a ClusterIP Service", () => {
  const web = service("web", {
    replicas: 3,
    labels: { tier: "frontend", "app.kubernetes.io/name": "ignored" },
    command: ["node"],
    args: ["server.js"],
    resources: { cpu: { request: "100m", limit: "500m" }, memory: { request: "128Mi" } },
    ports: [
      { origin: span(), name: "http", port: 80, targetPort: 8080 },
      { origin: span(), name: "metrics", port: 9090, targetPort: 9090 },
    ],
    probes: {
      readiness: { origin: span(), action: { type: "http", path: "/ready" }, period: 5, initialDelay: 2, timeout: 1, failureThreshold: 3 },
      liveness: { origin: span(), action: { type: "tcp", port: 9090 } },
      startup: { origin: span(), action: { type: "exec", command: ["cat", "/tmp/ok"] } },
    },
  });
  const { objects, yaml } = build(app({ services: [web] }));
  const d = find(objects, "Deployment", "web");
  const labels = {
    "app.kubernetes.io/name": "web",
    "app.kubernetes.io/part-of": "shop",
    "app.kubernetes.io/version": "1.4.2",
    "app.kubernetes.io/managed-by": "kdsl",
    track: "stable",
    tier: "frontend",
  };
  assert.equal(d.metadata.labels, labels);
  assert.is(d.metadata.annotations, undefined);
  assert.is(d.spec.replicas, 3);
  assert.equal(d.spec.selector.matchLabels, { "app.kubernetes.io/name": "web", "app.kubernetes.io/part-of": "shop", track: "stable" });
  assert.equal(d.spec.template.metadata.labels, labels);
  assert.ok(d.spec.template.metadata.labels !== d.metadata.labels, "no shared objects (they would become YAML anchors)");
  const c = d.spec.template.spec.containers;
  assert.is(c.length, 1);
  assert.equal(c[0], {
    name: "web",
    image: "registry.example.com:5000/shop/web:1.4.2",
    command: ["node"],
    args: ["server.js"],
    ports: [
      { name: "http", containerPort: 8080, protocol: "TCP" },
      { name: "metrics", containerPort: 9090, protocol: "TCP" },
    ],
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m" } },
    readinessProbe: { httpGet: { path: "/ready", port: "http" }, initialDelaySeconds: 2, periodSeconds: 5, timeoutSeconds: 1, failureThreshold: 3 },
    livenessProbe: { tcpSocket: { port: 9090 } },
    startupProbe: { exec: { command: ["cat", "/tmp/ok"] } },
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
  });
  const s = find(objects, "Service", "web");
  assert.equal(s.spec, {
    type: "ClusterIP",
    selector: { "app.kubernetes.io/name": "web", "app.kubernetes.io/part-of": "shop" },
    ports: [
      { name: "http", port: 80, targetPort: "http", protocol: "TCP" },
      { name: "metrics", port: 9090, targetPort: "metrics", protocol: "TCP" },
    ],
  });
  assert.is(s.metadata.labels.track, undefined);
  assert.ok(yaml.includes("\n      containers:\n      - name: web\n        image: registry.example.com:5000/shop/web:1.4.2\n"), yaml);
});

test("grpc probe defaults to the first port's number; a service without ports has no Service", () => {
  const worker = service("worker", { ports: [] });
  const grpc = service("grpc", {
    ports: [{ origin: span(), name: "grpc", port: 50051, targetPort: 9000 }],
    probes: { readiness: { origin: span(), action: { type: "grpc", service: "health" } } },
  });
  const { objects } = build(app({ services: [worker, grpc] }));
  assert.not.ok(objects.some((e) => e.object.kind === "Service" && e.object.metadata.name === "worker"));
  assert.not.ok("ports" in find(objects, "Deployment", "worker").spec.template.spec.containers[0]);
  assert.equal(find(objects, "Deployment", "grpc").spec.template.spec.containers[0].readinessProbe, { grpc: { port: 9000, service: "health" } });
});

test("canary: second Deployment, track labels, version from the canary tag, sizing, weight annotation", () => {
  const web = service("web", { replicas: 9, canary: { origin: span(), image: "shop/web:1.5.0-rc.1", weight: 10 } });
  const { objects } = build(app({ services: [web] }));
  const stable = find(objects, "Deployment", "web");
  const canary = find(objects, "Deployment", "web-canary");
  assert.is(stable.spec.replicas, 9);
  assert.is(canary.spec.replicas, 1);
  assert.equal(stable.metadata.annotations, { "kdsl.dev/weight": "90%" });
  assert.equal(canary.metadata.annotations, { "kdsl.dev/weight": "10%" });
  assert.equal(canary.spec.selector.matchLabels, { "app.kubernetes.io/name": "web", "app.kubernetes.io/part-of": "shop", track: "canary" });
  assert.is(canary.spec.template.metadata.labels.track, "canary");
  assert.is(canary.spec.template.metadata.labels["app.kubernetes.io/version"], "1.5.0-rc.1");
  assert.is(canary.spec.template.spec.containers[0].image, "shop/web:1.5.0-rc.1");
  assert.is(canary.spec.template.spec.containers[0].name, "web");
  assert.is(stable.spec.template.metadata.labels["app.kubernetes.io/version"], "1.4.2");
  // The one Service covers both tracks.
  assert.equal(find(objects, "Service", "web").spec.selector, { "app.kubernetes.io/name": "web", "app.kubernetes.io/part-of": "shop" });
  assert.is(objects.filter((e) => e.object.kind === "Service").length, 1);
});

test("canary sizing: max(1, round(replicas * w / (100 - w)))", () => {
  assert.is(canaryReplicas(9, 10), 1);
  assert.is(canaryReplicas(1, 10), 1);
  assert.is(canaryReplicas(3, 50), 3);
  assert.is(canaryReplicas(10, 25), 3); // 3.33
  assert.is(canaryReplicas(4, 60), 6);
  assert.is(canaryReplicas(20, 5), 1); // 1.05
  assert.is(canaryReplicas(30, 5), 2); // 1.58
  assert.is(canaryReplicas(0, 10), 1);
  const { objects } = build(app({ services: [service("w", { replicas: 10, canary: { origin: span(), image: "w:2", weight: 25 } })] }));
  assert.is(find(objects, "Deployment", "w-canary").spec.replicas, 3);
  assert.equal(find(objects, "Deployment", "w").metadata.annotations, { "kdsl.dev/weight": "75%" });
});

test("env: literal, secret, config and service forms, in declaration order", () => {
  const api = service("api", { ports: [{ origin: span(), name: "http", port: 8081, targetPort: 3000 }] });
  const web = service("web", {
    env: [
      env("Z_FIRST", { kind: "literal", value: "yes" }),
      env("DB_PASSWORD", { kind: "secret", secret: "db", key: "password" }),
      env("LOG_LEVEL", { kind: "config", config: "settings", key: "log-level" }),
      env("API_URL", { kind: "service", service: "api", form: "url" }),
      env("API_HOST", { kind: "service", service: "api", form: "host" }),
      env("API_PORT", { kind: "service", service: "api", form: "port" }),
      env("API_ADDR", { kind: "service", service: "api", form: "address" }),
    ],
  });
  const { objects, yaml } = build(app({ services: [web, api] }));
  assert.equal(find(objects, "Deployment", "web").spec.template.spec.containers[0].env, [
    { name: "Z_FIRST", value: "yes" },
    { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
    { name: "LOG_LEVEL", valueFrom: { configMapKeyRef: { name: "settings", key: "log-level" } } },
    { name: "API_URL", value: "http://api.shop-prod.svc.cluster.local:8081" },
    { name: "API_HOST", value: "api.shop-prod.svc.cluster.local" },
    { name: "API_PORT", value: "8081" },
    { name: "API_ADDR", value: "api.shop-prod.svc.cluster.local:8081" },
  ]);
  // Strings that look like other YAML types stay strings.
  assert.ok(yaml.includes('value: "yes"'), yaml);
  assert.ok(yaml.includes('value: "8081"'), yaml);
});

test("secrets: referenced by name by default, written inline (sorted) only when asked", () => {
  const secret = {
    origin: span(),
    name: "db",
    entries: [
      { origin: span(), key: "user", source: { kind: "env" as const, name: "DB_USER" }, value: "shop" },
      { origin: span(), key: "password", source: { kind: "file" as const, path: "db.pw" }, value: "s3cr:et no" },
    ],
  };
  const web = service("web", { env: [env("PW", { kind: "secret", secret: "db", key: "password" })] });
  const ref = build(app({ services: [web], secrets: [secret] }));
  assert.not.ok(ref.objects.some((e) => e.object.kind === "Secret"));
  assert.not.ok(ref.yaml.includes("s3cr"), "no secret value in reference mode");
  const inline = build(app({ services: [web], secrets: [secret], secretsMode: "inline" }));
  const s = find(inline.objects, "Secret", "db");
  assert.is(s.type, "Opaque");
  assert.equal(Object.keys(s.stringData), ["password", "user"]);
  assert.equal(s.stringData, { password: "s3cr:et no", user: "shop" });
  assert.equal(Object.keys(s), ["apiVersion", "kind", "metadata", "type", "stringData"]);
});

test("config → ConfigMap with sorted data and app-level labels", () => {
  const config = {
    origin: span(),
    name: "settings",
    entries: [
      { origin: span(), key: "b", value: "2" },
      { origin: span(), key: "a", value: "on" },
    ],
  };
  const { objects, yaml } = build(app({ configs: [config] }));
  const cm = find(objects, "ConfigMap", "settings");
  assert.equal(Object.keys(cm.data), ["a", "b"]);
  assert.equal(cm.metadata.labels, { "app.kubernetes.io/name": "shop", "app.kubernetes.io/part-of": "shop", "app.kubernetes.io/managed-by": "kdsl" });
  assert.ok(yaml.includes('  a: "on"\n  b: "2"\n'), yaml);
});

test("job → batch/v1 Job with backoffLimit, deadline, restartPolicy Never", () => {
  const { objects } = build(
    app({
      jobs: [
        job("migrate", { retries: 2, deadline: 600, command: ["./migrate"], env: [env("X", { kind: "literal", value: "1" })], resources: { memory: { limit: "1Gi" } } }),
        job("seed", { retries: 0, image: "shop/seed@sha256:" + "a".repeat(64) }),
      ],
    }),
  );
  const m = find(objects, "Job", "migrate");
  assert.equal(m.spec, {
    backoffLimit: 2,
    activeDeadlineSeconds: 600,
    template: {
      metadata: {
        labels: { "app.kubernetes.io/name": "migrate", "app.kubernetes.io/part-of": "shop", "app.kubernetes.io/version": "7", "app.kubernetes.io/managed-by": "kdsl" },
      },
      spec: {
        serviceAccountName: "migrate",
        automountServiceAccountToken: false,
        restartPolicy: "Never",
        containers: [
          {
            name: "migrate",
            image: "shop/migrate:7",
            command: ["./migrate"],
            env: [{ name: "X", value: "1" }],
            resources: { limits: { memory: "1Gi" } },
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
          },
        ],
      },
    },
  });
  const seed = find(objects, "Job", "seed");
  assert.is(seed.spec.backoffLimit, 0);
  assert.not.ok("activeDeadlineSeconds" in seed.spec);
  assert.not.ok("app.kubernetes.io/version" in seed.metadata.labels, "no tag, no version label");
});

test("version label only from a tag that is a valid label value", () => {
  assert.is(imageTag("nginx"), undefined);
  assert.is(imageTag("nginx:1.25"), "1.25");
  assert.is(imageTag("localhost:5000/nginx"), undefined);
  assert.is(imageTag("localhost:5000/nginx:v2"), "v2");
  assert.is(imageTag("nginx:1.25@sha256:abc"), "1.25");
  assert.is(imageTag("nginx@sha256:abc"), undefined);
  const { objects } = build(app({ services: [service("a", { image: "a:" + "x".repeat(64) }), service("b", { image: "b:_weird" })] }));
  assert.not.ok("app.kubernetes.io/version" in find(objects, "Deployment", "a").metadata.labels);
  assert.not.ok("app.kubernetes.io/version" in find(objects, "Deployment", "b").metadata.labels);
});

test("deterministic: same model, same bytes; input order does not matter", () => {
  const services = ["c", "a", "b"].map((n) =>
    service(n, { labels: { z: "1", a: "2" }, canary: n === "b" ? { origin: span(), image: "b:2", weight: 20 } : undefined }),
  );
  const model = app({ services, jobs: [job("j2"), job("j1")], secretsMode: "inline", secrets: [{ origin: span(), name: "s", entries: [] }] });
  const one = build(model).yaml;
  const two = build(model).yaml;
  assert.is(one, two);
  const shuffled = build({ ...model, services: [services[2], services[0], services[1]], jobs: [...model.jobs].reverse() }).yaml;
  assert.is(shuffled, one);
  assert.not.ok(one.includes("\r"));
  assert.ok(one.endsWith("\n"));
  assert.is(one.split("\n---\n").length, 1 + 1 + 5 + 4 + 3 + 2); // Namespace, Secret, ServiceAccounts, Deployments, Services, Jobs
});

test("KD5001: a schema failure points at the IR object that produced it", () => {
  const web = service("web", { replicas: 1.5 });
  const out = toKubernetes(app({ services: [web] }));
  assert.is(out.diagnostics.length, 1);
  const d = out.diagnostics[0];
  assert.is(d.code, "KD5001");
  assert.is(d.severity, "error");
  assert.equal(d.span, web.origin);
  assert.is(d.message, "generated Deployment `web` fails the Kubernetes schema at spec.replicas: must be integer");
});

test("KD5001: int-or-string and missing-field failures read well", () => {
  const bad = service("bad", {
    ports: [],
    probes: {
      readiness: { origin: span(), action: { type: "http", path: "/" } }, // no port to default to
      liveness: { origin: span(), action: { type: "tcp", port: true as unknown as number } },
    },
  });
  const out = toKubernetes(app({ services: [bad] }));
  const messages = out.diagnostics.map((d) => d.message).sort();
  assert.equal(messages, [
    "generated Deployment `bad` fails the Kubernetes schema at spec.template.spec.containers[0].livenessProbe.tcpSocket.port: must be string or integer",
    "generated Deployment `bad` fails the Kubernetes schema at spec.template.spec.containers[0].readinessProbe.httpGet: must have the field `port`",
  ]);
  for (const d of out.diagnostics) assert.equal(d.span, bad.origin);
});

test("KD5002: a canary name over 63 characters, reported once at the canary", () => {
  const name = "s".repeat(60); // a valid DNS label; `-canary` makes 67
  const web = service(name, { canary: { origin: span(), image: "x:1", weight: 10 } });
  const out = toKubernetes(app({ services: [web] }));
  const kd = out.diagnostics.filter((d) => d.code === "KD5002");
  assert.is(kd.length, 1);
  assert.equal(kd[0].span, web.versions[1]!.origin);
  assert.ok(kd[0].message.includes(`\`${name}-canary\` is 67 characters`), kd[0].message);
  assert.ok(kd[0].hints?.[0]?.includes("56 characters"));
  // A name already too long is one problem, not one per generated object.
  const long = service("l".repeat(64), { canary: { origin: span(), image: "x:1", weight: 10 } });
  const out2 = toKubernetes(app({ services: [long] }));
  assert.is(out2.diagnostics.filter((d) => d.code === "KD5002").length, 1);
  assert.equal(out2.diagnostics.find((d) => d.code === "KD5002")!.span, long.origin);
  // At the limit: fine.
  assert.equal(toKubernetes(app({ services: [service("s".repeat(56), { canary: { origin: span(), image: "x:1", weight: 10 } })] })).diagnostics, []);
});

test("the OpenAPI check catches an unknown field (when the schemas are present)", () => {
  if (!openApiAvailable()) return;
  const errors = validateAgainstOpenApi({ apiVersion: "v1", kind: "Service", metadata: { name: "x" }, spec: { selectr: {} } });
  assert.ok(errors.some((e) => e.includes("selectr")), errors.join("\n"));
});

test("pod volume names are unique: the user's volumes keep theirs, generated ones give way", () => {
  // `/var/tmp` and `/var-tmp` both make `scratch-var-tmp`; the user named volumes like the
  // generated scratch and secret volumes. Kubernetes rejects a pod with a volume name twice.
  const api = service("api", {
    replicas: 1,
    scratch: ["/tmp", "/var/tmp", "/var-tmp"],
    files: [{ origin: span(), path: "/etc/tls", secret: "tls" }],
    volumes: [
      { origin: span(), name: "scratch-tmp", size: "1Gi", path: "/data" },
      { origin: span(), name: "secret-tls", size: "1Gi", path: "/logs" },
    ],
  });
  const out = build(app({ services: [api] }));
  const pod = find(out.objects, "Deployment", "api").spec.template.spec;
  const names = pod.volumes.map((v: { name: string }) => v.name);
  assert.equal(names.length, 6);
  assert.equal(new Set(names).size, names.length, `unique volume names: ${names.join(", ")}`);
  for (const n of names) assert.match(n, /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, `${n} is a DNS label`);
  const byName = new Map(pod.volumes.map((v: { name: string }) => [v.name, v]));
  assert.equal(byName.get("scratch-tmp"), { name: "scratch-tmp", persistentVolumeClaim: { claimName: "api-scratch-tmp" } });
  assert.equal(byName.get("secret-tls"), { name: "secret-tls", persistentVolumeClaim: { claimName: "api-secret-tls" } });
  const mounts: { name: string; mountPath: string }[] = pod.containers[0].volumeMounts;
  assert.equal(mounts.map((m) => m.mountPath).sort(), ["/data", "/etc/tls", "/logs", "/tmp", "/var-tmp", "/var/tmp"]);
  for (const m of mounts) assert.ok(byName.has(m.name), `mount ${m.mountPath} names a volume (${m.name})`);
  const secretVolume = pod.volumes.find((v: { secret?: unknown }) => v.secret !== undefined);
  assert.equal(secretVolume.secret, { secretName: "tls" });
  assert.is(mounts.find((m) => m.mountPath === "/etc/tls")!.name, secretVolume.name);
  assert.is(build(app({ services: [api] })).yaml, out.yaml, "the same names every build");
});

test("two declarations making objects of one kind and name: KD5003 at the second, pointing at the first", () => {
  const web = service("web", { replicas: 3, canary: { origin: span(), image: "registry.example.com:5000/shop/web:1.5.0", weight: 25 } });
  const other = service("web-canary");
  const out = build(app({ services: [web, other] }), false);
  const d = out.diagnostics.filter((x) => x.code === "KD5003");
  assert.is(d.length, 1, JSON.stringify(out.diagnostics.map((x) => x.message)));
  assert.is(d[0]!.message, "this makes a second Deployment named `web-canary`");
  assert.is(d[0]!.span, other.origin);
  assert.is(d[0]!.related?.[0]?.span, web.versions[1]!.origin);
});

test("select: the NetworkPolicy of a selecting service guards the pods its Service routes to", () => {
  const backend = service("backend", { labels: { tier: "backend" } });
  const edge = service("edge", { select: { matchLabels: { tier: "backend" }, matchExpressions: [] } });
  const client = service("client", { uses: ["edge"] });
  const out = build(app({ services: [backend, edge, client] }));
  const selected = { "app.kubernetes.io/part-of": "shop", tier: "backend" };
  assert.equal(find(out.objects, "Service", "edge").spec.selector, selected);
  const policy = find(out.objects, "NetworkPolicy", "edge");
  assert.equal(policy.spec.podSelector, { matchLabels: selected });
  assert.equal(policy.spec.ingress[0].from, [{ podSelector: { matchLabels: { "app.kubernetes.io/name": "client", "app.kubernetes.io/part-of": "shop" } } }]);
  // The backend's pods carry the labels the policy selects: the client's traffic is let in.
  const pods = find(out.objects, "Deployment", "backend").spec.template.metadata.labels;
  for (const [k, v] of Object.entries(selected)) assert.is(pods[k], v, k);
});

test("a Deployment with a claim of its own is replaced by Recreate (a ReadWriteOnce disk cannot attach to two pods); rollout { } still decides", () => {
  const volumes = [{ origin: span(), name: "data", size: "1Gi", path: "/data" }];
  const plain = build(app({ services: [service("api", { replicas: 1, volumes })] }));
  assert.equal(find(plain.objects, "Deployment", "api").spec.strategy, { type: "Recreate" });
  const rolling = build(app({ services: [service("api", { replicas: 1, volumes, rollout: { origin: span(), maxSurge: { count: 0 }, maxUnavailable: { count: 1 } } })] }));
  assert.equal(find(rolling.objects, "Deployment", "api").spec.strategy, { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } });
  const history = build(app({ services: [service("api", { replicas: 1, volumes, rollout: { origin: span(), history: 3 } })] }));
  assert.equal(find(history.objects, "Deployment", "api").spec.strategy, { type: "Recreate" }, "history alone sets no limits");
  assert.is(find(history.objects, "Deployment", "api").spec.revisionHistoryLimit, 3);
  assert.is(find(build(app({ services: [service("web")] })).objects, "Deployment", "web").spec.strategy, undefined);
});

test.run();

// The final Kubernetes objects of the benchmark app (bench/generate.ts), built directly in code with
// no kdsl involved: what `kdsl build --secrets inline` must emit for it, key order included. The
// harness checks, once per N, that the baselines' output deep-equals kdsl's, so if kdsl's output
// changes, this file must follow (the check fails loudly until it does).
//
// Order as kdsl writes it: the Namespace, then Secrets, ServiceAccounts, Deployments, Services,
// each sorted by name.

const APP = "bench";

/** `svc-00042`, as in generate.ts. */
export function serviceName(i) {
  return `svc-${String(i).padStart(5, "0")}`;
}

function appLabels() {
  return { "app.kubernetes.io/name": APP, "app.kubernetes.io/part-of": APP, "app.kubernetes.io/managed-by": "kdsl" };
}

function workloadLabels(name, version, track) {
  const labels = { "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": APP, "app.kubernetes.io/version": version, "app.kubernetes.io/managed-by": "kdsl" };
  if (track !== undefined) labels.track = track;
  return labels;
}

function selector(name, track) {
  const labels = { "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": APP };
  if (track !== undefined) labels.track = track;
  return labels;
}

function namespace() {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name: APP, labels: appLabels() } };
}

function secret(name, token) {
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: `${name}-keys`, namespace: APP, labels: appLabels() },
    type: "Opaque",
    stringData: { token },
  };
}

function probe() {
  return { httpGet: { path: "/healthz", port: "http" } };
}

function serviceAccount(name) {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: APP, labels: workloadLabels(name, "1.0.0") }, automountServiceAccountToken: false };
}

function deployment(name, objectName, image, version, track, replicas, weight) {
  const metadata = { name: objectName, namespace: APP, labels: workloadLabels(name, version, track) };
  if (weight !== undefined) metadata.annotations = { "kdsl.dev/weight": weight };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata,
    spec: {
      replicas,
      selector: { matchLabels: selector(name, track) },
      template: {
        metadata: { labels: workloadLabels(name, version, track) },
        spec: {
          serviceAccountName: name,
          automountServiceAccountToken: false,
          containers: [
            {
              name,
              image,
              ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
              env: [{ name: "TOKEN", valueFrom: { secretKeyRef: { name: `${name}-keys`, key: "token" } } }],
              resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
              readinessProbe: probe(),
              livenessProbe: { tcpSocket: { port: "http" } },
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ["ALL"] },
                runAsNonRoot: true,
                seccompProfile: { type: "RuntimeDefault" },
                readOnlyRootFilesystem: true,
              },
              volumeMounts: [{ name: "scratch-tmp", mountPath: "/tmp" }],
            },
          ],
          volumes: [{ name: "scratch-tmp", emptyDir: {} }],
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { "app.kubernetes.io/name": name } }, topologyKey: "kubernetes.io/hostname" } },
              ],
            },
          },
        },
      },
    },
  };
}

function service(name) {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: APP, labels: workloadLabels(name, "1.0.0") },
    spec: {
      type: "ClusterIP",
      selector: selector(name),
      ports: [{ name: "http", port: 8080, targetPort: "http", protocol: "TCP" }],
    },
  };
}

/** Every object of the N-service app, in kdsl's output order. */
export function buildObjects(n, token) {
  const objects = [namespace()];
  for (let i = 1; i <= n; i++) objects.push(secret(serviceName(i), token));
  for (let i = 1; i <= n; i++) objects.push(serviceAccount(serviceName(i)));
  for (let i = 1; i <= n; i++) {
    const name = serviceName(i);
    const canary = i % 10 === 0;
    const image = `registry.example.com/${APP}/${name}`;
    // `svc-00010` < `svc-00010-canary` < `svc-00011`: the canary follows its stable Deployment.
    objects.push(deployment(name, name, `${image}:1.0.0`, "1.0.0", "stable", 3, canary ? "90%" : undefined));
    if (canary) objects.push(deployment(name, `${name}-canary`, `${image}:1.1.0`, "1.1.0", "canary", 1, "10%"));
  }
  for (let i = 1; i <= n; i++) objects.push(service(serviceName(i)));
  return objects;
}

/** `node baseline.mjs N OUT`: N and the output file from argv, the token from BENCH_TOKEN. */
export function parseArgs(argv) {
  const n = Number(argv[2]);
  const out = argv[3];
  if (!Number.isInteger(n) || n < 1 || !out) {
    console.error("usage: node bench/baselines/<baseline>.mjs N OUTPUT-FILE");
    process.exit(2);
  }
  const token = process.env.BENCH_TOKEN;
  if (token === undefined) {
    console.error("BENCH_TOKEN is not set");
    process.exit(2);
  }
  return { n, out, token };
}

// toKubernetesYaml (build, validate and write each object, then drop it) against toKubernetes +
// toYaml (every object kept): the same bytes and the same diagnostics in the same order, on every
// example under every profile, on every invalid fixture that reaches the backend, and on apps
// made to stress what the streaming path must get right (sorted runs, patches, their origins).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync } from "node:fs";
import path from "node:path";
import { build } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import type { AppModel } from "../../compiler/src/ir/model.ts";
import { toKubernetes, toKubernetesYaml, toYaml } from "../../compiler/src/backends/k8s/index.ts";
import { decodeSource } from "../../compiler/src/syntax/decode.ts";
import { loadFixtures, stdlibFiles } from "../diagnostics/invalid-fixtures.ts";
import { repoHost, repoRoot } from "../support/project.ts";

function sameAsObjectPath(app: AppModel, what: string): void {
  const kept = toKubernetes(app);
  const expected = toYaml(kept.objects.map((o) => o.object));
  const streamed = toKubernetesYaml(app);
  assert.is(streamed.count, kept.objects.length, `${what}: object count`);
  assert.ok(streamed.text() === expected, `${what}: the streamed YAML differs`);
  assert.ok(streamed.parts().map((p) => new TextDecoder().decode(p)).join("") === expected, `${what}: the streamed bytes differ`);
  // Rendered and as data (spans, related, hints): the same diagnostics in the same order.
  assert.equal(streamed.diagnostics.map(renderPlain), kept.diagnostics.map(renderPlain), `${what}: diagnostics`);
  assert.equal(streamed.diagnostics, kept.diagnostics, `${what}: diagnostics as data`);
}

const EXAMPLE_ENV = { RANDOM_TOKEN: "example-token-not-secret", CASSANDRA_USERNAME: "orders-admin", CASSANDRA_PASSWORD: "example-password-not-secret" };
const examplesDir = path.join(repoRoot, "examples");
const hasKdsl = (d: string) => readdirSync(path.join(examplesDir, d)).some((f) => f.endsWith(".kdsl"));
const examples = readdirSync(examplesDir).flatMap((d) =>
  hasKdsl(d) ? [d] : readdirSync(path.join(examplesDir, d), { withFileTypes: true }).filter((e) => e.isDirectory() && hasKdsl(path.join(d, e.name))).map((e) => path.join(d, e.name)),
);

test("every example, every profile, secrets referenced and inline: the same YAML and diagnostics", () => {
  assert.ok(examples.length >= 2);
  let apps = 0;
  for (const name of examples) {
    const rel = path.relative(repoRoot, path.join(examplesDir, name));
    const first = build(repoHost(EXAMPLE_ENV), rel, { yaml: false });
    const profiles = [...(first.analysis?.profiles.keys() ?? [])].sort();
    for (const p of [[], ...profiles.map((x) => [x])]) {
      for (const secrets of ["reference", "inline"] as const) {
        const r = build(repoHost(EXAMPLE_ENV), rel, { profiles: p, secrets, yaml: false });
        if (r.app === undefined) continue;
        sameAsObjectPath(r.app, `${name} [${p.join(",")}] ${secrets}`);
        apps++;
      }
    }
  }
  assert.ok(apps >= examples.length, "the examples build to app models");
});

test("every invalid fixture that reaches the backend: the same YAML and diagnostics", () => {
  let reached = 0;
  for (const fx of loadFixtures()) {
    const texts: Record<string, string> = {};
    for (const [p, bytes] of fx.files) {
      const decoded = decodeSource(p, bytes);
      texts[p] = "diagnostic" in decoded ? "" : decoded.text;
    }
    const r = build(memoryHost(texts, stdlibFiles(), fx.options.env ?? {}), fx.entry, { profiles: fx.options.profiles, secrets: fx.options.secrets, yaml: false });
    if (r.app === undefined) continue;
    sameAsObjectPath(r.app, fx.name);
    reached++;
  }
  assert.ok(reached >= 20, `only ${reached} fixtures reached the backend`);
});

function appOf(src: string): AppModel {
  const r = build(memoryHost({ "p/app.kdsl": src }, stdlibFiles()), "p", { yaml: false });
  assert.ok(r.app, r.diagnostics.map(renderPlain).join("\n"));
  return r.app!;
}

test("sorted runs across services, patches that break the schema or patch nothing", () => {
  const app = appOf(`app shop
service web-x {
  image = "ghcr.io/example/web:1.0.0"
  port http 8080
  canary { image = "ghcr.io/example/web:1.1.0"
    weight = 10% }
  k8s.container { imagePullPolicy = "Sometimes" }
  k8s.pod { restartPolicy = "Sometimes" }
  k8s.cronjob { spec.schedule = "x" }
}
service web {
  image = "ghcr.io/example/web:1.0.0"
  port http 8080
  canary { image = "ghcr.io/example/web:1.1.0"
    weight = 10% }
  volumes { data { path = "/data"
    size = 1Gi } }
  k8s.pod { dnsPolicy = "Nowhere" }
  k8s.container { image = "other:1" }
}
service web-a {
  image = "ghcr.io/example/web-a:1.0.0"
  port http 8080
  volumes { x-cache { path = "/cache"
    size = 1Gi } }
  k8s.service { spec.type = "Nowhere" }
}
`);
  const kept = toKubernetes(app);
  const codes = kept.diagnostics.map((d) => d.code);
  assert.ok(codes.includes("KD5001") && codes.includes("KD4030"), codes.join(" "));
  const deployments = kept.objects.filter((o) => o.object.kind === "Deployment").map((o) => o.object.metadata.name);
  assert.equal(deployments, ["web", "web-a", "web-canary", "web-x", "web-x-canary"]);
  sameAsObjectPath(app, "stress app");
});

test.run();

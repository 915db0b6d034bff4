// The runtime plan (`build --target runtime`) and the project file (kdsl.json): ports handed out
// in a documented order, addresses resolved to the local proxies, secret values never written,
// probes, versions, start order and cycles, what is ignored, and kdsl.json's defaults, schema and
// positions. The examples' plans are golden files checked in test/examples/examples.test.ts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { build, type BuildOptions } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import { EXPLANATIONS } from "../../compiler/src/diagnostics/explanations.ts";
import { parseProject } from "../../compiler/src/project/load.ts";
import { projectProperties } from "../../compiler/src/project/schema.ts";
import type { Plan } from "../../compiler/src/backends/plan/types.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";
import { validatePlan } from "../support/plan-schema.ts";
import { repoRoot } from "../support/project.ts";
import { kdsl, describe, tempDir } from "../cli/run-cli.ts";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";

const APP = `app shop

config settings { greeting = "hi" }

secret db-creds {
  password = env("DB_PASSWORD")
  cert = file("certs/db.pem")
}

service web {
  image = "ghcr.io/example/web:1.0.0"
  run = "node web.js"
  replicas = 2
  port http 8080
  port admin 80 -> 9090
  health { readiness = http("/healthz"); liveness = tcp(9090); period = 5s }
  canary { image = "ghcr.io/example/web:1.1.0"; weight = 25% }
  env {
    API = api.url
    API_HOST = api.host
    DB = "postgres://\${db.address}/shop"
    GREETING = settings.greeting
    PASSWORD = db-creds.password
  }
  files { "/etc/web/db" = "db-creds" }
  uses [api, db]
}

service api {
  image = "ghcr.io/example/api:1.0.0"
  run = "node api.js"
  port http 7000
  uses [db]
  resources { memory = 64Mi }
}

service db {
  image = "docker.io/library/postgres:16.2"
  port pg 5432
}

job migrate {
  image = "ghcr.io/example/tools:1.0.0"
  run = "node migrate.js"
  retries = 2
  deadline = 5m
  after [db]
}
`;

const ENV = { DB_PASSWORD: "super-secret-value" };
function run(files: Record<string, string>, options: BuildOptions = { target: "runtime" }) {
  return build(memoryHost(files, stdlibFiles(), ENV), "p", options);
}
const plan = (r: ReturnType<typeof run>): Plan => {
  assert.equal(r.diagnostics.filter((d) => d.severity === "error").map(renderPlain), []);
  return r.plan!;
};

test("ports: proxies from 41000 in declaration order, then each replica's own", () => {
  const p = plan(run({ "p/app.kdsl": APP }));
  const [web, api, db] = p.services;
  assert.equal(web!.ports, [{ name: "http", port: 8080, proxy: 41000 }, { name: "admin", port: 80, proxy: 41001 }]);
  assert.equal(api!.ports, [{ name: "http", port: 7000, proxy: 41002 }]);
  assert.equal(db!.ports, [{ name: "pg", port: 5432, proxy: 41003 }]);
  // web: 2 stable + 1 canary replicas (25% beside 2 → round(2 × 25 / 75) = 1), two ports each.
  assert.equal(web!.replicas.map((r) => [r.id, r.listen]), [
    ["web-stable-0", { http: 41004, admin: 41005 }],
    ["web-stable-1", { http: 41006, admin: 41007 }],
    ["web-canary-0", { http: 41008, admin: 41009 }],
  ]);
  assert.equal(web!.replicas[0]!.env, { PORT: "41004", PORT_HTTP: "41004", PORT_ADMIN: "41005" });
  assert.equal(api!.replicas.map((r) => r.listen), [{ http: 41010 }]);
  assert.equal(web!.versions.map((v) => [v.name, v.weight, v.replicas]), [["stable", 75, 2], ["canary", 25, 1]]);
  assert.equal(web!.replicas[2]!.labels["track"], "canary");
  assert.equal(web!.selector, { "app.kubernetes.io/name": "web", "app.kubernetes.io/part-of": "shop" });
  assert.equal(validatePlan(p), []);
});

test("env: addresses are the local proxies, config values resolved, secrets referenced and never written", () => {
  const r = run({ "p/app.kdsl": APP, "p/certs/db.pem": "-----BEGIN CERTIFICATE-----" }, { target: "runtime", secrets: "inline" });
  const web = plan(r).services[0]!;
  assert.equal(web.process!.command, ["sh", "-c", "node web.js"]);
  assert.is(web.process!.cwd, ".");
  assert.equal(web.process!.env, { API: "http://127.0.0.1:41002", API_HOST: "127.0.0.1", DB: "postgres://127.0.0.1:41003/shop", GREETING: "hi" });
  assert.equal(web.process!.secrets, [
    { secret: "db-creds", key: "password", from: "env", name: "DB_PASSWORD", mode: "env", env: "PASSWORD" },
    { secret: "db-creds", key: "password", from: "env", name: "DB_PASSWORD", mode: "file", file: "/etc/web/db/password", local: ".kdsl/secrets/web/etc/web/db/password", fileMode: "0600" },
    { secret: "db-creds", key: "cert", from: "file", path: "certs/db.pem", mode: "file", file: "/etc/web/db/cert", local: ".kdsl/secrets/web/etc/web/db/cert", fileMode: "0600" },
  ]);
  assert.not.ok(r.planJson!.includes("super-secret-value") || r.planJson!.includes("BEGIN CERTIFICATE"), "a secret value never reaches the plan, even when the build reads values");
});

test("probes name the port they check, with Kubernetes' default timings", () => {
  const web = plan(run({ "p/app.kdsl": APP })).services[0]!;
  assert.equal(web.probes.readiness, { type: "http", path: "/healthz", port: "http", period: 5, initialDelay: 0, timeout: 1, failureThreshold: 3 });
  assert.equal(web.probes.liveness, { type: "tcp", port: "admin", period: 5, initialDelay: 0, timeout: 1, failureThreshold: 3 }, "tcp(9090) is the admin port's target");
});

test("a service without `run` is listed, not run; jobs carry retries, deadline and after", () => {
  const r = run({ "p/app.kdsl": APP });
  const p = plan(r);
  const db = p.services[2]!;
  assert.is(db.runnable, false);
  assert.match(db.reason!, /no `run`/);
  assert.equal(db.replicas, []);
  assert.is(db.process, undefined);
  assert.equal(p.jobs, [{ name: "migrate", runnable: true, process: { command: ["sh", "-c", "node migrate.js"], cwd: ".", env: {}, secrets: [] }, retries: 2, deadline: 300, after: ["db"], manual: false }]);
  assert.equal(r.diagnostics.filter((d) => d.code === "KD6003").length, 1);
});

test("start order: stages after `uses` and `after`; a cycle is an error at a workload in it", () => {
  assert.equal(plan(run({ "p/app.kdsl": APP })).order, [["db"], ["api", "migrate"], ["web"]]);
  const cyclic = APP.replace("  port pg 5432\n", "  port pg 5432\n  uses [web]\n");
  const r = run({ "p/app.kdsl": cyclic });
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  assert.equal(errors.map((d) => d.code), ["KD6001"]);
  assert.match(errors[0]!.message, /`web` → `api` → `db` → `web`/);
  assert.is(r.plan, undefined);
  assert.ok(build(memoryHost({ "p/app.kdsl": cyclic }, stdlibFiles()), "p").yaml, "Kubernetes has no start order: the YAML build is fine");
});

test("updates as Kubernetes makes them: stateful one at a time (a share rounded up), a volume's service stop-then-start unless rollout limits say", () => {
  const svc = (name: string, body: string, replicas = 3) => `service ${name} {\n  image = "shop/${name}:1.0.0"\n  run = "node x.js"\n  replicas = ${replicas}\n  port http 8080\n${body}\n}\n`;
  const src = `app u\n\n${svc("db", '  stateful = true\n  volumes { data { size = 1Gi; path = "/data" } }\n  rollout { max-unavailable = 50% }')}${svc("kv", "  stateful = true")}${svc("files", '  volumes { data { size = 1Gi; path = "/data" } }\n  rollout { history = 3 }', 1)}${svc("web", "")}`;
  const p = plan(run({ "p/app.kdsl": src }));
  const update = (n: string) => p.services.find((s) => s.name === n)!.update;
  assert.equal(update("db"), { maxSurge: 0, maxUnavailable: 2, minReady: 0 });
  assert.equal(update("kv"), { maxSurge: 0, maxUnavailable: 1, minReady: 0 });
  assert.equal(update("files"), { maxSurge: 0, maxUnavailable: 1, minReady: 0 });
  assert.equal(update("web"), { maxSurge: 1, maxUnavailable: 0, minReady: 0 });
});

test("Kubernetes-only settings: each listed once in `ignored`, one note", () => {
  const r = run({ "p/app.kdsl": APP.replace('run = "node web.js"', 'run = "node web.js"\n  resources { cpu = 100m }\n  k8s { spec.progressDeadlineSeconds = 60 }') });
  const p = plan(r);
  assert.equal(p.ignored.map((i) => [i.setting, i.declarations]), [["k8s", ["web"]], ["resources", ["web", "api"]]]);
  assert.equal(r.diagnostics.filter((d) => d.code === "KD6002").length, 1);
});

test("the plan schema rejects what the runtime could not run", () => {
  const p = JSON.parse(run({ "p/app.kdsl": APP }).planJson!);
  assert.equal(validatePlan(p), []);
  assert.ok(validatePlan({ ...p, kdslPlan: 2 }).length > 0, "another version");
  const noProcess = structuredClone(p);
  delete noProcess.services[0].process;
  assert.ok(validatePlan(noProcess).length > 0, "a runnable service without a process");
  const leaked = structuredClone(p);
  leaked.services[0].process.secrets[0].value = "x";
  assert.ok(validatePlan(leaked).length > 0, "a secret entry has no place for a value");
});

// ---- kdsl.json -------------------------------------------------------------------------------

const SMALL = `app settings

service api {
  image = "ghcr.io/example/api:1.0.0"
  port http 8080
  canary { image = "ghcr.io/example/api:1.1.0"; weight = 10% }
}

profile prod { api.replicas = 3 }
`;

test("kdsl.json: namespace, strategy, profiles, secrets and target are defaults that options override", () => {
  const files = { "p/app.kdsl": SMALL, "p/kdsl.json": JSON.stringify({ namespace: "team-a", canary: { strategy: "gateway" }, profiles: ["prod"], target: "runtime" }) };
  const r = run(files, {});
  assert.is(r.target, "runtime");
  assert.is(r.app!.namespace, "team-a");
  assert.is(r.app!.services[0]!.strategy, "gateway");
  assert.equal(r.app!.profiles, ["prod"]);
  assert.is(r.plan!.services[0]!.versions[0]!.replicas, 3);
  const k = run(files, { target: "kubernetes", profiles: [] });
  assert.type(k.yaml, "string");
  assert.ok(k.yaml!.includes("namespace: team-a"));
  assert.ok(k.yaml!.includes("kind: HTTPRoute"), "the gateway strategy from kdsl.json");
  assert.equal(k.app!.profiles, [], "--profile (even none) replaces kdsl.json's list");
  const own = run({ ...files, "p/app.kdsl": SMALL.replace("app settings", 'app settings { namespace = "mine"; strategy = replicas }') }, { target: "kubernetes" });
  assert.is(own.app!.namespace, "mine", "the app's own namespace wins");
  assert.is(own.app!.services[0]!.strategy, "replicas", "the app's own strategy wins");
});

test("kdsl.json problems have positions; the build stops; other tools' sections are left alone", () => {
  const bad = (json: string) => run({ "p/app.kdsl": SMALL, "p/kdsl.json": json }, {}).diagnostics.map(renderPlain);
  assert.equal(bad('{\n  "secrets": "inlined"\n}'), ["p/kdsl.json:2:14: error[KD7020]: `secrets` must be one of `reference`, `inline`"]);
  assert.equal(bad('{ "namespace": "Team_A" }'), ["p/kdsl.json:1:16: error[KD7020]: `namespace` must be a DNS label: lower-case letters, digits and inner hyphens, at most 63 characters"]);
  assert.equal(bad('{ "profiles": ["prd"] }'), ["p/kdsl.json:1:16: error[KD7022]: kdsl.json applies profile `prd`, which the app does not declare"]);
  assert.equal(bad('{ "editor": { "x": 1 }, "lint": { "rules": {} } }'), []);
  // Cut short: reported where the input ends, not at 1:1.
  assert.equal(bad('{\n  "lint": \n'), ["p/kdsl.json:2:10: error[KD7001]: kdsl.json is not valid JSON: Unexpected end of JSON input"]);
  const r = run({ "p/app.kdsl": SMALL, "p/kdsl.json": '{ "target": "cluster" }' }, {});
  assert.is(r.yaml, undefined);
  assert.is(r.program.texts.get("p/kdsl.json"), '{ "target": "cluster" }', "kdsl.json's text is there for code frames");
});

test("the KD702x pages' JSON examples: the bad one raises the code, the good one is clean", () => {
  for (const code of ["KD7020", "KD7021", "KD7022", "KD7023"]) {
    const blocks = [...EXPLANATIONS[code]!.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    assert.ok(blocks.length >= 2, code);
    const codes = (json: string) => run({ "p/app.kdsl": SMALL, "p/kdsl.json": json }, { target: "kubernetes" }).diagnostics.map((d) => d.code);
    assert.ok(codes(blocks[0]!).includes(code), `${code}: bad example`);
    assert.equal(codes(blocks.at(-1)!), [], `${code}: good example`);
  }
  assert.equal(parseProject("kdsl.json", "{}").diagnostics, []);
});

test("schemas/kdsl.schema.json holds the project settings as the compiler validates them", () => {
  const schema = JSON.parse(readFileSync(path.join(repoRoot, "schemas/kdsl.schema.json"), "utf8"));
  for (const [k, v] of Object.entries(projectProperties())) assert.equal(schema.properties[k], v, `schemas/kdsl.schema.json's \`${k}\` is out of date`);
  assert.ok(schema.properties.lint, "the linter's section is kept");
});

test("CLI: --target runtime -o DIR writes <app>.plan.json with the root relative to DIR; --check; bad target", () => {
  const { dir, cleanup } = tempDir();
  try {
    const proj = path.join(dir, "proj");
    mkdirSync(proj);
    writeFileSync(path.join(proj, "app.kdsl"), APP);
    let r = kdsl(["build", "--target", "runtime", "proj", "-o", "out"], { cwd: dir });
    assert.is(r.status, 0, describe(r));
    const written = JSON.parse(readFileSync(path.join(dir, "out", "shop.plan.json"), "utf8")) as Plan;
    assert.is(written.root, "../proj");
    assert.equal(validatePlan(written), []);
    assert.match(r.stderr, /wrote out\/shop\.plan\.json \(3 services, 1 jobs\)/);
    r = kdsl(["build", "--target", "runtime", "proj", "-o", "out", "--check"], { cwd: dir });
    assert.is(r.status, 0, describe(r));
    r = kdsl(["build", "--target", "runtime", "proj"], { cwd: dir });
    assert.is(JSON.parse(r.stdout).root, "proj", "printed: relative to the current directory");
    r = kdsl(["build", "--target", "pods", "proj"], { cwd: dir });
    assert.is(r.status, 2, describe(r));
    assert.match(r.stderr, /--target must be `kubernetes` or `runtime`/);
    writeFileSync(path.join(proj, "kdsl.json"), '{ "target": "runtime" }');
    r = kdsl(["build", "proj", "-o", "out2"], { cwd: dir });
    assert.is(r.status, 0, describe(r));
    assert.ok(existsSync(path.join(dir, "out2", "shop.plan.json")), "kdsl.json's target");
    r = kdsl(["build", "proj", "--target", "kubernetes", "-o", "out3"], { cwd: dir });
    assert.ok(existsSync(path.join(dir, "out3", "shop.yaml")), "the flag overrides kdsl.json");
    writeFileSync(path.join(proj, "kdsl.json"), '{ "target": "runtime", }');
    r = kdsl(["build", "proj"], { cwd: dir });
    assert.is(r.status, 1, describe(r));
    assert.match(r.stderr, /error\[KD7001\]/);
    assert.match(r.stderr, /proj\/kdsl\.json:1:/);
  } finally {
    cleanup();
  }
});

test.run();

// What the golden fixtures do not show: a finding's help and label (advice that cannot work is a
// bug too), findings under an applied profile (the fixtures lint without one), and one rule per
// literal credential.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lint } from "../../compiler/src/lint/index.ts";
import type { Diagnostic } from "../../compiler/src/diagnostics/diagnostic.ts";
import { hostFor } from "./fixtures.ts";

const FILE = "test/lint/advice/app.kdsl";
function findings(text: string, rule: string, profiles?: string[]): Diagnostic[] {
  const r = lint(hostFor(FILE, text), FILE, profiles ? { profiles } : {});
  assert.equal(r.diagnostics.filter((d) => d.severity === "error" && /^KD/.test(d.code)).map((d) => d.message), []);
  return r.diagnostics.filter((d) => d.code === rule);
}
const lineOf = (text: string, d: Diagnostic) => text.slice(0, d.span.start).split("\n").length;

const PROFILED = `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 3
  disruption { max-unavailable = 1 }
}

profile dev {
  api.replicas = 1
  api.disruption { max-unavailable = 0 }
}
`;

test("single-replica: a value from an applied profile is reported in the profile, to be changed there, without a fix", () => {
  const [d, ...rest] = findings(PROFILED, "single-replica", ["dev"]);
  assert.equal(rest, []);
  assert.is(lineOf(PROFILED, d!), 10);
  assert.is(d!.label, "set by profile `dev`");
  assert.match(d!.hints![0]!, /in profile `dev`/);
  assert.not.match(d!.hints![0]!, /in this declaration/);
  assert.is(d!.fixes, undefined);
  assert.equal(findings(PROFILED, "single-replica"), [], "without the profile: three replicas");
});

test("disruption-blocks-eviction: a budget from an applied profile is reported in the profile, without a fix", () => {
  const [d] = findings(PROFILED, "disruption-blocks-eviction", ["dev"]);
  assert.is(lineOf(PROFILED, d!), 11);
  assert.is(d!.label, "set by profile `dev`");
  assert.match(d!.hints![0]!, /change it in profile `dev`/);
  assert.is(d!.fixes, undefined);
});

test("single-replica: the autoscale behaviour is kept (min reported at the minimum, no fix)", () => {
  const text = `app shop\n\nservice api {\n  image = "ghcr.io/example/api:1.4.2"\n  resources { cpu = 100m }\n  autoscale { min = 1; max = 5 }\n  k8s { spec.replicas = 1 }\n}\n`;
  const [d, ...rest] = findings(text, "single-replica");
  assert.equal(rest, []);
  assert.match(d!.message, /may scale down to 1 replica/);
  assert.is(d!.fixes, undefined);
});

test("writable-root-filesystem: with scratch, a patch to false is reported at the patch, and the help does not say to add scratch", () => {
  const text = `app shop\n\nservice api {\n  image = "ghcr.io/example/api:1.4.2"\n  scratch ["/tmp"]\n  k8s.container { securityContext.readOnlyRootFilesystem = false }\n}\n`;
  const [d] = findings(text, "writable-root-filesystem");
  assert.is(lineOf(text, d!), 6);
  assert.not.match(d!.hints!.join(" "), /add `scratch/);
  assert.match(d!.hints![0]!, /remove the `readOnlyRootFilesystem` patch/);
});

test("pull-policy-mismatch: Never on a pinned image does not say to pin it", () => {
  const text = `app shop\n\nservice api {\n  image = "ghcr.io/example/api:1.4.2"\n  k8s.container { imagePullPolicy = "Never" }\n}\n`;
  const [d] = findings(text, "pull-policy-mismatch");
  assert.not.match(d!.hints![0]!, /pin the image/);
});

test("no-anti-affinity: an avoid of other pods is reported at the avoid, with no fix (a second avoid would merge into it)", () => {
  const text = `app shop\n\nservice web {\n  image = "ghcr.io/example/web:1.0.0"\n  replicas = 3\n  labels { tier = "web" }\n  avoid { tier = "cache" }\n}\n`;
  const [d] = findings(text, "no-anti-affinity");
  assert.is(lineOf(text, d!), 7);
  assert.is(d!.fixes, undefined);
});

test("secret-in-source owns literal credentials: PRIVATE_KEY is reported once, not by sensitive-plain-config as well", () => {
  const text = `app shop\n\njob a {\n  image = "ghcr.io/example/a:1.0.0"\n  deadline = 10m\n  env { PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----" }\n}\n`;
  assert.is(findings(text, "secret-in-source").length, 1);
  assert.equal(findings(text, "sensitive-plain-config"), []);
});

test("secret-in-source: a literal in a template used by many declarations is reported once, at the literal", () => {
  const text = `app shop\n\ntemplate w for job {\n  env { Q = "amqp://shop:hunter2@rabbit/" }\n  deadline = 10m\n}\n\njob a from w { image = "ghcr.io/example/a:1.0.0" }\njob b from w { image = "ghcr.io/example/b:1.0.0" }\njob c from w { image = "ghcr.io/example/c:1.0.0" }\n`;
  const ds = findings(text, "secret-in-source");
  assert.is(ds.length, 1);
  assert.is(text.slice(ds[0]!.span.start, ds[0]!.span.end), `"amqp://shop:hunter2@rabbit/"`);
});

test("secret-as-env: a job or cron is not told to use files, which it cannot have", () => {
  const text = `app shop\n\nsecret s { token = env("T") }\n\njob a {\n  image = "ghcr.io/example/a:1.0.0"\n  deadline = 10m\n  env { TOKEN = s.token }\n}\n`;
  assert.equal(findings(text, "secret-as-env"), []);
});

test.run();

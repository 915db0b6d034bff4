// Numbers in environment and config values become text exactly as written (`1.10`, `01234`, a
// 20-digit id), not as JavaScript prints the parsed number (`1.1`, `1234`, `12345678901234567000`);
// quantities of a known kind (`100m`, `128Mi`, `30s`, `10%`) are kept as written too, and a number
// with a suffix that is no unit (`1xyz`, `1e`) is KD3002 at its position. The same text reaches the
// Kubernetes YAML and the runtime plan, through `if` branches, profiles and template parameters.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, type BuildOptions } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

type Env = Record<string, string>;
interface Out {
  readonly config: Env;
  readonly env: Env;
  readonly plan: Env;
  readonly yaml: string;
}

const run = (source: string, options: BuildOptions = {}) => build(memoryHost({ "app.kdsl": source }, stdlibFiles()), "app.kdsl", options);

/** The config map `c`, the env of service `s` in Kubernetes and in the runtime plan, and the YAML. */
function outputs(source: string, profiles: string[] = []): Out {
  const k8s = run(source, { profiles });
  assert.equal(k8s.diagnostics.map(renderPlain), []);
  const objects = k8s.objects!.map((o) => o.object as any);
  const config = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === "c")?.data ?? {};
  const container = objects.find((o) => o.kind === "Deployment" && o.metadata.name === "s").spec.template.spec.containers[0];
  const env: Env = {};
  for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  const runtime = run(source, { profiles, target: "runtime" });
  assert.equal(runtime.diagnostics.filter((d) => d.severity === "error").map(renderPlain), []);
  const plan = runtime.plan!.services.find((s) => s.name === "s")!.process!.env;
  return { config, env, plan, yaml: k8s.yaml! };
}

const app = (config: string, env: string, extra = "") => `app num
config c { ${config} }
${extra}
service s {
  image = "nginx:1.25"
  run = "node s.js"
  env { ${env} }
}
`;

test("env and config numbers keep their text: decimals, leading zeros, long integers", () => {
  const out = outputs(app("v = 1.10; zip = 01234; big = 12345678901234567891; n = 7; zero = 0; z = 0.0", "VERSION = 1.10; ZIP = 01234; BIG = 12345678901234567891; N = 7; FROM = c.v"));
  const want = { v: "1.10", zip: "01234", big: "12345678901234567891", n: "7", zero: "0", z: "0.0" };
  assert.equal(out.config, want);
  assert.equal(out.env, { VERSION: "1.10", ZIP: "01234", BIG: "12345678901234567891", N: "7" });
  assert.equal(out.plan, { VERSION: "1.10", ZIP: "01234", BIG: "12345678901234567891", N: "7", FROM: "1.10" }, "the plan resolves the config key to the same text");
  // Quoted in YAML, so that no YAML reader turns them back into numbers.
  for (const line of ['v: "1.10"', 'zip: "01234"', 'big: "12345678901234567891"', 'value: "1.10"', 'value: "01234"']) assert.ok(out.yaml.includes(line), line);
});

test("booleans still become `true` and `false`", () => {
  const out = outputs(app("on = true; off = false", "ON = true; OFF = false"));
  assert.equal(out.config, { on: "true", off: "false" });
  assert.equal(out.env, { ON: "true", OFF: "false" });
  assert.equal(out.plan, { ON: "true", OFF: "false" });
});

test("quantities of a known kind are kept as written", () => {
  const out = outputs(app("cpu = 100m; mem = 128Mi; half = 0.5Gi; wait = 1h30m; slow = 1.5m; share = 10%", "CPU = 100m; MEM = 128Mi; WAIT = 30s; SHARE = 10%"));
  assert.equal(out.config, { cpu: "100m", mem: "128Mi", half: "0.5Gi", wait: "1h30m", slow: "1.5m", share: "10%" });
  assert.equal(out.env, { CPU: "100m", MEM: "128Mi", WAIT: "30s", SHARE: "10%" });
  assert.equal(out.plan, out.env);
});

test("`if` branches keep the text of the branch taken", () => {
  const extra = "profile prod { }";
  const source = app("v = if profile == \"prod\" then 2.50 else 1.10", "VERSION = if profile == \"prod\" then 02.0 else 1.10", extra);
  const dev = outputs(source);
  assert.equal([dev.config.v, dev.env.VERSION, dev.plan.VERSION], ["1.10", "1.10", "1.10"]);
  const prod = outputs(source, ["prod"]);
  assert.equal([prod.config.v, prod.env.VERSION, prod.plan.VERSION], ["2.50", "02.0", "02.0"]);
  // Decided while checking (`name`), not at evaluation.
  const byName = outputs(app("v = 1", "VERSION = if name == \"s\" then 3.10 else 4"));
  assert.equal([byName.env.VERSION, byName.plan.VERSION], ["3.10", "3.10"]);
});

test("profiles that override a value keep its text", () => {
  const source = app("v = 1.10; zip = 01234", "VERSION = 1.10", "profile prod {\n  c.v = 2.50\n  c.zip = 00501\n  s.env { VERSION = 2.50; BUILD = 000123 }\n}");
  const out = outputs(source, ["prod"]);
  assert.equal(out.config, { v: "2.50", zip: "00501" });
  assert.equal(out.env, { VERSION: "2.50", BUILD: "000123" });
  assert.equal(out.plan, { VERSION: "2.50", BUILD: "000123" });
});

test("template parameters and defaults keep the argument's text", () => {
  const source = `app num
template versioned(version: EnvValue = 1.10) for service {
  env { VERSION = version }
}
service s from versioned(version = 3.00) {
  image = "nginx:1.25"
  run = "node s.js"
}
service t from versioned {
  image = "nginx:1.25"
  run = "node t.js"
}
`;
  const r = run(source);
  assert.equal(r.diagnostics.map(renderPlain), []);
  const env = (name: string) => (r.objects!.map((o) => o.object as any).find((o) => o.kind === "Deployment" && o.metadata.name === name).spec.template.spec.containers[0].env as { name: string; value: string }[]).find((e) => e.name === "VERSION")!.value;
  assert.equal([env("s"), env("t")], ["3.00", "1.10"]);
});

test("a number with a suffix that is no unit is KD3002 where it is written", () => {
  const r = run(app("w = 1xyz; hex = 0x1F", "W = 1xyz; E = 1e"));
  assert.equal(r.diagnostics.map(renderPlain), [
    "app.kdsl:2:16: error[KD3002]: `w` expects a string, number or boolean, found `1xyz`, a number with an unknown unit",
    "app.kdsl:2:28: error[KD3002]: `hex` expects a string, number or boolean, found `0x1F`, a number with an unknown unit",
    "app.kdsl:7:13: error[KD3002]: `W` expects a string, number or boolean, found `1xyz`, a number with an unknown unit",
    "app.kdsl:7:23: error[KD3002]: `E` expects a string, number or boolean, found `1e`, a number with an unknown unit",
  ]);
  assert.equal(r.diagnostics[0]!.hints?.[0], 'write it as a string: `"1xyz"`.');
  assert.is(r.yaml, undefined);
  // In a profile and in an `if` branch too.
  const viaProfile = run(app("v = 1", "V = if name == \"s\" then 1 else 2abc", "profile prod { c.v = 3q }"));
  assert.equal(viaProfile.diagnostics.map((d) => [d.code, d.span.line, d.span.col]), [["KD3002", 3, 22], ["KD3002", 7, 40]]);
});

test("the lexer has no signs or exponents: `-1` and `1e3` are syntax errors, not numbers", () => {
  const codes = (env: string) => run(app("v = 1", env)).diagnostics.map((d) => d.code);
  assert.equal(codes("V = -1"), ["KD1001"]);
  assert.equal(codes("V = 1e3"), ["KD1004"], "`1e` then `3`");
  assert.equal(outputs(app("v = 1", 'V = "-1"; E = "1e3"')).env, { V: "-1", E: "1e3" }, "as strings they are fine");
});

test("label values and selector terms keep their text too, so a selector still matches its labels", () => {
  const source = `app num
service s {
  image = "nginx:1.25"
  port http 8080
  labels { release = 1.10 }
}
service front {
  image = "nginx:1.25"
  port http 8080
  select { release = 1.10 }
}
`;
  const r = run(source);
  assert.equal(r.diagnostics.map(renderPlain), []);
  const objects = r.objects!.map((o) => o.object as any);
  const labels = objects.find((o) => o.kind === "Deployment" && o.metadata.name === "s").spec.template.metadata.labels;
  assert.is(labels.release, "1.10");
  const selector = objects.find((o) => o.kind === "Service" && o.metadata.name === "front").spec.selector;
  assert.is(selector.release, "1.10");
});

test.run();

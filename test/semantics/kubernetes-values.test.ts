// Values Kubernetes rejects, or reads otherwise than they say, are reported at the value rather
// than written: a probe's `failures`, `period` and `timeout` of 0 (the API server reads 0 as unset
// and puts its default in), a job's or cron's `deadline` of 0s, a cron's unknown `timezone`, and
// a duration that is not whole seconds (Kubernetes counts them in seconds; kdsl used to round up
// without a word). Secret names given as strings are any Secret name: DNS subdomains, dots included.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, type BuildOptions } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import type { Diagnostic } from "../../compiler/src/diagnostics/diagnostic.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

const run = (source: string, options: BuildOptions = {}) => build(memoryHost({ "app.kdsl": source }, stdlibFiles()), "app.kdsl", options);

/** The objects of a build that must succeed. */
function objects(source: string, options: BuildOptions = {}): any[] {
  const r = run(source, options);
  assert.equal(r.diagnostics.filter((d) => d.severity === "error").map(renderPlain), []);
  return r.objects!.map((o) => o.object as any);
}

/** The diagnostics of a build, as `line:col code message`, and the diagnostics themselves. */
function problems(source: string, options: BuildOptions = {}): { lines: string[]; all: readonly Diagnostic[] } {
  const all = run(source, options).diagnostics;
  return { lines: all.map((d) => `${d.span.line}:${d.span.col} ${d.severity} ${d.code} ${d.message}`), all };
}

/** Where `needle` starts in `source`, as line:col (1-based). */
function at(source: string, needle: string): string {
  const i = source.indexOf(needle);
  assert.ok(i >= 0, `${needle} is in the source`);
  const before = source.slice(0, i).split("\n");
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

const service = (health: string) => `app a
service s {
  image = "nginx:1.25"
  port http 8080
  health { readiness = http("/healthz"); ${health} }
}
`;

const probe = (source: string) => objects(source).find((o) => o.kind === "Deployment").spec.template.spec.containers[0].readinessProbe;

test("probe timings in whole seconds are written as they are, 0s of initial delay included", () => {
  const p = probe(service("period = 2000ms; timeout = 1s; initial-delay = 0s; failures = 1"));
  assert.is(p.periodSeconds, 2);
  assert.is(p.timeoutSeconds, 1);
  assert.is(p.initialDelaySeconds, 0, "0s is a delay of 0, not rounded up to 1 any more");
  assert.is(p.failureThreshold, 1);
  const q = probe(service("period = 1m30s; initial-delay = 0.5m"));
  assert.is(q.periodSeconds, 90);
  assert.is(q.initialDelaySeconds, 30);
});

test("failures = 0 is KD3003 at the value: Kubernetes would read it as unset and use 3", () => {
  const src = service("failures = 0");
  const { lines, all } = problems(src);
  assert.equal(lines, [`${at(src, "0 }")} error KD3003 \`health.failures\` must be at least 1, not 0`]);
  assert.match(all[0]!.label!, /use 3/);
});

test("period and timeout of 0s are KD3003 at the value; initial-delay may be 0s", () => {
  const src = service("period = 0s; timeout = 0s; initial-delay = 0s");
  const { lines } = problems(src);
  assert.equal(lines, [
    `${at(src, "0s; timeout")} error KD3003 \`health.period\` must be at least 1s, not 0s`,
    `${at(src, "0s; initial")} error KD3003 \`health.timeout\` must be at least 1s, not 0s`,
  ]);
});

test("a health block shared through a template reports its problem once", () => {
  const src = `app a
template t for service { port http 80; health { readiness = http("/"); failures = 0 } }
service s1 from t { image = "nginx:1.25" }
service s2 from t { image = "nginx:1.25" }
`;
  assert.equal(problems(src).lines, [`${at(src, "0 }")} error KD3003 \`health.failures\` must be at least 1, not 0`]);
});

test("a duration that is not whole seconds is KD3003 in every duration field, with the whole seconds as the fix", () => {
  const cases: [string, string, string][] = [
    ["period", service("period = 1500ms"), "1500ms"],
    ["timeout", service("timeout = 0.5s"), "0.5s"],
    ["initial-delay", service("initial-delay = 0.5s"), "0.5s"],
    ["min-ready", 'app a\nservice s { image = "nginx:1.25"; rollout { min-ready = 2.5s } }\n', "2.5s"],
    ["deadline", 'app a\njob j { image = "nginx:1.25"; deadline = 90500ms }\n', "90500ms"],
    ["deadline", 'app a\ncron c { image = "nginx:1.25"; schedule = "@daily"; deadline = 1.5s }\n', "1.5s"],
    ["start-deadline", 'app a\ncron c { image = "nginx:1.25"; schedule = "@daily"; start-deadline = 100ms }\n', "100ms"],
    ["refresh", 'app a\nsecret k { store = "vault"; refresh = 1.5s; p = remote("x") }\n', "1.5s"],
    ["pause", 'app a\nservice s { image = "nginx:1.25"; port http 80; strategy = rollout; canary { image = "nginx:1.26"; steps = [10%, pause(1500ms)] } }\n', "1500ms"],
  ];
  for (const [field, src, raw] of cases) {
    const { all } = problems(src);
    assert.is(all.length, 1, `${field}: one diagnostic, not ${all.map(renderPlain).join("; ")}`);
    const d = all[0]!;
    assert.is(d.code, "KD3003", field);
    assert.is(d.severity, "error", field);
    assert.is(`${d.span.line}:${d.span.col}`, at(src, raw), `${field}: at the value`);
    assert.ok(d.message.startsWith(`\`${field}\` must be a whole number of seconds, not \`${raw}\``), d.message);
    const up = Math.ceil(parseFloat(raw) / (raw.endsWith("ms") ? 1000 : 1));
    assert.is(d.fixes?.[0]?.edits[0]?.newText, `${up}s`, `${field}: the fix writes the next whole second`);
  }
  const { all } = problems(service("period = 1500ms"));
  assert.equal(all[0]!.hints, ["write `1s` or `2s`."]);
});

test("compound and decimal durations that come to whole seconds are fine", () => {
  const src = 'app a\ncron c { image = "nginx:1.25"; schedule = "@daily"; deadline = 0.7m; start-deadline = 1h30m }\njob j { image = "nginx:1.25"; deadline = 3000ms }\n';
  const objs = objects(src);
  const cron = objs.find((o) => o.kind === "CronJob");
  assert.is(cron.spec.startingDeadlineSeconds, 5400);
  assert.is(cron.spec.jobTemplate.spec.activeDeadlineSeconds, 42, "0.7m is 42s, not 43 (no float error rounded up)");
  assert.is(objs.find((o) => o.kind === "Job").spec.activeDeadlineSeconds, 3);
});

test("a job's deadline of 0s is KD3003 at the value; so are a cron's deadline and start-deadline", () => {
  const job = 'app a\njob j {\n  image = "nginx:1.25"\n  deadline = 0s\n}\n';
  assert.equal(problems(job).lines, ["4:14 error KD3003 `deadline` must be more than 0s"]);
  const cron = 'app a\ncron c {\n  image = "nginx:1.25"\n  schedule = "@daily"\n  deadline = 0s\n  start-deadline = 0s\n}\n';
  assert.equal(problems(cron).lines, ["5:14 error KD3003 `deadline` must be more than 0s", "6:20 error KD3003 `start-deadline` must be more than 0s"]);
  const fine = objects('app a\njob j { image = "nginx:1.25"; deadline = 1s }\n');
  assert.is(fine.find((o) => o.kind === "Job").spec.activeDeadlineSeconds, 1);
});

const cron = (timezone: string) => `app a\ncron c {\n  image = "nginx:1.25"\n  schedule = "@daily"\n  timezone = ${timezone}\n}\n`;

test("time zones Kubernetes knows are written as given: canonical names, UTC, aliases, fixed offsets", () => {
  for (const tz of ["UTC", "Etc/UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "US/Pacific", "Etc/GMT+1", "Asia/Kolkata"]) {
    const c = objects(cron(JSON.stringify(tz))).find((o) => o.kind === "CronJob");
    assert.is(c.spec.timeZone, tz);
  }
});

test("an unknown time zone is KD3027 at the value, with the zone meant when there is one", () => {
  const cases: [string, string, string | undefined][] = [
    ["Mars/Olympus", "`Mars/Olympus` is not a time zone Kubernetes knows", undefined],
    ["Europe/Berln", "`Europe/Berln` is not a time zone Kubernetes knows", "Europe/Berlin"],
    ["Tokyo", "`Tokyo` is not a time zone Kubernetes knows", "Asia/Tokyo"],
    ["europe/berlin", "time zone `europe/berlin` is spelt `Europe/Berlin`: Kubernetes reads the names case by case", "Europe/Berlin"],
    ["utc", "time zone `utc` is spelt `UTC`: Kubernetes reads the names case by case", "UTC"],
    ["Local", "`Local` is not a time zone Kubernetes knows", undefined],
    ["CRON_TZ=Europe/Berlin", "`CRON_TZ=Europe/Berlin` is not a time zone name such as `Europe/Berlin` or `UTC`", undefined],
    ["+01:00", "`+01:00` is not a time zone name such as `Europe/Berlin` or `UTC`", undefined],
  ];
  for (const [tz, message, meant] of cases) {
    const { all } = problems(cron(JSON.stringify(tz)));
    assert.is(all.length, 1, tz);
    const d = all[0]!;
    assert.is(`${d.code} ${d.severity} ${d.span.line}:${d.span.col}`, "KD3027 error 5:14", tz);
    assert.is(d.message, message);
    if (meant) {
      assert.equal(d.hints, [`did you mean \`${meant}\`?`], tz);
      assert.is(d.fixes?.[0]?.edits[0]?.newText, JSON.stringify(meant), tz);
    } else assert.is(d.fixes, undefined, tz);
  }
  assert.is(problems(cron("Europe")).all[0]!.code, "KD3001", "not a string");
});

test("a time zone in a profile is checked whether or not the profile is applied", () => {
  const src = cron('"UTC"') + 'profile mars { c.timezone = "Mars/Olympus" }\n';
  assert.equal(problems(src).lines, [`${at(src, '"Mars/Olympus"')} error KD3027 \`Mars/Olympus\` is not a time zone Kubernetes knows`]);
});

test("secret names as strings may hold dots (DNS subdomains); their volumes get DNS-label names", () => {
  const src = `app a
service s {
  image = "nginx:1.25"
  port http 8080
  files { "/etc/a" = "shop.example-tls"; "/etc/b" = "shop-example-tls"; "/etc/c" = "a.b"; "/etc/d" = "a-b" }
  expose { host = "shop.example.com"; tls = "shop.example-tls" }
}
`;
  const objs = objects(src);
  const pod = objs.find((o) => o.kind === "Deployment").spec.template.spec;
  const volumes: { name: string; secret: { secretName: string } }[] = pod.volumes;
  assert.equal(volumes.map((v) => v.secret.secretName).sort(), ["a-b", "a.b", "shop-example-tls", "shop.example-tls"]);
  const names = volumes.map((v) => v.name);
  assert.is(new Set(names).size, 4, `distinct volume names: ${names.join(", ")}`);
  for (const n of names) assert.ok(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(n) && n.length <= 63, `${n} is a DNS label`);
  assert.ok(names.includes("secret-a-b") && names.includes("secret-shop-example-tls"), "names without dots keep their volume names");
  const mounts: { name: string; mountPath: string }[] = pod.containers[0].volumeMounts;
  for (const m of mounts) assert.ok(names.includes(m.name), `${m.mountPath} mounts a volume of the pod`);
  assert.is(objs.find((o) => o.kind === "Ingress").spec.tls[0].secretName, "shop.example-tls");
  // A long name with dots still makes a volume name of at most 63 characters.
  const long = "x".repeat(60) + ".example.com";
  const lv = objects(`app a\nservice s { image = "nginx:1.25"; files { "/x" = "${long}" } }\n`).find((o) => o.kind === "Deployment").spec.template.spec.volumes[0];
  assert.ok(lv.name.length <= 63 && lv.secret.secretName === long, lv.name);
});

test("secret names that are no DNS subdomain stay KD3042 at the value", () => {
  for (const bad of ["Shop.Example", "a..b", ".a", "a_b", "x".repeat(254)]) {
    const src = `app a\nservice s { image = "nginx:1.25"; files { "/x" = "${bad}" } }\n`;
    const { all } = problems(src);
    assert.is(all.length, 1, bad);
    assert.is(`${all[0]!.code} ${all[0]!.span.line}:${all[0]!.span.col}`, `KD3042 ${at(src, `"${bad}"`)}`, bad);
  }
});

test("a duration with a unit repeated or out of order is refused, with its normal form as the hint", () => {
  const r = run('app a\nservice s {\n  image = "nginx:1.25"\n  port http 80\n  health { readiness = http("/"); period = 30s1m }\n}\n');
  const d = r.diagnostics.find((x) => x.code === "KD3002");
  assert.ok(d, r.diagnostics.map(renderPlain).join("\n"));
  assert.equal(d!.hints, ["write `1m30s`: each unit at most once, largest first."]);
});

test.run();

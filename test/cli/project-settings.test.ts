// kdsl.json's project settings through build, check and lint as real processes: the same defaults
// apply to all three (check and lint used to ignore `profiles` and never reported KD7022), and an
// invalid kdsl.json is exit 1 for build and check (diagnostics, docs/language.md) and exit 2 for
// lint whichever section is wrong (docs/lint.md: "the lint did not run as configured").
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codes, crashSigns, describe, ensureBundle, kdsl, tempDir } from "./run-cli.ts";

const { dir: TMP, cleanup } = tempDir("kdsl-project-");
test.before(() => ensureBundle());
test.after(() => cleanup());

// Applied, `prod` asks for more replicas than Kubernetes takes (KD5001); the base app is clean
// for build and check, and lint warns only that it runs one replica (single-replica).
const APP = `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 1
  port http 8080
  health {
    readiness = http("/ready")
    liveness = tcp()
  }
  scratch ["/tmp"]
  disruption { max-unavailable = 1 }
  avoid { "app.kubernetes.io/name" = "api" }
  resources {
    cpu = 200m to 500m
    memory = 128Mi to 256Mi
  }
}

profile huge {
  api.replicas = 3000000000
}

profile ha {
  api.replicas = 3
}
`;

let caseNo = 0;
function project(kdslJson: unknown): string {
  const dir = join(TMP, `case-${++caseNo}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "app.kdsl"), APP);
  if (kdslJson !== undefined) writeFileSync(join(dir, "kdsl.json"), typeof kdslJson === "string" ? kdslJson : JSON.stringify(kdslJson, null, 2) + "\n");
  return dir;
}

function run(args: string[]) {
  const r = kdsl(args);
  assert.equal(crashSigns(r.stderr + r.stdout), [], describe(r));
  return r;
}

test("the base app: build, check and lint clean (lint: one single-replica warning)", () => {
  const dir = project(undefined);
  assert.is(run(["build", dir]).status, 0);
  assert.is(run(["check", dir]).status, 0);
  const r = run(["lint", dir]);
  assert.is(r.status, 0, describe(r));
  assert.match(r.stderr, /warning\[single-replica\]/);
});

test("kdsl.json `profiles` apply to check as to build: same diagnostic, same exit", () => {
  const dir = project({ profiles: ["huge"] });
  const build = run(["build", dir]);
  assert.is(build.status, 1, describe(build));
  assert.equal(codes(build.stderr), ["KD5001"], describe(build));
  const check = run(["check", dir]);
  assert.is(check.status, 1, describe(check));
  assert.is(check.stderr, build.stderr, "check reports what build reports");
  // --profile replaces kdsl.json's list, for check as for build.
  assert.is(run(["build", dir, "--profile", "ha"]).status, 0);
  assert.is(run(["check", dir, "--profile", "ha"]).status, 0);
});

test("kdsl.json `profiles` apply to lint: the profile's values are linted", () => {
  const dir = project({ profiles: ["ha"] });
  let r = run(["lint", dir]);
  assert.is(r.status, 0, describe(r));
  assert.match(r.stderr, /no problems/, "3 replicas under `ha`: no single-replica warning");
  writeFileSync(join(dir, "kdsl.json"), JSON.stringify({ profiles: ["huge"] }));
  r = run(["lint", dir]);
  assert.is(r.status, 1, describe(r));
  assert.ok(codes(r.stderr).includes("KD5001"), describe(r));
  r = run(["lint", dir, "--profile", "ha"]);
  assert.is(r.status, 0, describe(r));
});

test("an unknown profile in kdsl.json: KD7022 from build, check and lint", () => {
  const dir = project({ profiles: ["prdo"] });
  for (const [cmd, status] of [["build", 1], ["check", 1], ["lint", 2]] as const) {
    const r = run([cmd, dir]);
    assert.is(r.status, status, `${cmd}\n${describe(r)}`);
    assert.equal(codes(r.stderr), ["KD7022"], `${cmd}\n${describe(r)}`);
    assert.match(r.stderr, /kdsl\.json:3:5/, `${cmd}: at the profile in kdsl.json\n${describe(r)}`);
  }
});

test("an invalid kdsl.json: build and check exit 1, lint exit 2, whichever section is wrong", () => {
  const cases: [unknown, string][] = [
    [{ namespace: 5 }, "KD7020"],
    [{ secrets: "inlin" }, "KD7020"],
    [{ canary: { stratgy: "rollout" } }, "KD7021"],
    [{ runtime: { basePort: 80 } }, "KD7020"],
    ['{ "namespace": ', "KD7001"],
    ["[]", "KD7002"],
    [{ lint: { rules: { "single-replicas": "off" } } }, "KD7003"],
  ];
  for (const [json, code] of cases) {
    const dir = project(json);
    const what = `${JSON.stringify(json)}: `;
    for (const cmd of ["build", "check"]) {
      const r = run([cmd, dir]);
      // The lint section is the linter's: build and check do not read it.
      assert.is(r.status, code === "KD7003" ? 0 : 1, what + cmd + "\n" + describe(r));
      if (code !== "KD7003") assert.equal(codes(r.stderr), [code], what + cmd + "\n" + describe(r));
    }
    const r = run(["lint", dir]);
    assert.is(r.status, 2, what + "lint\n" + describe(r));
    assert.equal(codes(r.stderr), [code], what + "lint\n" + describe(r));
    for (const format of ["json", "sarif"]) assert.is(run(["lint", dir, "--format", format]).status, 2, `${what} lint --format ${format}`);
  }
});

test("a near miss (KD7023, a warning) is not an invalid kdsl.json: lint exit 0", () => {
  const dir = project({ namepsace: "x", profiles: ["ha"] });
  const r = run(["lint", dir]);
  assert.is(r.status, 0, describe(r));
  assert.match(r.stderr, /warning\[KD7023\]/);
});

test.run();

// `kdsl init`: the scaffold builds at once (YAML and the runtime plan), its service answers on
// PORT, nothing is ever overwritten, and the next steps are printed.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { kdsl, describe, tempDir } from "./run-cli.ts";
import { validatePlan } from "../support/plan-schema.ts";
import { appName } from "../../cli/src/commands/init.ts";

test("init scaffolds a project that builds clean, as YAML and as a runtime plan", () => {
  const { dir, cleanup } = tempDir();
  try {
    let r = kdsl(["init", "My Shop"], { cwd: dir });
    assert.is(r.status, 0, describe(r));
    const proj = join(dir, "My Shop");
    for (const f of ["app.kdsl", "services/hello.js", "kdsl.json", "README.md"]) assert.ok(existsSync(join(proj, f)), f);
    assert.match(r.stdout, /kdsl build \./);
    assert.match(r.stdout, /kdsl build --target runtime \./);
    const schema = JSON.parse(readFileSync(join(proj, "kdsl.json"), "utf8")).$schema as string;
    assert.ok(existsSync(join(proj, schema)), `$schema points at the shipped schema: ${schema}`);

    r = kdsl(["build", "."], { cwd: proj });
    assert.is(r.status, 0, describe(r));
    assert.is(r.stderr, "", "no diagnostics at all");
    const docs = parseAllDocuments(r.stdout);
    assert.ok(docs.length >= 3);
    for (const d of docs) assert.equal(d.errors, []);
    assert.ok(docs.some((d) => (d.toJS() as { kind: string }).kind === "Deployment"));
    assert.ok(r.stdout.includes("namespace: my-shop"), "the app is named after the directory");

    r = kdsl(["build", "--target", "runtime", "."], { cwd: proj });
    assert.is(r.status, 0, describe(r));
    const plan = JSON.parse(r.stdout);
    assert.equal(validatePlan(plan), []);
    assert.is(plan.services[0].runnable, true);
    assert.equal(plan.services[0].process.command, ["sh", "-c", "node services/hello.js"]);

    r = kdsl(["fmt", "--check", "."], { cwd: proj });
    assert.is(r.status, 0, describe(r));
    r = kdsl(["lint", "."], { cwd: proj });
    assert.is(r.status, 0, describe(r));
  } finally {
    cleanup();
  }
});

test("init refuses to overwrite: exit 2, nothing written", () => {
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(join(dir, "p"));
    writeFileSync(join(dir, "p", "README.md"), "mine\n");
    const r = kdsl(["init", "p"], { cwd: dir });
    assert.is(r.status, 2, describe(r));
    assert.match(r.stderr, /would overwrite .*README\.md/);
    assert.is(readFileSync(join(dir, "p", "README.md"), "utf8"), "mine\n");
    assert.not.ok(existsSync(join(dir, "p", "app.kdsl")), "nothing written");
    assert.is(kdsl(["init", "a", "b"], { cwd: dir }).status, 2);
  } finally {
    cleanup();
  }
});

test("the app name is a DNS label from the directory", () => {
  assert.is(appName("/tmp/My Shop"), "my-shop");
  assert.is(appName("/tmp/__"), "hello");
  assert.is(appName("/tmp/" + "x".repeat(80)), "x".repeat(63));
});

test("the scaffolded service answers on PORT", async () => {
  const { dir, cleanup } = tempDir();
  try {
    assert.is(kdsl(["init", "s"], { cwd: dir }).status, 0);
    const { spawn } = await import("node:child_process");
    const port = 43000 + (process.pid % 1000);
    const child = spawn(process.execPath, ["services/hello.js"], { cwd: join(dir, "s"), env: { ...process.env, PORT: String(port) }, stdio: "pipe" });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", () => resolve());
        child.on("error", reject);
        setTimeout(() => reject(new Error("no start within 5 s")), 5000);
      });
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      assert.is(health.status, 200);
      assert.is(await health.text(), "ok\n");
    } finally {
      child.kill("SIGTERM");
    }
  } finally {
    cleanup();
  }
});

test("a directory named with a leading digit gives a valid app name (`app-123`) and a scaffold that builds", () => {
  assert.is(appName("/tmp/123"), "app-123");
  assert.is(appName("/tmp/9lives"), "app-9lives");
  assert.is(appName("/tmp/a--b_c"), "a-b-c", "a kdsl name has single inner hyphens");
  assert.is(appName("/tmp/" + "1".repeat(80)), "app-" + "1".repeat(59));
  const { dir, cleanup } = tempDir();
  try {
    for (const name of ["123", "9lives"]) {
      let r = kdsl(["init", name], { cwd: dir });
      assert.is(r.status, 0, describe(r));
      assert.match(readFileSync(join(dir, name, "app.kdsl"), "utf8"), new RegExp(`^app app-${name}$`, "m"));
      r = kdsl(["build", "."], { cwd: join(dir, name) });
      assert.is(r.status, 0, describe(r));
      assert.is(r.stderr, "", "no diagnostics at all");
      assert.ok(r.stdout.includes(`namespace: app-${name}`));
    }
  } finally {
    cleanup();
  }
});

test("a fresh scaffold is lint-clean with the default settings: no findings at all, exit 0", () => {
  const { dir, cleanup } = tempDir();
  try {
    assert.is(kdsl(["init", "clean"], { cwd: dir }).status, 0);
    const proj = join(dir, "clean");
    let r = kdsl(["lint", "."], { cwd: proj });
    assert.is(r.status, 0, describe(r));
    assert.not.match(r.stderr, /warning|error|info\[/, "no findings");
    r = kdsl(["lint", ".", "--format", "json", "--max-warnings", "0"], { cwd: proj });
    assert.is(r.status, 0, describe(r));
    assert.equal(JSON.parse(r.stdout), []);
  } finally {
    cleanup();
  }
});

test.run();

// Examples are tests: each builds with zero diagnostics under every profile, matches its expected
// YAML, validates against the upstream OpenAPI spec as an independent check, builds
// byte-identically twice, and is a formatting fixed point.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { build, buildOutput } from "../../compiler/src/api.ts";
import { lint } from "../../compiler/src/lint/index.ts";
import { format } from "../../compiler/src/format/index.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import { golden, repoHost, repoRoot } from "../support/project.ts";
import { openApiAvailable, openApiCovers, validateAgainstOpenApi } from "../support/openapi.ts";
import { validatePlan } from "../support/plan-schema.ts";

const examplesDir = path.join(repoRoot, "examples");
const hasKdsl = (d: string) => readdirSync(path.join(examplesDir, d)).some((f) => f.endsWith(".kdsl"));
// An example is a directory of .kdsl files, or a directory of such apps (examples/canary/*).
const examples = readdirSync(examplesDir).flatMap((d) =>
  hasKdsl(d) ? [d] : readdirSync(path.join(examplesDir, d), { withFileTypes: true }).filter((e) => e.isDirectory() && hasKdsl(path.join(d, e.name))).map((e) => path.join(d, e.name)),
);

/** Environment the inline-secret builds see: fixed, so their golden output is stable. */
/** A build's output pieces as one string (each piece is whole documents, valid UTF-8 alone). */
const decodeParts = (parts: readonly Uint8Array[] | undefined): string => (parts ?? []).map((p) => new TextDecoder().decode(p)).join("");

const EXAMPLE_ENV = { RANDOM_TOKEN: "example-token-not-secret", CASSANDRA_USERNAME: "orders-admin", CASSANDRA_PASSWORD: "example-password-not-secret", DB_PASSWORD: "example-db-password-not-secret" };

interface Variant {
  readonly suffix: string;
  readonly profiles: string[];
  readonly secrets: "reference" | "inline";
}

function variants(dir: string): Variant[] {
  const rel = path.relative(repoRoot, dir);
  const r = build(repoHost(), rel);
  const profiles = [...(r.analysis?.profiles.keys() ?? [])].sort();
  const out: Variant[] = [{ suffix: "", profiles: [], secrets: "reference" }];
  for (const p of profiles) out.push({ suffix: `.${p}`, profiles: [p], secrets: "reference" });
  // Inline secrets only where their inputs are environment variables the test controls.
  const secretsFromEnv = r.app?.secrets.every((s) => s.entries.every((e) => e.source.kind === "env"));
  if (r.app && r.app.secrets.length > 0 && secretsFromEnv) out.push({ suffix: ".inline", profiles: [], secrets: "inline" });
  return out;
}

test("there are examples to test", () => {
  assert.ok(examples.includes("numbers"), "examples/numbers is the README's example");
  assert.ok(examples.length >= 2);
});

for (const name of examples) {
  const dir = path.join(examplesDir, name);
  const rel = path.relative(repoRoot, dir);
  for (const v of variants(dir)) {
    test(`${name}${v.suffix}: builds clean, matches expected YAML, validates`, () => {
      const r = build(repoHost(EXAMPLE_ENV), rel, { profiles: v.profiles, secrets: v.secrets });
      assert.equal(r.diagnostics.map(renderPlain), [], "an example builds with zero diagnostics");
      assert.type(r.yaml, "string");
      const app = r.app!.name;
      golden(path.join(dir, "expected", `${app}${v.suffix}.yaml`), r.yaml!);
      // The second build is the CLI's (buildOutput, which frees each stage early): the same bytes.
      const again = buildOutput(repoHost(EXAMPLE_ENV), rel, { profiles: v.profiles, secrets: v.secrets });
      assert.is(decodeParts(again.output), r.yaml, "two builds are byte-identical");
      assert.is(again.objectCount, r.objects!.length);
      assert.is(again.appName, app);
      const docs = parseAllDocuments(r.yaml!);
      assert.is(docs.length, r.objects!.length);
      for (const doc of docs) {
        assert.equal(doc.errors, []);
        const obj = doc.toJS() as { kind: string; metadata: { name: string } };
        if (openApiAvailable() && openApiCovers(String((obj as { apiVersion?: unknown }).apiVersion))) assert.equal(validateAgainstOpenApi(obj), [], `${obj.kind} ${obj.metadata.name} against the upstream OpenAPI spec`);
      }
    });
  }
  test(`${name}: runtime plan matches expected, fits schemas/plan.schema.json`, () => {
    const r = build(repoHost(EXAMPLE_ENV), rel, { target: "runtime" });
    assert.equal(r.diagnostics.filter((d) => d.severity !== "info").map(renderPlain), [], "only notes (what runs locally and what is ignored)");
    golden(path.join(dir, "expected", `${r.app!.name}.plan.json`), r.planJson!);
    assert.is(decodeParts(buildOutput(repoHost(EXAMPLE_ENV), rel, { target: "runtime" }).output), r.planJson, "the CLI's build writes the same plan");
    assert.equal(validatePlan(r.plan), [], "the plan fits its schema");
  });
  test(`${name}: every .kdsl file is a formatting fixed point`, () => {
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".kdsl"))) {
      const text = readFileSync(path.join(dir, f), "utf8");
      assert.is(format(text, f).text, text, `${rel}/${f} is formatted`);
    }
  });
}

// The application examples are lint-clean: no warning or error, info notes allowed, suppressions
// only with a reason. FIXME: the feature demos (selectors, canary/*) still draw warnings (probes,
// resources, budgets they leave out to stay short); they should be clean too.
for (const name of ["numbers", "guestbook", "cassandra", "shop"]) {
  test(`${name}: lint-clean`, () => {
    const r = lint(repoHost(), `examples/${name}`);
    assert.equal(r.diagnostics.filter((d) => d.severity !== "info").map(renderPlain), []);
  });
}

test("numbers: the walkthrough's facts", () => {
  const base = build(repoHost(), "examples/numbers");
  const prod = build(repoHost(), "examples/numbers", { profiles: ["prod"] });
  const replicas = (r: typeof base, n: string) => (r.objects!.find((o) => o.object.kind === "Deployment" && o.object.metadata.name === n)!.object as unknown as { spec: { replicas: number } }).spec.replicas;
  assert.is(replicas(base, "random-number"), 3);
  assert.is(replicas(prod, "random-number"), 5, "--profile prod is the walkthrough's `kubectl scale` to 5");
  assert.ok(base.objects!.some((o) => o.object.metadata.name === "random-number-canary"), "a canary Deployment");
  assert.ok(base.objects!.some((o) => o.object.kind === "Job" && o.object.metadata.name === "warm-cache"));
  assert.not.ok(base.objects!.some((o) => o.object.kind === "Secret"), "reference mode writes no Secret values");
  assert.ok(existsSync(path.join(repoRoot, "examples/numbers/services/random-number.js")));
});

test.run();

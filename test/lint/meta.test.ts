// Keeps the rule registry honest: every rule file registered and every registered rule complete
// (metadata, docs whose bad example triggers it and whose good example does not, options with
// defaults that fit their schema), documented in docs/rules/ and present in the config schema.
// UPDATE_GOLDEN=1 rewrites docs/rules/*.md and the `lint` part of schemas/kdsl.schema.json.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { RULES } from "../../compiler/src/lint/registry.ts";
import { CATEGORIES } from "../../compiler/src/lint/rule.ts";
import { ruleMarkdown } from "../../compiler/src/lint/docs.ts";
import { lintSchema } from "../../compiler/src/lint/schema.ts";
import { CATALOGUE } from "../../compiler/src/diagnostics/catalogue.ts";
import { golden, updating } from "../support/project.ts";
import { REPO } from "../diagnostics/invalid-fixtures.ts";
import { hostFor } from "./fixtures.ts";
import { lint } from "../../compiler/src/lint/index.ts";

const RULES_DIR = path.join(REPO, "compiler/src/lint/rules");
const DOCS_DIR = path.join(REPO, "docs/rules");
const SCHEMA = path.join(REPO, "schemas/kdsl.schema.json");

test("every rule file is registered, under its file name", () => {
  const files = readdirSync(RULES_DIR).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3)).sort();
  assert.equal(RULES.map((r) => r.id).sort(), files);
});

test("rule ids are kebab-case, unique, listed alphabetically, and not diagnostic codes", () => {
  const ids = RULES.map((r) => r.id);
  assert.is(new Set(ids).size, ids.length);
  assert.equal(ids, [...ids].sort());
  for (const id of ids) {
    assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    assert.not.ok(CATALOGUE.has(id.toUpperCase()));
  }
});

for (const rule of RULES) {
  test(`${rule.id}: metadata and docs`, () => {
    assert.ok(CATEGORIES.includes(rule.category), "category");
    assert.ok(["error", "warning", "info"].includes(rule.severity), "severity");
    assert.ok(rule.summary.length > 10 && !rule.summary.endsWith("."), "a one-line summary without a trailing period");
    assert.not.ok(rule.summary.includes("\n"));
    for (const k of ["rationale", "bad", "good", "fix"] as const) assert.ok(rule.docs[k].trim().length > 0, `docs.${k}`);
    const mine = (text: string) => lint(hostFor("example.kdsl", text), "example.kdsl").diagnostics;
    const bad = mine(rule.docs.bad);
    assert.equal(bad.filter((d) => d.severity === "error" && d.code.startsWith("KD")).map((d) => d.message), [], "docs.bad builds");
    assert.ok(bad.some((d) => d.code === rule.id), "docs.bad triggers the rule");
    const good = mine(rule.docs.good);
    assert.equal(good.filter((d) => d.severity === "error" && d.code.startsWith("KD")).map((d) => d.message), [], "docs.good builds");
    assert.not.ok(good.some((d) => d.code === rule.id), "docs.good does not trigger the rule");
  });
  if (rule.options) {
    test(`${rule.id}: options have defaults that fit their schema`, () => {
      const o = rule.options!;
      assert.equal(Object.keys(o.defaults as object).sort(), Object.keys(o.schema).sort());
      const validate = new Ajv({ strict: true }).compile({ type: "object", properties: o.schema, additionalProperties: false });
      assert.ok(validate(o.defaults), JSON.stringify(validate.errors));
    });
  }
}

test("docs/rules/<id>.md is generated from each rule", () => {
  for (const rule of RULES) golden(path.join(DOCS_DIR, `${rule.id}.md`), ruleMarkdown(rule));
  const lines = ["# Lint rules", "", "Generated from the rules' metadata (test/lint/meta.test.ts); do not edit by hand. `kdsl lint --list-rules` prints the same list; docs/lint.md explains configuration and suppression.", ""];
  for (const cat of CATEGORIES) {
    const rules = RULES.filter((r) => r.category === cat);
    if (rules.length === 0) continue;
    lines.push(`## ${cat[0]!.toUpperCase()}${cat.slice(1)}`, "", "| rule | severity | fix | summary |", "| --- | --- | --- | --- |");
    for (const r of rules) lines.push(`| [${r.id}](${r.id}.md) | ${r.severity} | ${r.fixable ? "yes" : ""} | ${r.summary.replace(/\|/g, "\\|")} |`);
    lines.push("");
  }
  golden(path.join(DOCS_DIR, "README.md"), lines.join("\n"));
  const ids = new Set(RULES.map((r) => r.id));
  for (const f of readdirSync(DOCS_DIR)) if (f !== "README.md") assert.ok(ids.has(f.replace(/\.md$/, "")), `docs/rules/${f} documents no rule`);
});

test("schemas/kdsl.schema.json holds the generated lint schema, every rule in it", () => {
  const generated = lintSchema();
  if (updating || !existsSync(SCHEMA)) {
    // Only the `lint` property is ours; the rest of the file belongs to the project config.
    const current = existsSync(SCHEMA)
      ? JSON.parse(readFileSync(SCHEMA, "utf8"))
      : { $schema: "http://json-schema.org/draft-07/schema#", title: "kdsl.json", description: "Project settings of kdsl, at the project root.", type: "object", properties: { $schema: { type: "string" } } };
    current.properties = { ...current.properties, lint: generated };
    mkdirSync(path.dirname(SCHEMA), { recursive: true });
    writeFileSync(SCHEMA, JSON.stringify(current, null, 2) + "\n");
  }
  const schema = JSON.parse(readFileSync(SCHEMA, "utf8"));
  assert.equal(schema.properties.lint, generated, "schemas/kdsl.schema.json's lint part is out of date (UPDATE_GOLDEN=1 rewrites it)");
  for (const r of RULES) assert.ok(schema.properties.lint.properties.rules.properties[r.id], `${r.id} is in the config schema`);
  // The whole file is a schema ajv compiles, and a typical config fits it.
  const validate = new Ajv({ strict: false }).compile(schema);
  assert.ok(validate({ lint: { rules: { "single-replica": ["error", { minReplicas: 3 }], "no-latest-tag": "off" }, ignore: ["generated/**"] } }), JSON.stringify(validate.errors));
  assert.not.ok(validate({ lint: { rules: { "single-replica": "loud" } } }));
});

test.run();

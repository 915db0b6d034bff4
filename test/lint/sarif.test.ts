// SARIF output against the SARIF 2.1.0 JSON schema, and the GitHub annotation format.
//
// The schema, test/lint/sarif-2.1.0.schema.json, is the file `sarif-2.1.0.json` shipped in the
// npm package @microsoft/sarif-multitool-linux@5.7.0 (Microsoft's maintained SARIF SDK), taken
// with `npm pack @microsoft/sarif-multitool-linux@5.7.0` and `tar -xzf ... package/sarif-2.1.0.json`
// (sha256 1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c). It is committed
// rather than installed because that package is a 43 MB linux-only .NET binary; no smaller npm
// package ships the schema (jest-sarif fetches it over the network at run time).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { renderGithub, renderSarif } from "../../compiler/src/lint/sarif.ts";
import { RULES } from "../../compiler/src/lint/registry.ts";
import { REPO } from "../diagnostics/invalid-fixtures.ts";
import { hostFor } from "./fixtures.ts";
import { lint } from "../../compiler/src/lint/index.ts";

const schemaPath = path.join(REPO, "test/lint/sarif-2.1.0.schema.json");
const schemaText = readFileSync(schemaPath, "utf8");
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(JSON.parse(schemaText));

const entry = "test/lint/single-replica/fail.kdsl";
// Lint findings of one project and the build errors of another (lint runs rules on clean builds only).
const broken = "test/lint/broken.kdsl";
const findings = [
  ...lint(hostFor(entry, readFileSync(path.join(REPO, entry), "utf8")), entry).diagnostics,
  ...lint(hostFor(broken, 'app x\n\nservice api {\n  image = "ghcr.io/x/y:1.0.0"\n  port http 8080\n  port http 8081\n}\n'), broken).diagnostics,
];

test("the committed schema is the one recorded", () => {
  assert.is(createHash("sha256").update(readFileSync(schemaPath)).digest("hex"), "1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c");
});

test("the findings include lint warnings and a build error", () => {
  assert.ok(findings.some((d) => d.code === "single-replica"));
  assert.ok(findings.some((d) => d.code.startsWith("KD") && d.severity === "error"), findings.map((d) => d.code).join(","));
});

test("SARIF output validates against the SARIF 2.1.0 schema", () => {
  const log = JSON.parse(renderSarif(findings, { version: "0.1.0", docsUrl: "https://example.com/kdsl/docs/rules" }));
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  const empty = JSON.parse(renderSarif([], { version: "0.1.0" }));
  assert.ok(validate(empty), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
});

test("SARIF carries what GitHub code scanning shows", () => {
  const log = JSON.parse(renderSarif(findings, { version: "0.1.0", docsUrl: "https://example.com/kdsl/docs/rules/" }));
  assert.is(log.version, "2.1.0");
  const run = log.runs[0];
  const rules = run.tool.driver.rules as Record<string, any>[];
  for (const r of RULES) assert.ok(rules.some((d) => d.id === r.id), `rule ${r.id} is described`);
  for (const d of rules) {
    assert.ok(d.shortDescription?.text, `${d.id} shortDescription`);
    assert.ok(d.help?.text && d.help?.markdown, `${d.id} help`);
    assert.ok(["error", "warning", "note"].includes(d.defaultConfiguration?.level), `${d.id} level`);
    if (!d.id.startsWith("KD")) {
      assert.ok(d.fullDescription?.text, `${d.id} fullDescription`);
      assert.is(d.helpUri, `https://example.com/kdsl/docs/rules/${d.id}.md`);
    }
  }
  assert.is(run.results.length, findings.length);
  for (const r of run.results) {
    assert.is(rules[r.ruleIndex].id, r.ruleId);
    const loc = r.locations[0].physicalLocation;
    assert.ok([entry, broken].includes(loc.artifactLocation.uri), "relative URI");
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1 && loc.region.endLine >= loc.region.startLine && loc.region.endColumn >= 1);
  }
  const sr = run.results.find((r: any) => r.ruleId === "single-replica");
  assert.is(sr.level, "warning");
  assert.is(sr.locations[0].physicalLocation.region.startLine, 5);
});

test("github format: one workflow command per finding, properties escaped", () => {
  const out = renderGithub(findings);
  const lines = out.trimEnd().split("\n");
  assert.is(lines.length, findings.length);
  assert.match(lines.find((l) => l.includes("title=single-replica"))!, /^::warning file=test\/lint\/single-replica\/fail\.kdsl,line=5,col=14,endLine=5,endColumn=15,title=single-replica::service `api` runs 1 replica/);
  assert.ok(lines.some((l) => l.startsWith("::error ")));
  const tricky = renderGithub([{ code: "x", severity: "info", message: "a: b,\nc 100%", span: { file: "a,b:c.kdsl", start: 0, end: 1, line: 1, col: 1, endLine: 1, endCol: 2 } }]);
  assert.is(tricky, "::notice file=a%2Cb%3Ac.kdsl,line=1,col=1,endLine=1,endColumn=2,title=x::a: b,%0Ac 100%25\n");
});

test.run();

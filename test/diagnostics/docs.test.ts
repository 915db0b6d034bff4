// docs/diagnostics.md is generated from the catalogue and its explanation pages, the same text
// `kdsl explain CODE` prints. This test renders it and fails when the committed file differs;
// UPDATE_GOLDEN=1 rewrites it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import path from "node:path";
import { CATALOGUE, explain } from "../../compiler/src/diagnostics/catalogue.ts";
import { golden, repoRoot } from "../support/project.ts";

const STAGES: readonly [string, string][] = [
  ["KD1", "Syntax"],
  ["KD2", "Names"],
  ["KD3", "Types and units"],
  ["KD4", "Evaluation"],
  ["KD5", "Kubernetes output"],
];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").replace(/\s/g, "-");
}

function stageOf(code: string): string {
  return STAGES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? "Other";
}

function renderDiagnosticsDoc(): string {
  const codes = [...CATALOGUE.keys()].sort();
  const out: string[] = [
    "# Diagnostics",
    "",
    "<!-- Generated from compiler/src/diagnostics/catalogue.ts and explanations/ by",
    "     test/diagnostics/docs.test.ts: edit those, then run UPDATE_GOLDEN=1 npm test. -->",
    "",
    "Every problem kdsl reports has a code from this list. `kdsl explain CODE` prints the code's",
    "page from this document. In the pages' examples the `app` declaration is left out; `// file:`",
    "lines separate the files of a project directory.",
    "",
  ];
  for (const stage of [...STAGES.map(([, name]) => name), "Other"]) {
    const inStage = codes.filter((c) => stageOf(c) === stage);
    if (inStage.length === 0) continue;
    out.push(`## ${stage}`, "", "| Code | Title | Severity |", "| --- | --- | --- |");
    for (const code of inStage) {
      const e = CATALOGUE.get(code)!;
      out.push(`| [${code}](#${anchor(`${code}: ${e.title}`)}) | ${e.title} | ${e.severity} |`);
    }
    out.push("");
    // Each page is two levels down from `kdsl explain`'s: its `# CODE: title` becomes `### ...`.
    for (const code of inStage) out.push(explain(code)!.replace(/^# /, "### ").trimEnd(), "");
  }
  return out.join("\n");
}

test("docs/diagnostics.md is the catalogue's pages, as generated", () => {
  golden(path.join(repoRoot, "docs/diagnostics.md"), renderDiagnosticsDoc());
});

test("every code has its section and index entry", () => {
  const doc = renderDiagnosticsDoc();
  for (const [code, e] of CATALOGUE) {
    assert.ok(doc.includes(`\n### ${code}: ${e.title}\n`), `${code} has a section`);
    assert.ok(doc.includes(`[${code}](#${anchor(`${code}: ${e.title}`)})`), `${code} is in the index`);
  }
});

test("anchors follow GitHub's rule", () => {
  assert.is(anchor("KD2008: `use` outside the project"), "kd2008-use-outside-the-project");
  assert.is(anchor("KD1008: not a UTF-8 text file"), "kd1008-not-a-utf-8-text-file");
});

test.run();

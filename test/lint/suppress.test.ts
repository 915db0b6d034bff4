// Suppression scope (compiler/src/lint/suppress.ts, docs/lint.md "Suppressing findings"): a
// suppression covers the findings of the declaration it is in or above, and in or above a template
// those of every declaration made from it; what unused-suppression says and what --fix removes
// when a finding of the rule is still reported for the declaration; forms that suppress nothing.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { memoryHost } from "../../compiler/src/host.ts";
import { lint, type LintOptions } from "../../compiler/src/lint/index.ts";
import { fixProject } from "../../compiler/src/lint/fix.ts";
import { RULES } from "../../compiler/src/lint/registry.ts";
import type { Rule } from "../../compiler/src/lint/rule.ts";
import { REPO, stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

const META = ["unused-suppression", "suppression-needs-reason"];
const run = (text: string, options: LintOptions = {}) => lint(memoryHost({ "p/app.kdsl": text }, stdlibFiles()), "p", options);
/** `code@line` of the findings of `rules`. */
const found = (text: string, rules: readonly string[], options: LintOptions = {}) => run(text, options).diagnostics.filter((d) => rules.includes(d.code)).map((d) => `${d.code}@${d.span.line}`);

/** A service every rule accepts but single-replica (and what `extra` adds). */
const service = (name: string, extra = "", from = "") => `service ${name}${from ? ` from ${from}` : ""} {
  image = "ghcr.io/example/${name}:1.0.0"
  port http 8080
  health { readiness = http("/ready"); liveness = tcp() }
  scratch ["/tmp"]
  avoid { "app.kubernetes.io/name" = "${name}" }
  disruption { max-unavailable = 1 }
  resources { cpu = 100m to 300m; memory = 128Mi to 256Mi }
${extra}}
`;

test("the example in docs/lint.md works as the page says: both comments are used", () => {
  const doc = readFileSync(path.join(REPO, "docs/lint.md"), "utf8");
  const section = doc.slice(doc.indexOf("## Suppressing findings"));
  const example = /```kdsl\n([\s\S]*?)```/.exec(section)![1]!;
  const text = `app shop\n\n${example}`;
  assert.ok(example.includes("kdsl-ignore no-resource-limits") && example.includes("kdsl-ignore single-replica"));
  assert.equal(found(text, ["single-replica", "no-resource-limits", ...META]), []);
  // Without the comments, both rules report on the declaration.
  assert.equal(found(text.replace(/ *\/\/ kdsl-ignore.*\n/g, "\n"), ["single-replica", "no-resource-limits"]).sort(), ["no-resource-limits@4", "single-replica@6"]);
});

test("scope: anywhere in the declaration, or above it; never another declaration", () => {
  const base = `app shop\n\n${service("api", "  replicas = 1\n")}`;
  assert.equal(found(base, ["single-replica"]), ["single-replica@11"]);
  const places = {
    "above, with a blank line and a comment between": base.replace("service api", "// kdsl-ignore single-replica: one is enough\n\n// the API\nservice api"),
    "own line, above another member": base.replace("  port http", "  // kdsl-ignore single-replica: one is enough\n  port http"),
    "end of another member's line": base.replace("port http 8080", "port http 8080 // kdsl-ignore single-replica: one is enough"),
    "end of the header line": base.replace("service api {", "service api { // kdsl-ignore single-replica: one is enough"),
    "end of the closing line": base.replace("  replicas = 1\n}", "  replicas = 1\n} // kdsl-ignore single-replica: one is enough"),
  };
  for (const [where, text] of Object.entries(places)) assert.equal(found(text, ["single-replica", ...META]), [], where);
  // In or above another declaration: the finding stays, the suppression is unused.
  const two = `app shop\n\n${service("api", "  replicas = 1\n")}\n// kdsl-ignore single-replica: one is enough\n${service("web", "  replicas = 2\n")}`;
  assert.equal(found(two, ["single-replica", ...META]), ["single-replica@11", "unused-suppression@14"]);
});

test("a suppression in or above a template covers every declaration made from it, for every rule", () => {
  const text = (comment: string, inside: string) => `app shop

${comment}template base for service {
${inside}  replicas = 1
  k8s.container { securityContext.privileged = true }
  api-token = true
  image = "ghcr.io/example/\${name}"
}

template strict from base for service {
  replicas = 1
}

${service("a", "", "base").replace(/  image = .*\n/, "")}
${service("b", "", "strict").replace(/  image = .*\n/, "")}`;
  const rules = ["single-replica", "privileged-container", "api-token-mounted", "no-latest-tag"];
  const bare = found(text("", ""), rules);
  // Each finding on the declaration (a at line 14, b at line 23), never on the template's line.
  assert.equal(bare.sort(), rules.flatMap((r) => [`${r}@14`, `${r}@23`]).sort());
  const ids = rules.join(", ");
  assert.equal(found(text(`// kdsl-ignore ${ids}: a node agent, one per cluster\n`, ""), [...rules, ...META]), [], "above the template");
  assert.equal(found(text("", `  // kdsl-ignore ${ids}: a node agent, one per cluster\n`), [...rules, ...META]), [], "in the template");
  // Above one declaration: that declaration only.
  const one = text("", "").replace("service a from base", `// kdsl-ignore ${ids}: a node agent\nservice a from base`);
  assert.equal(found(one, [...rules, ...META]).sort(), rules.map((r) => `${r}@24`).sort());
});

/** A rule that reports each service's inherited `replicas` where the template writes it (as some rules still do). */
const atTemplateLine: Rule = {
  ...RULES.find((r) => r.id === "single-replica")!,
  id: "zz-template-line",
  options: undefined,
  check(ctx) {
    for (const s of ctx.app.services) if (!ctx.isOwn(s.name, ["replicas"])) ctx.report({ span: ctx.spanOf(s.name, ["replicas"]), message: `zz ${s.name}` });
  },
};

function withRule<T>(rule: Rule, f: () => T): T {
  (RULES as Rule[]).push(rule);
  try {
    return f();
  } finally {
    (RULES as Rule[]).pop();
  }
}

test("unused-suppression says where a finding of its rule still is, and --fix keeps the comment", () => {
  const text = `app shop

template base for service {
  replicas = 1
}

// kdsl-ignore zz-template-line: a singleton
${service("api", "", "base")}`;
  withRule(atTemplateLine, () => {
    const r = run(text, { only: ["zz-template-line", ...META] });
    const unused = r.diagnostics.filter((d) => d.code === "unused-suppression");
    assert.equal(unused.map((d) => [d.span.line, d.message]), [[7, "suppression of `zz-template-line` suppresses nothing"]]);
    const u = unused[0]!;
    assert.ok(u.hints!.some((h) => h.includes("reported in template `base` (line 4)") && h.includes("in or above template `base`")), u.hints!.join("\n"));
    assert.not.ok(u.hints!.some((h) => h.includes("gone")));
    assert.equal(u.related?.map((x) => x.span.line), [4]);
    assert.is(u.fixes, undefined, "no fix removes a suppression while its rule's finding remains");
    const fixed = fixProject(memoryHost({ "p/app.kdsl": text }, stdlibFiles()), "p", { only: ["zz-template-line", ...META] });
    assert.is(fixed.files.get("p/app.kdsl"), undefined, "--fix leaves the comment alone");
    // Moved into the template, it covers the finding.
    const moved = text.replace("// kdsl-ignore zz-template-line: a singleton\n", "").replace("  replicas = 1\n", "  replicas = 1 // kdsl-ignore zz-template-line: a singleton\n");
    assert.equal(found(moved, ["zz-template-line", ...META], { only: ["zz-template-line", ...META] }), []);
  });
});

/** A rule that reports each service on its name, with a note where its `replicas` is set when that is elsewhere. */
const withNote: Rule = {
  ...atTemplateLine,
  id: "zz-note",
  check(ctx) {
    for (const s of ctx.app.services) {
      const v = ctx.field(s.name, ["replicas"]);
      if (v && !ctx.isOwn(s.name, ["replicas"]) && ctx.spanOf(s.name, ["replicas"]) === v.span) ctx.report({ span: ctx.spanOf(s.name), message: `zz ${s.name}`, related: [{ span: v.span, message: "set here" }] });
    }
  },
};

test("a suppression where a finding's note points (a profile) says where the finding is reported", () => {
  const text = `app shop\n\n${service("api", "  replicas = 2\n")}\nprofile dev {\n  // kdsl-ignore zz-note: dev runs one\n  api.replicas = 1\n}\n`;
  withRule(withNote, () => {
    const options = { profiles: ["dev"], only: ["zz-note", ...META] };
    const r = run(text, options);
    assert.equal(r.diagnostics.map((d) => `${d.code}@${d.span.line}`), ["zz-note@3", "unused-suppression@15"]);
    const u = r.diagnostics.find((d) => d.code === "unused-suppression")!;
    assert.ok(u.hints!.some((h) => h.includes("reported on service `api` (line 3)")), u.hints!.join("\n"));
    assert.is(u.fixes, undefined);
    // Above the declaration, it covers the finding.
    assert.equal(found(text.replace("  // kdsl-ignore zz-note: dev runs one\n", "").replace("service api", "// kdsl-ignore zz-note: dev runs one\nservice api"), ["zz-note", ...META], options), []);
  });
});

test("nothing left of the rule: the hint says where it looked, and --fix removes the comment", () => {
  const text = `app shop\n\n// kdsl-ignore single-replica: one is enough\n${service("api", "  replicas = 3\n")}`;
  const u = run(text).diagnostics.find((d) => d.code === "unused-suppression")!;
  assert.match(u.hints![0]!, /no `single-replica` finding is reported for service `api`/);
  assert.equal(u.fixes?.[0]?.title, "remove the suppression");
  const fixed = fixProject(memoryHost({ "p/app.kdsl": text }, stdlibFiles()), "p", {}, (d) => d.code === "unused-suppression");
  assert.is(fixed.files.get("p/app.kdsl"), text.replace("// kdsl-ignore single-replica: one is enough\n", ""));
});

test("the suppression rules cannot be suppressed inline: naming them says so", () => {
  const text = `app shop\n\n// kdsl-ignore suppression-needs-reason, unused-suppression: quiet\n${service("api", "  replicas = 1 // kdsl-ignore single-replica\n")}`;
  const r = run(text);
  const unused = r.diagnostics.filter((d) => d.code === "unused-suppression");
  assert.equal(unused.map((d) => d.message), ["`suppression-needs-reason` cannot be suppressed inline", "`unused-suppression` cannot be suppressed inline"]);
  assert.ok(unused.every((d) => !d.fixes && d.hints!.some((h) => h.includes("kdsl.json")) && !d.hints!.some((h) => h.includes("gone"))));
  assert.ok(r.diagnostics.some((d) => d.code === "suppression-needs-reason"), "still reported");
});

test("a suppression naming an unknown rule is kept by --fix, with a did-you-mean", () => {
  const text = `app shop\n\n// kdsl-ignore single-replca: typo\n${service("api", "  replicas = 1\n")}`;
  const u = run(text).diagnostics.find((d) => d.code === "unused-suppression")!;
  assert.ok(u.hints!.some((h) => h.includes("did you mean `single-replica`")));
  const fixed = fixProject(memoryHost({ "p/app.kdsl": text }, stdlibFiles()), "p", {}, (d) => d.code === "unused-suppression");
  assert.is(fixed.applied, 0);
});

test("forms that suppress nothing are reported and do not apply", () => {
  const forms = ["// kdsl-ignore: one is enough", "/// kdsl-ignore single-replica: one is enough", "/* kdsl-ignore single-replica: one is enough */", "// kdsl-ignore-next-line single-replica: one is enough"];
  for (const form of forms) {
    const r = run(`app shop\n\n${form}\n${service("api", "  replicas = 1\n")}`);
    assert.equal(r.diagnostics.filter((d) => ["single-replica", ...META].includes(d.code)).map((d) => `${d.code}@${d.span.line}`), ["suppression-needs-reason@3", "single-replica@12"], form);
    const m = r.diagnostics.find((d) => d.code === "suppression-needs-reason")!;
    assert.ok(m.hints!.some((h) => h.includes("// kdsl-ignore <rule-id>")), form);
  }
});

test("CRLF files: a suppression applies, and removing one keeps the line endings", () => {
  const text = `app shop\n\n// kdsl-ignore single-replica: one is enough\n${service("api", "  replicas = 1 // kdsl-ignore no-latest-tag: pinned elsewhere\n")}`.replace(/\n/g, "\r\n");
  assert.equal(found(text, ["single-replica", "suppression-needs-reason"]), []);
  const fixed = fixProject(memoryHost({ "p/app.kdsl": text }, stdlibFiles()), "p", {}, (d) => d.code === "unused-suppression");
  assert.is(fixed.applied, 1);
  assert.is(fixed.files.get("p/app.kdsl"), text.replace(" // kdsl-ignore no-latest-tag: pinned elsewhere", ""));
});

test.run();

// Fixes and findings in the layouts and cases testers reported: a declaration on one line or with
// `}` after its last member, tab indentation, a value inherited from a template in another file,
// one unused name among several in a suppression, SARIF URIs of unusual paths, and the
// single-replica summary. The fixture cases under test/lint/<rule>/fix-*.kdsl hold the goldens.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { memoryHost } from "../../compiler/src/host.ts";
import { lint } from "../../compiler/src/lint/index.ts";
import { fixProject } from "../../compiler/src/lint/fix.ts";
import { renderSarif, uriOf } from "../../compiler/src/lint/sarif.ts";
import { ruleById } from "../../compiler/src/lint/registry.ts";
import { format } from "../../compiler/src/format/index.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import type { Diagnostic } from "../../compiler/src/diagnostics/diagnostic.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

const host = (files: Record<string, string>) => memoryHost(files, stdlibFiles());
const buildErrors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === "error" && /^KD/.test(d.code)).map(renderPlain);
const SPREAD = new Set(["no-anti-affinity", "no-disruption-budget"]);

/** Applies the fixes of `rules` to a fixed point; checks the result builds, has nothing left to fix and is a fixed point. */
function fixed(files: Record<string, string>, entry: string, rules: ReadonlySet<string>): Map<string, string> {
  const r = fixProject(host(files), entry, {}, (d) => rules.has(d.code));
  assert.is(r.dropped, undefined);
  assert.ok(r.applied > 0, "some fix applied");
  assert.equal(buildErrors(r.result.diagnostics), [], "the fixed project builds");
  assert.equal(r.result.diagnostics.filter((d) => rules.has(d.code)).map(renderPlain), [], "nothing of these rules is left");
  const out = new Map(Object.entries(files));
  for (const [f, t] of r.files) out.set(f, t);
  const again = fixProject(host(Object.fromEntries(out)), entry, {}, (d) => rules.has(d.code));
  assert.is(again.applied, 0, "fixing again changes nothing");
  return out;
}

test("item 1: spreading fixes apply to a declaration on one line", () => {
  const text = 'app one\n\nservice y { image = "ghcr.io/x/y:1.0.0"; port http 80; replicas = 3 }\n';
  const out = fixed({ "p/app.kdsl": text }, "p", SPREAD).get("p/app.kdsl")!;
  assert.ok(out.includes('replicas = 3; avoid { "app.kubernetes.io/name" = "y" }'), out);
  assert.ok(out.includes("disruption { max-unavailable = 1 }"), out);
  assert.is(out.split("\n").length, text.split("\n").length, "the declaration stays on its line");
});

test("item 1: spreading fixes apply when `}` follows the last member, and the result is as `kdsl fmt` writes it", () => {
  const text = 'app two\n\nservice y {\n  image = "ghcr.io/x/y:1.0.0"\n  port http 80\n  replicas = 3 }\n';
  const out = fixed({ "p/app.kdsl": text }, "p", SPREAD).get("p/app.kdsl")!;
  assert.match(out, /\n  replicas = 3\n  (avoid|disruption) .*\n  (avoid|disruption) .*\n}\n$/);
  assert.is(format(out).text, out, "a formatting fixed point");
});

test("item 2: an inherited single replica is reported on the declaration, with a note at the template, and fixed there", () => {
  const tpl = "template base {\n  port http 8080\n  replicas = 1\n}\n";
  const app = 'app tpl\n\nservice api2 from base { image = "ghcr.io/example/api:1.0.0" }\n';
  const files = { "p/tpl.kdsl": tpl, "p/app.kdsl": app };
  const r = lint(host(files), "p", { only: ["single-replica"] });
  const [d, ...rest] = r.diagnostics;
  assert.equal(rest, []);
  assert.is(d!.code, "single-replica");
  assert.equal([d!.span.file, d!.span.line, d!.span.col], ["p/app.kdsl", 3, 9], "at the service's name");
  assert.equal(d!.related?.map((x) => [x.span.file, x.span.line, x.span.col, x.message]), [["p/tpl.kdsl", 3, 14, "`replicas = 1` is set in template `base`"]]);
  assert.ok(d!.fixes?.[0]!.edits.every((e) => e.span.file === "p/app.kdsl"), "the fix edits the declaration only");
  const out = fixed(files, "p", new Set(["single-replica"]));
  assert.is(out.get("p/tpl.kdsl"), tpl, "the template is unchanged");
  assert.is(out.get("p/app.kdsl"), 'app tpl\n\nservice api2 from base { image = "ghcr.io/example/api:1.0.0"; replicas = 2 }\n');
  // A suppression above the service now covers it.
  const suppressed = app.replace("service api2", "// kdsl-ignore single-replica: a singleton by design\nservice api2");
  assert.equal(lint(host({ ...files, "p/app.kdsl": suppressed }), "p").diagnostics.filter((x) => /single-replica|suppression/.test(x.code)).map(renderPlain), []);
});

test("item 3: each unused rule in a suppression is reported, and its fix removes just that name", () => {
  const text = 'app b\n\nservice b {\n  image = "ghcr.io/example/b:latest" // kdsl-ignore no-latest-tag, privileged-container: legacy\n  replicas = 2\n}\n';
  const r = lint(host({ "p/app.kdsl": text }), "p");
  const unused = r.diagnostics.filter((d) => d.code === "unused-suppression");
  assert.equal(unused.map((d) => [d.span.line, d.span.col, d.message]), [[4, 68, "`privileged-container` in this suppression suppresses nothing"]]);
  assert.not.ok(r.diagnostics.some((d) => d.code === "no-latest-tag"), "no-latest-tag is still suppressed");
  const out = fixed({ "p/app.kdsl": text }, "p", new Set(["unused-suppression"])).get("p/app.kdsl")!;
  assert.ok(out.includes('image = "ghcr.io/example/b:latest" // kdsl-ignore no-latest-tag: legacy\n'), out);
  // No name used: one finding for the comment, whose fix removes it whole.
  const none = text.replace(":latest", ":1.0.0");
  const d = lint(host({ "p/app.kdsl": none }), "p").diagnostics.filter((x) => x.code === "unused-suppression");
  assert.equal(d.map((x) => x.message), ["suppression of `no-latest-tag`, `privileged-container` suppresses nothing"]);
  assert.ok(fixed({ "p/app.kdsl": none }, "p", new Set(["unused-suppression"])).get("p/app.kdsl")!.includes('image = "ghcr.io/example/b:1.0.0"\n'));
  // The first name unused: it goes with the separator after it.
  const first = text.replace("no-latest-tag, privileged-container", "privileged-container, no-latest-tag");
  assert.ok(fixed({ "p/app.kdsl": first }, "p", new Set(["unused-suppression"])).get("p/app.kdsl")!.includes("// kdsl-ignore no-latest-tag: legacy\n"));
});

test("item 4: inserted members are indented like the declaration's members: tabs, or four spaces", () => {
  const tabs = 'app t\n\nservice t {\n\timage = "ghcr.io/x/t:1.0.0"\n\treplicas = 3\n}\n';
  assert.is(fixed({ "p/app.kdsl": tabs }, "p", SPREAD).get("p/app.kdsl"), 'app t\n\nservice t {\n\timage = "ghcr.io/x/t:1.0.0"\n\treplicas = 3\n\tavoid { "app.kubernetes.io/name" = "t" }\n\tdisruption { max-unavailable = 1 }\n}\n');
  const four = tabs.replace(/\t/g, "    ");
  assert.is(fixed({ "p/app.kdsl": four }, "p", SPREAD).get("p/app.kdsl"), 'app t\n\nservice t {\n    image = "ghcr.io/x/t:1.0.0"\n    replicas = 3\n    avoid { "app.kubernetes.io/name" = "t" }\n    disruption { max-unavailable = 1 }\n}\n');
  // No member on a line of its own: the file's indentation decides (tabs here).
  const mixed = tabs + '\nservice u { image = "ghcr.io/x/u:1.0.0"; replicas = 2\n}\n';
  const out = fixed({ "p/app.kdsl": mixed }, "p", new Set(["no-disruption-budget"])).get("p/app.kdsl")!;
  assert.ok(out.endsWith('service u { image = "ghcr.io/x/u:1.0.0"; replicas = 2\n\tdisruption { max-unavailable = 1 }\n}\n'), out);
});

test("item 4: a CRLF file gets CRLF line ends in what a fix inserts", () => {
  const crlf = 'app t\r\n\r\nservice t {\r\n  image = "ghcr.io/x/t:1.0.0"\r\n  replicas = 3\r\n}\r\n\r\nservice u {\r\n  image = "ghcr.io/x/u:1.0.0"\r\n  replicas = 2 }\r\n';
  const out = fixed({ "p/app.kdsl": crlf }, "p", new Set(["no-disruption-budget"])).get("p/app.kdsl")!;
  assert.not.match(out, /[^\r]\n/, "every line ends in CRLF");
  assert.is(out.match(/disruption \{ max-unavailable = 1 \}\r\n/g)?.length, 2, out);
});

test("item 5: SARIF artifact URIs percent-encode each path segment (`#`, `?`, `%`, spaces)", () => {
  assert.is(uriOf("sp ace#1/app.kdsl"), "sp%20ace%231/app.kdsl");
  assert.is(uriOf("a?b/100%/x.kdsl"), "a%3Fb/100%25/x.kdsl");
  assert.is(uriOf("../plain/ok-file_1.kdsl"), "../plain/ok-file_1.kdsl");
  const text = 'app sp\n\nservice t {\n  image = "ghcr.io/x/t:latest"\n}\n';
  const ds = lint(host({ "sp ace#1/app.kdsl": text }), "sp ace#1").diagnostics;
  const sarif = JSON.parse(renderSarif(ds, { version: "0.0.0" }));
  const uris = new Set(sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri));
  assert.equal([...uris], ["sp%20ace%231/app.kdsl"]);
});

test("item 7: single-replica's summary states the default minimum its options use", () => {
  const rule = ruleById("single-replica")!;
  assert.is(rule.options!.defaults.minReplicas, 2);
  assert.match(rule.summary, /\(two, by default\)/);
});

test.run();

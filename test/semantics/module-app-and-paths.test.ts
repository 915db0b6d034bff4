// Modules brought in with `use`: a module cannot declare `app` (the app is the project's, KD2010),
// and a quoted path is a project file, which starts with `./` or `../` (`use "std/web"` is KD2007,
// not the stdlib), as docs/language.md says.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, check } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

const run = (files: Record<string, string>) => check(memoryHost(files, stdlibFiles()), "app.kdsl").diagnostics;
const SERVICE = 'service s1 { image = "r.io/x/s1:1.0" }\n';

test("a module's `app` is reported where it is written, with the project's app beside it", () => {
  const ds = run({ "app.kdsl": `app a\nuse "./lib/mod"\n${SERVICE}`, "lib/mod.kdsl": 'app other { namespace = "ns-other" }\nservice s2 { image = "r.io/x/s2:1.0" }\n' });
  assert.equal(ds.map(renderPlain), ["lib/mod.kdsl:1:1: error[KD2010]: a module cannot declare `app`: the app is declared in the project's own files"]);
  const d = ds[0]!;
  assert.is(d.span.end - d.span.start, "app other".length);
  assert.equal(d.related?.map((r) => [r.span.file, r.span.line, r.message]), [["app.kdsl", 1, "the app is declared here"]]);
});

test("a module's `app` is not taken for a missing one: one diagnostic, saying where to move it", () => {
  const ds = run({ "app.kdsl": `use "./lib/mod"\n${SERVICE}`, "lib/mod.kdsl": 'app other { namespace = "ns-other" }\n' });
  assert.equal(ds.map(renderPlain), ["lib/mod.kdsl:1:1: error[KD2010]: a module cannot declare `app`: the app is declared in the project's own files"]);
  assert.match(ds[0]!.hints!.join(" "), /move it to app\.kdsl/);
});

test("a project without any `app` still gets the usual KD2010", () => {
  assert.equal(run({ "app.kdsl": `use "./lib/mod"\n${SERVICE}`, "lib/mod.kdsl": "template t for service { }\n" }).map(renderPlain), ["app.kdsl:1:1: error[KD2010]: no `app` declaration"]);
});

const STD_WEB = { "std/web.kdsl": 'template web for service { labels { from = "project" } }\n' };

test('`use "std/web"` is a quoted path without `./`: KD2007 with both ways to write it', () => {
  const ds = run({ "app.kdsl": `app a\nuse "std/web"\n${SERVICE}`, ...STD_WEB });
  assert.equal(ds.map(renderPlain), ['app.kdsl:2:5: error[KD2007]: cannot find module `"std/web"`']);
  assert.equal(ds[0]!.hints, ["the stdlib module is written without quotes: `use std/web`.", 'a quoted path is a file of the project and starts with `./` or `../`: `use "./std/web"`.']);
  assert.equal(ds[0]!.fixes?.map((f) => f.edits[0]!.newText), ["std/web", '"./std/web"']);
});

test('`use "./std/web"` is the project file and `use std/web` the stdlib, whichever exists', () => {
  const label = (use: string) => {
    const r = build(memoryHost({ "app.kdsl": `app a\n${use}\nservice s1 from web { image = "r.io/x/s1:1.0" }\n`, ...STD_WEB }, stdlibFiles()), "app.kdsl");
    assert.equal(r.diagnostics.map(renderPlain), []);
    const d = r.objects!.map((o) => o.object as any).find((o) => o.kind === "Deployment");
    return d.metadata.labels.from ?? "stdlib";
  };
  assert.is(label('use "./std/web"'), "project");
  assert.is(label("use std/web"), "stdlib");
});

test("a quoted path of another name keeps its message, with the quotes as written", () => {
  assert.equal(run({ "app.kdsl": `app a\nuse "common"\n${SERVICE}` }).map(renderPlain), ['app.kdsl:2:5: error[KD2007]: cannot find module `"common"`']);
});

test.run();

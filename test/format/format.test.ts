// Hand-written cases, one per layout rule: messy input → exact output. Every case also checks
// idempotence, comment preservation and tree equality (see helpers.ts).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { format } from "../../compiler/src/format/index.ts";
import { check } from "./helpers.ts";

const lines = (...ls: string[]) => ls.join("\n") + "\n";

test("indentation, spacing and one member per line", () => {
  check(`service  api   from web{image="a:1"\n      replicas   =3;port http 8080}`, lines("service api from web {", '  image = "a:1"', "  replicas = 3", "  port http 8080", "}"));
});

test("semicolons between members on separate lines go", () => {
  check("service a {\n  x = 1; y = 2;\n  z { q = 1 }\n}", lines("service a {", "  x = 1", "  y = 2", "  z { q = 1 }", "}"));
});

test("a one-line block of assignments stays on one line", () => {
  check("profile prod {a.b=1;c.d=2}", lines("profile prod { a.b = 1; c.d = 2 }"));
  check("service a {\n  resources {cpu=100m to 500m; memory=128Mi}\n}", lines("service a {", "  resources { cpu = 100m to 500m; memory = 128Mi }", "}"));
});

test("a one-line block that is too wide, or holds more than assignments, breaks", () => {
  const long = `service a { image = "${"x".repeat(60)}"; run = "${"y".repeat(30)}" }`;
  check(long, lines("service a {", `  image = "${"x".repeat(60)}"`, `  run = "${"y".repeat(30)}"`, "}"));
  check("service a { labels { t = 1 }; port http 80 }", lines("service a {", "  labels { t = 1 }", "  port http 80", "}"));
});

test("a block written over several lines stays broken", () => {
  check("service a {\n  labels {\n    t = 1 }\n}", lines("service a {", "  labels {", "    t = 1", "  }", "}"));
});

test("empty blocks", () => {
  check("service a {\n\n}\nservice b { canary {   } }", lines("service a {}", "", "service b {", "  canary {}", "}"));
});

test("exactly one blank line between top-level items", () => {
  check("app x\nservice a {}\n\n\n\nservice b {}", lines("app x", "", "service a {}", "", "service b {}"));
});

test("a run of use lines keeps the source's grouping", () => {
  check('app x\nuse std/web\nuse "./common"\n\n\nuse std / db', lines("app x", "", "use std/web", 'use "./common"', "", "use std/db"));
});

test("blank lines between members: kept, at most one, none at block edges", () => {
  check("service a {\n\n  x = 1\n\n\n\n  y = 2\n  z = 3\n\n}", lines("service a {", "  x = 1", "", "  y = 2", "  z = 3", "}"));
});

test("CRLF, trailing blanks and final newlines are normalised", () => {
  assert.is(format("app x   \r\n\r\n\r\nservice a {\r\n  x = 1   \r\n}\r\n\r\n\r\n").text, lines("app x", "", "service a {", "  x = 1", "}"));
  assert.is(format("app x").text, "app x\n");
});

test("lists: one line when they fit, else one item per line with trailing commas", () => {
  check("service a {\n  uses [\n    b,\n    c,\n  ]\n}", lines("service a {", "  uses [b, c]", "}"));
  const items = Array.from({ length: 8 }, (_, i) => `"item-number-${i}"`);
  check(`service a {\n  args = [${items.join(",")}]\n}`, lines("service a {", "  args = [", ...items.map((s) => `    ${s},`), "  ]", "}"));
});

test("nested lists break from the outside in", () => {
  const inner = `["${"a".repeat(40)}", "${"b".repeat(40)}"]`;
  check(`service a {\n  x = [${inner}, [1, 2]]\n}`, lines("service a {", "  x = [", `    ${inner},`, "    [1, 2],", "  ]", "}"));
});

test("a list in a call breaks inside the call", () => {
  const items = Array.from({ length: 6 }, (_, i) => `"argument-${i}-long-enough"`);
  check(`service a {\n  health { liveness = exec([${items.join(", ")}]) }\n}`, lines("service a {", "  health {", "    liveness = exec([", ...items.map((s) => `      ${s},`), "    ])", "  }", "}"));
});

test("only the last directive argument may break (the others must stay on the key's line)", () => {
  const items = Array.from({ length: 8 }, (_, i) => `service-number-${i}`);
  check(`service a {\n  uses [${items.join(", ")}]\n}`, lines("service a {", "  uses [", ...items.map((s) => `    ${s},`), "  ]", "}"));
  const wide = `x [${items.join(", ")}] 1`;
  check(`service a {\n  ${wide}\n}`, lines("service a {", `  ${wide}`, "}"));
});

test("strings, numbers and quantities are copied as written", () => {
  const s = String.raw`"tab\there ` + "${name}" + String.raw` \u{41} \" \\ \$x"`;
  check(`service a {\n  x = ${s}\n  n = 1.50\n  cpu = 0250m to 1.5\n  w = 10%\n}`, lines("service a {", `  x = ${s}`, "  n = 1.50", "  cpu = 0250m to 1.5", "  w = 10%", "}"));
});

test("quoted keys, dotted paths, refs and calls", () => {
  check(`service a {\n  labels { "app.kubernetes.io/tier" = "web" }\n  b . c = d . e\n  t = env( "X" , "Y" )\n}`, lines("service a {", '  labels { "app.kubernetes.io/tier" = "web" }', "  b.c = d.e", '  t = env("X", "Y")', "}"));
});

test("templates, from, arrow directives and field declarations", () => {
  check("template web   for service {port http 80->8080}", lines("template web for service {", "  port http 80 -> 8080", "}"));
  check("kind service {\n  labels : Map< LabelKey,LabelValue >\n  replicas:Int=1\n  run: String ?\n}", lines("kind service {", "  labels: Map<LabelKey, LabelValue>", "  replicas: Int = 1", "  run: String?", "}"));
});

test("a member named `to` after a value keeps its `;` (it would read as a range)", () => {
  check("service a { from = 1; to = 2\n}", lines("service a {", "  from = 1;", "  to = 2", "}"));
  check("service a { from = 1; to = 2 }", lines("service a { from = 1; to = 2 }"));
});

// ---- comments ---------------------------------------------------------------------------------

test("comments: leading, re-indented to the member", () => {
  check("service a {\n// about x\n        // more\n  x = 1\n}", lines("service a {", "  // about x", "  // more", "  x = 1", "}"));
});

test("comments: trailing, one space before", () => {
  check("service a {\n  x = 1      // why\n  y = [1, 2]// and\n}   // end", lines("service a {", "  x = 1 // why", "  y = [1, 2] // and", "} // end"));
});

test("comments: between members, with their blank lines", () => {
  check("service a {\n  x = 1\n\n\n  // y next\n\n  y = 2\n}", lines("service a {", "  x = 1", "", "  // y next", "", "  y = 2", "}"));
});

test("comments: inside a list, the list breaks and keeps them by their items", () => {
  check("service a {\n  uses [b, // first\n    // before c\n    c /* after c */, d\n    // last\n  ]\n}", lines("service a {", "  uses [", "    b, // first", "    // before c", "    c, /* after c */", "    d,", "    // last", "  ]", "}"));
});

test("comments: before a closing brace stay inside the block", () => {
  check("service a {\n  x = 1\n  // todo: more\n}\nservice b {\n// only this\n}", lines("service a {", "  x = 1", "  // todo: more", "}", "", "service b {", "  // only this", "}"));
});

test("comments: after an opening brace stay there", () => {
  check("service a {   // the api\n  x = 1\n}\nservice b { // empty\n}", lines("service a { // the api", "  x = 1", "}", "", "service b { // empty", "}"));
});

test("comments: at the start and at the end of the file", () => {
  check("// header\n\n\n// more\napp x\n// end\n\n\n// really the end\n", lines("// header", "", "// more", "app x", "", "// end", "", "// really the end"));
});

test("comments: doc comments stay directly above their item", () => {
  check("/// The api.\n\n\n/// Second line.\n\nservice a {\n  /// A field.\n\n  replicas: Int\n}", lines("/// The api.", "/// Second line.", "service a {", "  /// A field.", "  replicas: Int", "}"));
});

test("comments: block comments are kept verbatim", () => {
  const block = "/* one\n     *  two   \n   three */";
  check(`service a {\n      ${block}\n  x = 1 /* inline */\n}`, lines("service a {", "  /* one\n     *  two\n   three */", "  x = 1 /* inline */", "}"));
});

test("comments: inside expressions and headers move to the line above, docs stay attached", () => {
  check('service a {\n  t = env( /* name */ "X")\n  port http /* p */ 80\n}', lines("service a {", "  /* name */", '  t = env("X")', "  /* p */", "  port http 80", "}"));
  check("/// Doc.\nservice /* odd */ a from web // here\n{\n  x = 1\n}", lines("/* odd */", "// here", "/// Doc.", "service a from web {", "  x = 1", "}"));
});

test("comments: one-line blocks with comments break", () => {
  check("service a { x = 1 /* c */; y = 2 }", lines("service a {", "  x = 1 /* c */", "  y = 2", "}"));
});

// ---- refusal ----------------------------------------------------------------------------------

test("input with syntax errors is refused, with the parser's diagnostics", () => {
  for (const bad of ["service a {\n  x = \n}", 'service a { x = "open }', "service a {", "app x\n@", ""]) {
    const r = format(bad, "bad.kdsl");
    assert.is(r.text, undefined, JSON.stringify(bad));
    assert.ok(r.diagnostics.some((d) => d.severity === "error"), JSON.stringify(bad));
    assert.ok(r.diagnostics.every((d) => d.span.file === "bad.kdsl"));
  }
});

test.run();

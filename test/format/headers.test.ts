// Item headers: template parameters and `from (...)` arguments. Their comments stay in the list
// (a `///` above a parameter stays that parameter's doc), and the lists follow the width rule of
// other lists: on the header's line when they fit and hold no comment, else one entry per line.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { format } from "../../compiler/src/format/index.ts";
import { parse } from "../../compiler/src/syntax/parse.ts";
import { lex } from "../../compiler/src/syntax/lexer.ts";
import type { Decl, TemplateDecl } from "../../compiler/src/syntax/ast.ts";
import { check, checkProperties, parses } from "./helpers.ts";

const lines = (...ls: string[]) => ls.join("\n") + "\n";

const DOCUMENTED = `/// An HTTP template.
template web2(
  /// The port to listen on.
  port: Int = 8080,
) for service { port http port }
service s1 from web2(
  /// why 9000
  port = 9000
) { image = "r.io/x/s1:1.0" }
`;

test("comments on parameters and arguments stay above them", () => {
  check(
    DOCUMENTED,
    lines(
      "/// An HTTP template.",
      "template web2(",
      "  /// The port to listen on.",
      "  port: Int = 8080,",
      ") for service {",
      "  port http port",
      "}",
      "",
      "service s1 from web2(",
      "  /// why 9000",
      "  port = 9000,",
      ') { image = "r.io/x/s1:1.0" }',
    ),
  );
});

test("a parameter's doc stays the parameter's, the template's stays the template's", () => {
  const out = format(DOCUMENTED, "x.kdsl").text!;
  for (const text of [DOCUMENTED, out]) {
    const [t, s] = parse("x.kdsl", text).ast.items as [TemplateDecl, Decl];
    assert.is(t.doc, "An HTTP template.");
    assert.is(t.params![0]!.doc, "The port to listen on.");
    assert.is(s.doc, undefined);
  }
});

test("trailing, leading and dangling comments, and comments inside a value", () => {
  check(
    "template t(a: Int = 1, // one\n  // before b\n  b: List<Int> = [1, /* two */ 2]\n  // last\n) for job { x = a }",
    lines("template t(", "  a: Int = 1, // one", "  // before b", "  b: List<Int> = [", "    1, /* two */", "    2,", "  ],", "  // last", ") for job { x = a }"),
  );
  check("service s from web(/* c */) {}", lines("service s from web(", "  /* c */", ") {}"));
  check("service s from web(port = /* c */ 1) {}", lines("service s from web(", "  /* c */", "  port = 1,", ") {}"));
  // Comments between the header's words (outside the parentheses) still move above the item.
  check("/// Doc.\nservice s /* a */ from web(port = 1) /* b */ {}", lines("/* a */", "/* b */", "/// Doc.", "service s from web(port = 1) {}"));
});

test("long headers break their lists one entry per line; short ones join", () => {
  const params = ["first-parameter-name: Int = 8080", 'second-parameter-name: String = "some long default"', "third: Int = 3", 'fourth: String = "another fairly long default value"', "fifth: Int = 5", 'sixth: String = "sixth"'];
  check(`template big(${params.join(", ")}) for service { port http third }`, lines("template big(", ...params.map((p) => `  ${p},`), ") for service {", "  port http third", "}"));
  check("template t(\n  a: Int = 1,\n  b: Int = 2,\n) for job {\n  x = a\n}", lines("template t(a: Int = 1, b: Int = 2) for job {", "  x = a", "}"));
  const args = ['image-repository = "registry.example.com/some/long/path"', "port = 8080", 'health-path = "/healthz/ready"'];
  check(`service s from web(${args.join(", ")}) {\n  replicas = 2\n}`, lines("service s from web(", ...args.map((a) => `  ${a},`), ") {", "  replicas = 2", "}"));
  // Exactly at the width: kept on one line (100 columns with ` {`).
  const fill = "x".repeat(100 - "service s from web(p = 1) {".length);
  check(`service s from web${fill}(p = 1) {\n  x = 1\n}`, lines(`service s from web${fill}(p = 1) {`, "  x = 1", "}"));
  check(`service s from web${fill}x(p = 1) {\n  x = 1\n}`, lines(`service s from web${fill}x(`, "  p = 1,", ") {", "  x = 1", "}"));
  // An empty list never breaks.
  check(`service s from web${fill}xxxxxxxx() {\n  x = 1\n}`, lines(`service s from web${fill}xxxxxxxx() {`, "  x = 1", "}"));
});

test("a template with both lists breaks the first, then the second if still too long", () => {
  const p = 'parameter-one: String = "a value that is long enough"';
  const a = 'argument-one = "another value that is long enough to matter here"';
  check(`template t(${p}) from base(${a}) for service { x = 1 }`, lines("template t(", `  ${p},`, `) from base(${a}) for service { x = 1 }`));
  const a2 = a + ', argument-two = "and more text to pass the width"';
  check(`template t(${p}) from base(${a2}) for service { x = 1 }`, lines("template t(", `  ${p},`, ") from base(", `  ${a},`, '  argument-two = "and more text to pass the width",', ") for service { x = 1 }"));
});

test("a comment at any token boundary of a header is kept, and formatting is stable", () => {
  const texts = [
    DOCUMENTED,
    "template t(a: Int = 1, b: String) from base(x = a, y = [1, 2]) for job { x = a }\nservice s from t(a = 2, b = \"q\") {}\n",
    "template u() from t() for job {}\n",
  ];
  let tried = 0;
  for (const text of texts) {
    let prev = "";
    for (const t of lex("x.kdsl", text).tokens) {
      // A `///` between the words of a header or of an entry is hoisted above it and joins the doc
      // there (as for members); one between the entries of a list must stay where it is.
      const between = prev === "(" || prev === "," || t.image === ")";
      prev = t.image;
      for (const comment of between ? ["/* z */", "// z\n", "/// z\n", "/* z\n   w */"] : ["/* z */", "// z\n", "/* z\n   w */"]) {
        const input = text.slice(0, t.startOffset) + comment + " " + text.slice(t.startOffset);
        if (!parses(input)) continue;
        checkProperties(input, `${JSON.stringify(comment)} at ${t.startOffset} of ${JSON.stringify(text.slice(0, 30))}`);
        tried++;
      }
    }
  }
  assert.ok(tried > 200, `only ${tried} variants parsed`);
});

test.run();

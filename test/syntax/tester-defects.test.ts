// Defects found by testing, each checked through both parsers: quoted keys are never interpolated
// (a `${` in one is KD1011, its text kept in order), surrogate escapes are KD1010, template
// parameters keep their `///` doc, and `use std/web.kdsl` or a `;` between declarations get one
// message that says what is wrong instead of "expected EOF" and a cascade.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "../../compiler/src/syntax/parse.ts";
import { parseWithRecovery } from "../../compiler/src/syntax/recovery.ts";
import { parseWellFormed } from "../../compiler/src/syntax/fast-parser.ts";
import { checkGrammar } from "../../compiler/src/syntax/parser.ts";
import { decodeKey, decodeString } from "../../compiler/src/syntax/strings.ts";
import { fileStart } from "../../compiler/src/syntax/span.ts";
import type { Decl, Nested, TemplateDecl, UseDecl } from "../../compiler/src/syntax/ast.ts";

const span = { ...fileStart("a.kdsl"), end: 40, endCol: 41 };

/** `code line:col message` for each diagnostic of parse() (the fast parser, then chevrotain's). */
function errors(text: string): string[] {
  return parse("x.kdsl", text).diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.col} ${d.message}`);
}

/** A file with an error: the fast parser gives up, and parse() gives chevrotain's answer. */
function slowOnly(text: string) {
  assert.is(parseWellFormed("x.kdsl", text), undefined, `the fast parser must give up on ${JSON.stringify(text)}`);
  return parseWithRecovery("x.kdsl", text);
}

test("a string's text keeps its parts in order, with or without a span", () => {
  for (const image of ['"a.${name}.b"', '"k.${app}"', '"x/${ name }"', '"a\\n${x}b${y.z}c"', '"p${not a name}q"']) {
    const body = image.slice(1, -1).replace("\\n", "\n");
    assert.is(decodeString(image).text, body, image);
    assert.is(decodeString(image, span).text, body, image);
  }
  assert.equal(decodeString('"a.${name}.b"', span).parts.map((p) => (typeof p === "string" ? p : "<ref>")), ["a.", "<ref>", ".b"]);
});

test("a `${` in a quoted key is KD1011 at the `${`, the key's text kept as written", () => {
  const k = decodeKey('"a.${name}.b"', span);
  assert.is(k.text, "a.${name}.b");
  assert.equal(k.diagnostics.map((d) => `${d.code}@${d.span.col}`), ["KD1011@4"]);
  const escaped = decodeKey('"a\\${x}"', span);
  assert.equal([escaped.text, escaped.diagnostics], ["a${x}", []], "an escaped `\\${` is a literal");
  assert.equal(decodeKey('"app.kubernetes.io/tier"', span).diagnostics, []);
  assert.equal(decodeKey('"a\\qb"', span).diagnostics.map((d) => d.code), ["KD1010"], "a bad escape in a key is reported too");

  const text = 'app a\nconfig c { "a.${name}.b" = 1 }\nservice s {\n  labels { "ex.com/${name}" = "v" }\n  env { "X_${name}" = "v" }\n  k8s.pod { nodeSelector { "x/${name}" = "a" } }\n  x = creds."k${y}"\n}\n';
  const r = slowOnly(text);
  assert.equal(
    r.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.col}-${d.span.endCol} ${d.message}`),
    ["KD1011 2:15-17", "KD1011 4:20-22", "KD1011 5:12-14", "KD1011 6:31-33", "KD1011 7:15-17"].map((s) => s + " interpolation is not allowed in a key"),
  );
  const [, c, s] = r.ast.items as [unknown, Decl, Decl];
  assert.is((c.body!.members[0] as Nested).path[0]!.text, "a.${name}.b");
  assert.is(((s.body!.members[0] as Nested).body.members[0] as Nested).path[0]!.text, "ex.com/${name}");
});

test("surrogate escapes are KD1010 like escapes past U+10FFFF; the scalar values around them are fine", () => {
  const d = decodeString('"\\u{D800}-\\u{dfff}-\\u{110000}"', span).diagnostics;
  assert.equal(
    d.map((x) => `${x.code}@${x.span.col}-${x.span.endCol}`),
    ["KD1010@2-10", "KD1010@11-19", "KD1010@20-22"],
  );
  assert.match(d[0]!.message, "surrogate");
  assert.equal(decodeString('"\\u{D7FF}\\u{E000}\\u{10FFFF}"', span), { parts: ["\u{D7FF}\u{E000}\u{10FFFF}"], text: "\u{D7FF}\u{E000}\u{10FFFF}", diagnostics: [] });
  slowOnly('app a\nservice s { run = "\\u{D800}" }\n');
  assert.equal(errors('app a\nservice s { run = "\\u{D800}" }\n'), ["KD1010 2:20 invalid escape `\\u{D800}`: U+D800 to U+DFFF are surrogates, not characters"]);
});

test("\\u{...} takes 1 to 6 hex digits only: a sign or junk in the braces is KD1010, never a crash", () => {
  for (const bad of ["\\u{-1}", "\\u{41zz}", "\\u{ 41}", "\\u{+41}", "\\u{}", "\\u{0000041}"]) {
    const d = decodeString(`"${bad}"`, span).diagnostics;
    assert.equal(d.map((x) => x.code), ["KD1010"], bad);
  }
  assert.equal(errors('app a\nservice s { run = "\\u{-1}" }\n').map((e) => e.split(" ")[0]), ["KD1010"]);
});

test("`use std/web.kdsl`: one error, the path kept, the next declaration read", () => {
  const text = "app a\nuse std/web.kdsl\nservice x from web {\n  image = \"a/b:1\"\n}\n";
  const r = slowOnly(text);
  assert.equal(r.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.col}-${d.span.endCol} ${d.message}`), ["KD1004 2:12-17 a module path is written without `.kdsl`"]);
  assert.equal(r.diagnostics[0]!.hints, ['write `use std/web`, or quote a file\'s path: `use "./x.kdsl"`.']);
  assert.equal(r.ast.items.map((i) => i.kind), ["App", "Use", "Decl"]);
  assert.is((r.ast.items[1] as UseDecl).path, "std/web");
});

test("a `;` between declarations: one error that says so, every declaration read", () => {
  const text = "app f3; template t for service { replicas = 2 };\nservice x from t {\n  image = \"a/b:1\"\n}\n";
  const r = slowOnly(text);
  assert.equal(
    r.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.col} ${d.message}`),
    ["KD1004 1:7 declarations are separated by new lines, not `;`", "KD1004 1:48 declarations are separated by new lines, not `;`"],
  );
  assert.equal(r.ast.items.map((i) => i.kind), ["App", "Template", "Decl"]);
  assert.equal(r.diagnostics[0]!.fixes?.[0]?.edits, [{ span: r.diagnostics[0]!.span, newText: "" }]);
});

test("a template parameter's `///` is its doc, in both parsers; the grammar stays unambiguous", () => {
  const text = "/// The template.\ntemplate web(\n  /// The port.\n  /// Second line.\n  port: Int = 80,\n  // not a doc\n  path: String,\n) for service { x = port }\n";
  const fast = parseWellFormed("x.kdsl", text)!;
  const slow = parseWithRecovery("x.kdsl", text);
  assert.equal(slow.diagnostics, []);
  assert.is(JSON.stringify(fast), JSON.stringify(slow.ast));
  const t = fast.items[0] as TemplateDecl;
  assert.is(t.doc, "The template.");
  assert.equal(t.params!.map((p) => p.doc), ["The port.\nSecond line.", undefined]);
  checkGrammar();
});

test.run();

// String literal decoding: escapes, interpolations, and the plain fast path giving the same
// results as the general one.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { decodeString } from "../../compiler/src/syntax/strings.ts";
import { fileStart } from "../../compiler/src/syntax/span.ts";

const span = { ...fileStart("a.kdsl"), end: 40, endCol: 41 };
const shape = (image: string) => {
  const d = decodeString(image, span);
  return { parts: d.parts.map((p) => (typeof p === "string" ? p : `<${p.kind === "Ref" ? p.path.map((n) => n.text).join(".") : p.kind}@${p.span.col}>`)), text: d.text, codes: d.diagnostics.map((x) => `${x.code}@${x.span.col}`) };
};

test("plain strings are their body", () => {
  assert.equal(shape('"registry.example.com/shop/cart:1.4.2"'), { parts: ["registry.example.com/shop/cart:1.4.2"], text: "registry.example.com/shop/cart:1.4.2", codes: [] });
  assert.equal(shape('""'), { parts: [""], text: "", codes: [] });
  assert.equal(shape('"cost: $5"'), { parts: ["cost: $5"], text: "cost: $5", codes: [] });
});

test("escapes, long runs around them", () => {
  assert.equal(shape('"line one of a longer text\\nline two\\t\\"q\\" \\\\ \\$ \\u{1F600}"'), { parts: ['line one of a longer text\nline two\t"q" \\ $ \u{1F600}'], text: 'line one of a longer text\nline two\t"q" \\ $ \u{1F600}', codes: [] });
  assert.equal(shape('"bad \\q escape"').codes, ["KD1010@6"]);
});

test("interpolations split the parts and point into the string", () => {
  assert.equal(shape('"http://${db.host}:${port}/x"'), { parts: ["http://", "<db.host@11>", ":", "<port@22>", "/x"], text: "http://${db.host}:${port}/x", codes: [] });
  assert.equal(shape('"${ name }-suffix"').parts, ["<name@5>", "-suffix"]);
  assert.equal(shape('"open ${name"').codes, ["KD1011@7"]);
  assert.equal(shape('"${not a name}"').codes, ["KD1011@2"]);
  assert.equal(shape('"unterminated'), { parts: ["unterminated"], text: "unterminated", codes: [] });
});

test.run();

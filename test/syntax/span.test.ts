// positionAt uses a cached line index; it must agree with the plain definition (count the line
// breaks before the offset) everywhere, including offsets at and past the end of the text.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lineIndex, positionAt, spanAt, spanCovering, TreeSpan } from "../../compiler/src/syntax/span.ts";
import { parse } from "../../compiler/src/syntax/parse.ts";

function reference(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

test("positionAt agrees with counting line breaks", () => {
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pieces = ["a", "bc", "\n", "\r\n", "\n\n", " ", "é"];
  for (let k = 0; k < 300; k++) {
    let text = "";
    for (let n = Math.floor(rand() * 20); n > 0; n--) text += pieces[Math.floor(rand() * pieces.length)];
    for (let o = 0; o <= text.length + 2; o++) assert.equal(positionAt(text, o), reference(text, o), `${JSON.stringify(text)} @${o}`);
  }
});

test("a TreeSpan reads the same lines and columns as a span computed from the text", () => {
  const text = "app a\n\nservice web {\r\n  image = \"x:1\"\n}\n";
  const index = lineIndex("a.kdsl", text);
  for (let start = 0; start <= text.length; start++) {
    for (let end = start; end <= text.length; end++) {
      const tree = new TreeSpan(index, start, end);
      assert.equal(tree.toJSON(), spanAt("a.kdsl", text, start, end), `${start}..${end}`);
    }
  }
  const a = new TreeSpan(index, 7, 14);
  const b = new TreeSpan(index, 20, 25);
  assert.ok(spanCovering(a, b) instanceof TreeSpan);
  assert.equal((spanCovering(a, b) as TreeSpan).toJSON(), spanAt("a.kdsl", text, 7, 25));
});

test("every span of a parsed tree is where the text says", () => {
  const text = "app shop\n\n/// the web tier\nservice web from std-web {\n  image = \"ghcr.io/x/web:${version}\"\n  env { A = db.url }\n  resources { cpu = 100m to 500m }\n}\n";
  const { ast } = parse("a.kdsl", text);
  let checked = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== "object") return;
    const node = v as Record<string, unknown>;
    if (node.span instanceof TreeSpan) {
      assert.equal(node.span.toJSON(), spanAt("a.kdsl", text, node.span.start, node.span.end));
      checked++;
    }
    for (const [k, x] of Object.entries(node)) if (k !== "span") walk(x);
  };
  walk(ast.items);
  assert.is(ast.items.length, 2);
  assert.ok(checked > 20, `only ${checked} tree spans checked`);
});

test.run();

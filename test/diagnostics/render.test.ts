// Code frames: the caret sits under the span, also on a line too long to show whole.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderPretty } from "../../compiler/src/diagnostics/render.ts";
import { diag } from "../../compiler/src/diagnostics/catalogue.ts";
import { spanAt } from "../../compiler/src/syntax/span.ts";

/** The excerpt and caret lines of the frame for `bad` found in `text`. */
function frame(text: string, bad: string): { excerpt: string; caret: string } {
  const at = text.indexOf(bad);
  const out = renderPretty(diag("KD2004", spanAt("app.kdsl", text, at, at + bad.length), "no such field"), text).split("\n");
  const i = out.findIndex((l) => /^\d+ \| /.test(l));
  return { excerpt: out[i]!.replace(/^\d+ \| /, ""), caret: out[i + 1]!.replace(/^\s+\| /, "") };
}

/** What the caret line underlines, read off the excerpt. */
const underlined = (f: { excerpt: string; caret: string }) => f.excerpt.slice(f.caret.indexOf("^"), f.caret.lastIndexOf("^") + 1);

test("a short line is shown whole, the caret under the span", () => {
  const f = frame('app shop\nservice api { imag = "x" }\n', "imag");
  assert.is(f.excerpt, 'service api { imag = "x" }');
  assert.is(underlined(f), "imag");
});

test("a long line is cut around the span: the caret stays under it, `…` marks the cuts", () => {
  const members = Array.from({ length: 40 }, (_, i) => `k${i} = "v"`).join("; ");
  const line = `service api { ${members}; imag = "x"; ${members} }`;
  const f = frame(`app shop\n${line}\n`, "imag");
  assert.ok(f.excerpt.startsWith("…") && f.excerpt.endsWith("…"), f.excerpt);
  assert.ok(f.excerpt.length <= 162, `${f.excerpt.length} characters`);
  assert.is(underlined(f), "imag");
  // Near the start of a long line: cut only at the end.
  const early = frame(`app shop\nservice api { imag = "x"; ${members} }\n`, "imag");
  assert.ok(!early.excerpt.startsWith("…") && early.excerpt.endsWith("…"), early.excerpt);
  assert.is(underlined(early), "imag");
  // Near the end of a long line: cut only at the start.
  const late = frame(`app shop\nservice api { ${members}; imag = "x" }\n`, "imag");
  assert.ok(late.excerpt.startsWith("…") && !late.excerpt.endsWith("…"), late.excerpt);
  assert.is(underlined(late), "imag");
});

test.run();

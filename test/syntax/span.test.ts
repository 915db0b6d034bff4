// positionAt uses a cached line index; it must agree with the plain definition (count the line
// breaks before the offset) everywhere, including offsets at and past the end of the text.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { positionAt } from "../../compiler/src/syntax/span.ts";

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

test.run();

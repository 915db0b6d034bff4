// "Did you mean": the bounded search must pick what the plain edit-distance search picks (the
// first closest candidate within a third of the name's length), only faster.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { editDistance, suggest } from "../../compiler/src/semantics/suggest.ts";

/** The unbounded search, as suggest() was written first. */
function reference(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const limit = Math.max(1, Math.floor(name.length / 3));
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d <= limit && d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  return best;
}

test("edit distance", () => {
  assert.is(editDistance("kitten", "sitting"), 3);
  assert.is(editDistance("", "abc"), 3);
  assert.is(editDistance("same", "same"), 0);
});

test("the bounded search picks what the plain one picks", () => {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const word = () => Array.from({ length: 1 + rand(12) }, () => "abcde-"[rand(6)]).join("");
  for (let round = 0; round < 2000; round++) {
    const candidates = Array.from({ length: rand(8) }, word);
    const name = rand(3) === 0 && candidates.length > 0 ? candidates[rand(candidates.length)]!.toUpperCase() : word();
    assert.is(suggest(name, candidates), reference(name, candidates), `${name} among ${candidates.join(", ")}`);
  }
});

test.run();

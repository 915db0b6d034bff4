// Shared checks for formatter tests: the three properties every formatted file must have
// (idempotent, no comment lost, same syntax tree ignoring spans) plus the layout basics.
import * as assert from "uvu/assert";
import { format, normalizeComment } from "../../compiler/src/format/index.ts";
import { parse } from "../../compiler/src/syntax/parse.ts";
import { hasErrors } from "../../compiler/src/diagnostics/diagnostic.ts";

/** A copy of a tree without positions: what "the same meaning" compares. */
export function stripSpans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripSpans);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "span" || k === "pathSpan" || k === "comments" || v === undefined) continue;
    out[k] = stripSpans(v);
  }
  return out;
}

function commentTexts(text: string): string[] {
  return parse("x.kdsl", text).ast.comments.map(normalizeComment).sort();
}

/** Whether the text parses without errors (corpus files that do not are skipped). */
export function parses(text: string): boolean {
  return !hasErrors(parse("x.kdsl", text).diagnostics);
}

/** Formats `input` and asserts every property; returns the output. */
export function checkProperties(input: string, where = "input"): string {
  const r = format(input, "x.kdsl");
  assert.ok(r.text !== undefined, `${where}: refused: ${r.diagnostics.map((d) => d.message).join("; ")}`);
  const out = r.text!;
  const again = format(out, "x.kdsl");
  assert.is(again.text, out, `${where}: not idempotent`);
  assert.equal(commentTexts(out), commentTexts(input), `${where}: comments changed`);
  const before = stripSpans(parse("x.kdsl", input).ast);
  const after = stripSpans(parse("x.kdsl", out).ast);
  assert.equal(after, before, `${where}: syntax tree changed`);
  assert.ok(out.endsWith("\n") && !out.endsWith("\n\n"), `${where}: must end with exactly one newline`);
  assert.not.ok(/[ \t]$/m.test(out), `${where}: trailing whitespace`);
  assert.not.ok(out.includes("\r"), `${where}: CR in output`);
  return out;
}

/** Messy input → exact expected output, plus the properties. */
export function check(input: string, expected: string): void {
  const out = checkProperties(input);
  assert.fixture(out, expected);
}

import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "../../compiler/src/syntax/parse.ts";
import { checkGrammar } from "../../compiler/src/syntax/parser.ts";

test("parses an app line", () => {
  const r = parse("a.kdsl", "app numbers\n");
  assert.is(r.diagnostics.length, 0);
  assert.is(r.ast.items[0]?.kind, "App");
});

test("the grammar passes chevrotain's validations (skipped at run time for start-up speed)", () => {
  checkGrammar();
});

test.run();

// The explanation page of every diagnostic code, as markdown: what it means, a minimal bad
// example, the fix and a good example. `kdsl explain CODE` prints one; docs/diagnostics.md is
// generated from all of them (test/diagnostics/docs.test.ts), and a test compiles each example.
import { SYNTAX_PAGES } from "./explanations/syntax.ts";
import { NAME_PAGES } from "./explanations/names.ts";
import { TYPE_PAGES } from "./explanations/types.ts";
import { OUTPUT_PAGES } from "./explanations/output.ts";
import { RELEASE_PAGES } from "./explanations/release.ts";
import { LINT_PAGES } from "./explanations/lint.ts";
import { EXPRESSION_PAGES } from "./explanations/expressions.ts";
import { WORKLOAD_PAGES } from "./explanations/workloads.ts";
import { RUNTIME_PAGES } from "./explanations/runtime.ts";

export const EXPLANATIONS: Readonly<Record<string, string>> = { ...SYNTAX_PAGES, ...NAME_PAGES, ...TYPE_PAGES, ...OUTPUT_PAGES, ...RELEASE_PAGES, ...LINT_PAGES, ...EXPRESSION_PAGES, ...WORKLOAD_PAGES, ...RUNTIME_PAGES };

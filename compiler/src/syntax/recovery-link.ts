// How parse() reaches chevrotain's parser (recovery.ts) for a file the fast parser gave up on.
// In the library and the tests that is recovery-default.ts, which imports it, so chevrotain loads
// with the compiler. The CLI's bundles replace recovery-default.ts with an empty one
// (scripts/build.mjs), and the CLI loads recovery.ts when a file first needs it
// (cli/src/recovery.ts: NeedsRecoveryParser, then setRecoveryParser and the same call again):
// a well-formed project never sets chevrotain up, ~17 ms of a small build.
import type { ParseResult } from "./parse-result.ts";
import { defaultRecovery } from "./recovery-default.ts";

export type RecoveryParser = (file: string, text: string) => ParseResult;

/** Thrown by parse() when a file needs chevrotain's parser and it is not loaded: load it, call again. */
export class NeedsRecoveryParser extends Error {
  constructor() {
    super("this file needs chevrotain's parser, which is not loaded (setRecoveryParser)");
  }
}

let parser: RecoveryParser | undefined = defaultRecovery;

export function setRecoveryParser(p: RecoveryParser): void {
  parser = p;
}

export function recover(file: string, text: string): ParseResult {
  if (parser === undefined) throw new NeedsRecoveryParser();
  return parser(file, text);
}

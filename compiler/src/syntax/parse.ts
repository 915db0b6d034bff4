// The front end's entry point: text → SourceFile + diagnostics. A file is first parsed by the
// fast parser for well-formed input (fast-parser.ts); one it gives up on (any lexical or syntax
// error) is parsed by chevrotain with error recovery (recovery.ts, through recovery-link.ts),
// which reports every syntax error it can.
import { fileStart } from "./span.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { parseWellFormed } from "./fast-parser.ts";
import { recover } from "./recovery-link.ts";
import { MAX_DEPTH, MAX_FILE_BYTES } from "./limits.ts";
import { emptyFile, type ParseResult } from "./parse-result.ts";

export { MAX_DEPTH, MAX_FILE_BYTES };
export type { ParseResult };

export function parse(file: string, text: string): ParseResult {
  if (text.length > MAX_FILE_BYTES) {
    return {
      ast: emptyFile(file),
      diagnostics: [diag("KD1007", fileStart(file), `file is ${(text.length / 1048576).toFixed(1)} MiB, more than the ${MAX_FILE_BYTES / 1048576} MiB a .kdsl file may be`, { hints: ["split the app into several files in one directory."] })],
    };
  }
  const ast = parseWellFormed(file, text);
  return ast ? { ast, diagnostics: [] } : recover(file, text);
}

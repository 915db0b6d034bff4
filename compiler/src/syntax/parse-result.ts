// What parsing a file gives, whichever parser did it.
import type { SourceFile, Comment } from "./ast.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { fileStart } from "./span.ts";

export interface ParseResult {
  readonly ast: SourceFile;
  readonly diagnostics: readonly Diagnostic[];
}

export function emptyFile(file: string, comments: Comment[] = []): SourceFile {
  return { kind: "SourceFile", file, items: [], comments, span: fileStart(file) };
}

// The compiler library: everything other packages may use. Keep this list deliberate.
export { check, build, buildOutput, formatProject, type BuildOptions, type BuildOutput, type BuildResult, type CheckResult, type FormattedSource } from "./api.ts";
export { lint, RULES, ruleById, CONFIG_FILE, parseLintConfig, lintSchema, type LintOptions, type LintResult, type LintConfig, type Rule, type AnyRule } from "./lint/index.ts";
export { fixProject, type FixResult } from "./lint/fix.ts";
export { renderSarif, renderGithub, type SarifOptions } from "./lint/sarif.ts";
export { ruleMarkdown } from "./lint/docs.ts";
export { parse } from "./syntax/parse.ts";
export { NeedsRecoveryParser, setRecoveryParser, type RecoveryParser } from "./syntax/recovery-link.ts";
export { format } from "./format/index.ts";
export type { BytesResult, Host, ReadError, ReadResult } from "./host.ts";
export { memoryHost, readFailure } from "./host.ts";
export type { Diagnostic, Severity, Fix, TextEdit } from "./diagnostics/diagnostic.ts";
export { hasErrors, sortDiagnostics } from "./diagnostics/diagnostic.ts";
export { CATALOGUE, explain } from "./diagnostics/catalogue.ts";
export { renderPretty, renderPlain, renderJson, ANSI_COLORS, NO_COLORS } from "./diagnostics/render.ts";
export { decodeSource } from "./syntax/decode.ts";
export type { Span } from "./syntax/span.ts";
export type * as IR from "./ir/model.ts";
export const VERSION = "0.1.0";

// `kdsl lint <paths...> [--fix] [--format pretty|json|sarif|github] [--max-warnings N] [--list-rules]`
// Each path is a project entry as `kdsl build` takes it (a directory of .kdsl files, or one file).
// Exit: 0 clean (or only notes, or warnings within --max-warnings), 1 errors or too many warnings,
// 2 usage or I/O problems, including an invalid kdsl.json (the lint did not run as configured).
import path from "node:path";
import { RULES, fixProject, lint, renderGithub, renderSarif, ruleMarkdown, VERSION, type Diagnostic, type LintResult } from "@kdsl/compiler";
import { fsHost, withDecodeErrors } from "../fs-host.ts";
import { printDiagnostics, writeAtomic } from "../output.ts";
import { UsageError } from "../errors.ts";
import { profilesOf, type Flags } from "../flags.ts";
import { withRecoveryParser } from "../recovery.ts";

export async function run(flags: Flags): Promise<number> {
  if (flags.listRules) return listRules(flags);
  const entries = [...new Set(flags.positionals)];
  if (entries.length === 0) throw new UsageError("lint takes one or more files or directories: kdsl lint <path...>");
  const profiles = profilesOf(flags);
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  let configError = false;
  let fixed = 0;
  const fixedFiles = new Set<string>();
  for (const entry of entries) {
    const host = fsHost();
    let result: LintResult;
    if (flags.fix) {
      const f = await withRecoveryParser(() => fixProject(host, entry, { profiles }));
      result = f.result;
      for (const [file, text] of f.files) {
        try {
          writeAtomic(file, text);
        } catch (e) {
          throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
        }
        fixedFiles.add(file);
      }
      fixed += f.applied;
      if (f.dropped) process.stderr.write(`kdsl: ${f.dropped}\n`);
    } else result = await withRecoveryParser(() => lint(host, entry, { profiles }));
    if (result.fatal) throw new UsageError(result.fatal);
    configError ||= result.configError;
    const withDecode = withDecodeErrors(host, result.diagnostics, result.texts);
    diagnostics.push(...withDecode.diagnostics);
    for (const [k, v] of withDecode.texts) texts.set(k, v);
  }

  const relativize = (file: string) => path.relative(process.cwd(), path.resolve(file)).split(path.sep).join("/");
  if (flags.report === "sarif") process.stdout.write(renderSarif(diagnostics, { version: VERSION, relativize, ...(flags.docsUrl ? { docsUrl: flags.docsUrl } : {}) }) + "\n");
  else if (flags.report === "github") process.stdout.write(renderGithub(diagnostics, relativize));
  else printDiagnostics(diagnostics, texts, flags.report);
  if (flags.fix && flags.report === "pretty" && fixed > 0) process.stderr.write(`fixed ${fixed} problem${fixed > 1 ? "s" : ""} in ${fixedFiles.size} file${fixedFiles.size > 1 ? "s" : ""}\n`);

  if (configError) return 2;
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const tooMany = flags.maxWarnings !== undefined && warnings > flags.maxWarnings;
  if (tooMany) {
    // Said in every format: on stderr (stdout stays machine-readable), and as an annotation in github's.
    const why = `${warnings} warning${warnings === 1 ? "" : "s"}, more than --max-warnings ${flags.maxWarnings}`;
    if (flags.report === "github") process.stdout.write(`::error title=kdsl lint::${why}\n`);
    process.stderr.write(`${why}\n`);
  }
  if (errors > 0 || tooMany) return 1;
  if (flags.report === "pretty" && diagnostics.length === 0) process.stderr.write(`${entries.join(", ")}: no problems\n`);
  return 0;
}

function listRules(flags: Flags): number {
  const id = flags.positionals[0];
  if (id !== undefined && !RULES.some((r) => r.id === id)) throw new UsageError(`no lint rule \`${id}\`; \`kdsl lint --list-rules\` lists them`);
  if (id !== undefined && flags.report !== "pretty") throw new UsageError(`--list-rules ${id} prints the rule's page; --format json lists every rule (leave out \`${id}\`)`);
  if (flags.report === "json") {
    const rules = RULES.map((r) => ({ id: r.id, category: r.category, severity: r.severity, summary: r.summary, fixable: r.fixable ?? false, options: r.options ? { schema: r.options.schema, defaults: r.options.defaults } : null, docs: r.docs }));
    process.stdout.write(JSON.stringify(rules, null, 2) + "\n");
    return 0;
  }
  if (flags.report !== "pretty") throw new UsageError("--list-rules prints `pretty` (default) or `json`");
  if (flags.positionals.length === 1 && RULES.some((r) => r.id === flags.positionals[0])) {
    process.stdout.write(ruleMarkdown(RULES.find((r) => r.id === flags.positionals[0])!));
    return 0;
  }
  const width = Math.max(...RULES.map((r) => r.id.length));
  for (const r of RULES) process.stdout.write(`${r.id.padEnd(width)}  ${r.category.padEnd(11)}  ${r.severity.padEnd(7)}  ${r.fixable ? "fix" : "   "}  ${r.summary}\n`);
  return 0;
}

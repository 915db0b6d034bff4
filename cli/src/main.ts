// The `kdsl` command: a thin shell. Each command lives in its own module, loaded only when used,
// so `kdsl explain` never pays for the parser and `kdsl --version` pays for nothing.
import { parseFlags, type Flags } from "./flags.ts";
import { isUsageError, UsageError } from "./errors.ts";

const VERSION = "0.1.0";

export const HELP = `kdsl — typed manifests for microservices on Kubernetes

Usage:
  kdsl build <file|dir> [-o DIR [--check]] [--profile P] [--secrets reference|inline] [--target T] [--format pretty|json]
      Compile to Kubernetes YAML (stdout, or DIR/<app>.yaml written whole or not at all); with
      --target runtime, the built-in runtime's plan instead (DIR/<app>.plan.json). Flags left out
      come from <project>/kdsl.json. With --check -o DIR: write nothing; exit 1 and print a diff
      when the file in DIR is out of date.
  kdsl init [dir]
      Scaffold a project (app.kdsl, services/hello.js, kdsl.json, README.md) that builds as is;
      never overwrites a file (exit 2).
  kdsl check <file|dir> [--profile P] [--format pretty|json]
      Report the diagnostics build would (in stages: fixing errors may reveal more); write nothing.
  kdsl fmt [--check] <path...>
      Rewrite .kdsl files in the canonical layout (--check: list files that are not). A directory
      means its .kdsl files and the local modules they \`use\`.
  kdsl explain <code|rule-id>
      Explain a diagnostic code or lint rule, e.g. kdsl explain KD2004.
  kdsl lint <path...> [--fix] [--format pretty|json|sarif|github] [--max-warnings N] [--profile P]
      Lint projects with the rules in docs/rules/ (settings in <project>/kdsl.json); --fix
      applies the rules' fixes. Exit 2 also when kdsl.json is invalid.
  kdsl lint --list-rules [--format json] [rule-id]
      List every lint rule with its metadata (or print one rule's page).

Options:
  -o, --output DIR     directory for build output
  -p, --profile P      apply profile P (repeat, or P1,P2, to apply several in order)
      --secrets MODE   reference (default): reference Secrets by name; inline: write values read
                       from env(...) / file(...) into Secret objects
      --target TARGET  build: kubernetes (default) or runtime (the plan the runtime executes)
      --format FORMAT  pretty (default) or json diagnostics (json on stdout, except for
                       \`build\` without -o, whose stdout is the YAML: there on stderr)
                       lint also takes sarif (SARIF 2.1.0) or github (workflow annotations)
      --fix            lint: apply fixes, writing each changed file whole
      --max-warnings N lint: exit 1 when there are more than N warnings
      --docs-url URL   lint --format sarif: base URL of docs/rules/ for each rule's helpUri
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 clean, 1 when there are errors, 2 on usage or I/O errors.
`;

type Command = (flags: Flags) => number | Promise<number>;

declare global {
  /** Set by cli/bin/kdsl.js: loads a command's bundle through V8's code cache. */
  var __kdslLoadCommand: ((name: string) => { run: Command }) | undefined;
}

/** A command from its bundle when installed, from source when run by the tests through tsx. */
function command(name: string, fromSource: () => Promise<{ run: Command }>): () => Promise<Command> {
  return async () => (globalThis.__kdslLoadCommand ? globalThis.__kdslLoadCommand(name) : await fromSource()).run;
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  build: command("build", () => import("./commands/build.ts")),
  check: command("check", () => import("./commands/check.ts")),
  fmt: command("fmt", () => import("./commands/fmt.ts")),
  explain: command("explain", () => import("./commands/explain.ts")),
  lint: command("lint", () => import("./commands/lint.ts")),
  init: command("init", () => import("./commands/init.ts")),
};

export async function main(argv: string[]): Promise<number> {
  try {
    const [cmd, ...rest] = argv;
    if (cmd === undefined || cmd === "help" || cmd === "--help" || cmd === "-h") {
      // `kdsl help build` is help too (there is one page); anything else after it is a mistake.
      if (rest.length > 1 || (rest.length === 1 && !(rest[0]! in COMMANDS))) throw new UsageError(`${cmd} takes no arguments but a command name (unexpected: ${rest.map((a) => `\`${a}\``).join(" ")})`);
      process.stdout.write(HELP);
      return cmd === undefined ? 2 : 0;
    }
    if (cmd === "--version" || cmd === "-v") {
      if (rest.length > 0) throw new UsageError(`${cmd} takes no arguments (unexpected: ${rest.map((a) => `\`${a}\``).join(" ")})`);
      process.stdout.write(`kdsl ${VERSION}\n`);
      return 0;
    }
    const load = COMMANDS[cmd];
    if (!load && cmd.startsWith("-")) throw new UsageError(`unknown option ${cmd}: kdsl takes a command first (${Object.keys(COMMANDS).join(", ")}), or --help, or --version`);
    if (!load) throw new UsageError(`unknown command \`${cmd}\`; commands: ${Object.keys(COMMANDS).join(", ")}`);
    const flags = parseFlags(rest, cmd);
    if (flags.help) {
      process.stdout.write(HELP);
      return 0;
    }
    return await (await load())(flags); // await: a rejected command is caught below
  } catch (e) {
    if (isUsageError(e)) {
      process.stderr.write(`kdsl: ${e.message}\n`);
      return 2;
    }
    // A crash is a bug in kdsl, not in the user's file: say so plainly, keep the trace for reports.
    process.stderr.write(`kdsl: internal error: ${(e as Error)?.message ?? e}\nplease report this with the input that caused it.\n`);
    if (process.env["KDSL_DEBUG"]) process.stderr.write(String((e as Error)?.stack) + "\n");
    return 3;
  }
}

// Command-line flags: one table says which options each command takes and how many arguments.
// node's parseArgs splits the words (non-strict, with tokens); every check and message is kdsl's
// own, so that a flag a command does not use is a usage error (exit 2), never silently ignored.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.ts";

export interface Flags {
  readonly positionals: string[];
  readonly output?: string;
  readonly profile?: string[];
  readonly secrets?: string;
  /** `kdsl build`: `kubernetes` (YAML) or `runtime` (the runtime plan). */
  readonly target?: string;
  readonly format: "pretty" | "json";
  /** `kdsl lint` only: the report format, which may also be `sarif` or `github`. */
  readonly report: "pretty" | "json" | "sarif" | "github";
  readonly check: boolean;
  /** `kdsl lint`: apply fixes, list the rules, fail past this many warnings, docs URL for SARIF. */
  readonly fix: boolean;
  readonly listRules: boolean;
  readonly maxWarnings?: number;
  readonly docsUrl?: string;
  readonly help: boolean;
  readonly version: boolean;
}

interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  /** What a string option's value is, for messages (`-o, --output DIR`). */
  readonly value?: string;
  readonly multiple?: boolean;
}

const OPTIONS = {
  output: { type: "string", short: "o", value: "DIR" },
  check: { type: "boolean" },
  profile: { type: "string", short: "p", value: "P", multiple: true },
  secrets: { type: "string", value: "MODE" },
  target: { type: "string", value: "TARGET" },
  format: { type: "string", value: "FORMAT" },
  fix: { type: "boolean" },
  "list-rules": { type: "boolean" },
  "max-warnings": { type: "string", value: "N" },
  "docs-url": { type: "string", value: "URL" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const satisfies Record<string, OptionSpec>;

type OptionName = keyof typeof OPTIONS;

interface CommandSpec {
  /** The options the command takes (`--help` is taken by every command). */
  readonly options: readonly OptionName[];
  readonly min: number;
  readonly max: number;
  /** Said when the number of arguments is wrong. */
  readonly args: string;
}

/** Which options and how many arguments each command takes: the one place that says so. */
const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  build: { options: ["output", "check", "profile", "secrets", "target", "format"], min: 1, max: 1, args: "build takes one file or directory: kdsl build <path>" },
  check: { options: ["profile", "format"], min: 1, max: 1, args: "check takes one file or directory: kdsl check <path>" },
  fmt: { options: ["check", "format"], min: 1, max: Infinity, args: "fmt takes files or directories: kdsl fmt [--check] <path...>" },
  lint: { options: ["fix", "format", "max-warnings", "profile", "docs-url", "list-rules"], min: 1, max: Infinity, args: "lint takes one or more files or directories: kdsl lint <path...>" },
  // `kdsl lint --list-rules [rule-id]`: a mode of its own, with only --format.
  "lint --list-rules": { options: ["list-rules", "format"], min: 0, max: 1, args: "lint --list-rules takes at most one rule id: kdsl lint --list-rules [rule-id]" },
  explain: { options: [], min: 1, max: 1, args: "explain takes one diagnostic code or lint rule: kdsl explain KD2004" },
  init: { options: [], min: 0, max: 1, args: "init takes at most one directory: kdsl init [dir]" },
};

/** An option as messages name it: `-o/--output DIR`. */
function describeOption(name: OptionName): string {
  const o: OptionSpec = OPTIONS[name];
  return `${o.short ? `-${o.short}/` : ""}--${name}${o.value ? ` ${o.value}` : ""}`;
}

/** `a`, `a and b`, `a, b and c`. */
const andList = (xs: readonly string[]): string => (xs.length < 2 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`);

const commandsTaking = (name: OptionName): string[] =>
  [...new Set(Object.entries(COMMANDS).filter(([, c]) => c.options.includes(name)).map(([k]) => `\`kdsl ${k.split(" ")[0]}\``))];

/** The option the user probably meant: one this command takes, by prefix or by a small edit distance. */
function closest(typed: string, names: readonly string[]): string | undefined {
  const prefixed = names.filter((n) => typed.length >= 2 && n.startsWith(typed));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestScore = Math.max(1, Math.floor(typed.length / 3)) + 1;
  for (const n of names) {
    const d = editDistance(typed, n);
    if (d < bestScore) [best, bestScore] = [n, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The usage error for an option `command` does not take, with a did-you-mean and its options. */
function notAnOption(raw: string, name: string, command: string, spec: CommandSpec): UsageError {
  const taken: OptionName[] = [...spec.options, "help"];
  const list = spec.options.length ? `options of kdsl ${command}: ${taken.map(describeOption).join(", ")}` : `kdsl ${command} takes no options but -h/--help`;
  if (name in OPTIONS && name !== "help") {
    const elsewhere = commandsTaking(name as OptionName);
    if (command === "lint --list-rules" && COMMANDS["lint"]!.options.includes(name as OptionName)) return new UsageError(`${raw} does not go with --list-rules\n${list}`);
    const where = elsewhere.length ? `; it is an option of ${andList(elsewhere)}` : name === "version" ? "; `kdsl --version` shows the version" : "";
    return new UsageError(`kdsl ${command} does not take ${raw}${where}\n${list}`);
  }
  const longs = taken.map((n) => `--${n}`);
  const guess = raw.startsWith("--") ? closest(raw, longs) : undefined;
  return new UsageError(`unknown option ${raw} for kdsl ${command}${guess ? `; did you mean ${guess}?` : ""}\n${list}`);
}

export function parseFlags(args: string[], command = ""): Flags {
  const { tokens } = parseArgs({ args, allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  const listRules = command === "lint" && tokens.some((t) => t.kind === "option" && t.name === "list-rules");
  const key = listRules ? "lint --list-rules" : command;
  const spec = COMMANDS[key] ?? { options: Object.keys(OPTIONS) as OptionName[], min: 0, max: Infinity, args: "" };
  const values: Partial<Record<OptionName, string | boolean | string[]>> = {};
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === "positional") positionals.push(t.value);
    if (t.kind !== "option") continue;
    const raw = t.rawName;
    if (!(t.name in OPTIONS) || (t.name !== "help" && !spec.options.includes(t.name as OptionName))) throw notAnOption(raw, t.name, key, spec);
    const name = t.name as OptionName;
    const o: OptionSpec = OPTIONS[name];
    const shown = describeOption(name);
    if (o.type === "boolean") {
      if (t.value !== undefined) throw new UsageError(`${raw} takes no value (found \`${raw}=${t.value}\`)`);
      values[name] = true;
      continue;
    }
    if (t.value === undefined) throw new UsageError(`${raw} needs a value: ${shown}`);
    // `-o --check`: the value looks like an option, so the value was most likely forgotten.
    if (!t.inlineValue && t.value.startsWith("-") && t.value !== "-") throw new UsageError(`${raw} needs a value (${shown}), and \`${t.value}\` looks like an option; write --${name}=${t.value} if it is the value`);
    if (t.value === "" && name !== "profile") throw new UsageError(`${raw} needs a value, not an empty string: ${shown}`);
    if (o.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), t.value];
    else if (values[name] !== undefined) throw new UsageError(`${raw} is given twice (\`${values[name]}\` and \`${t.value}\`); give it once`);
    else values[name] = t.value;
  }
  const str = (n: OptionName) => values[n] as string | undefined;
  const help = values.help === true;
  if (!help && (positionals.length < spec.min || positionals.length > spec.max)) {
    const extra = positionals.length > spec.max ? ` (unexpected: ${positionals.slice(spec.max).map((p) => `\`${p}\``).join(" ")})` : "";
    throw new UsageError(`${spec.args}${extra}`);
  }
  const format = str("format") ?? "pretty";
  const lint = command === "lint";
  if (format !== "pretty" && format !== "json" && !(lint && !listRules && (format === "sarif" || format === "github"))) {
    throw new UsageError(`--format must be ${lint && !listRules ? "`pretty`, `json`, `sarif` or `github`" : "`pretty` or `json`"}, not \`${format}\``);
  }
  const maxRaw = str("max-warnings");
  if (maxRaw !== undefined && !/^\d+$/.test(maxRaw)) throw new UsageError(`--max-warnings takes a whole number, not \`${maxRaw}\``);
  if (str("docs-url") !== undefined && format !== "sarif") throw new UsageError("--docs-url sets the rules' helpUri in SARIF: use it with --format sarif");
  if (values.check && command === "build" && str("output") === undefined) throw new UsageError("build --check compares with committed output: kdsl build <path> --check -o DIR");
  return {
    positionals,
    output: str("output"),
    profile: values.profile as string[] | undefined,
    secrets: str("secrets"),
    ...(str("target") !== undefined ? { target: str("target") } : {}),
    format: format === "pretty" ? "pretty" : "json",
    report: format as Flags["report"],
    check: values.check === true,
    fix: values.fix === true,
    listRules,
    ...(maxRaw !== undefined ? { maxWarnings: Number(maxRaw) } : {}),
    ...(str("docs-url") !== undefined ? { docsUrl: str("docs-url") } : {}),
    help,
    version: values.version === true,
  };
}

/**
 * The profiles named by `--profile` (repeated, or `P1,P2`), in order; undefined when the flag is
 * not given, so that the project's kdsl.json `profiles` apply (build, check and lint alike).
 */
export function profilesOf(flags: Flags): string[] | undefined {
  return flags.profile ? flags.profile.flatMap((p) => p.split(",")).filter(Boolean) : undefined;
}

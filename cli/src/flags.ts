// Command-line flags, parsed with node's own parseArgs: strict, so a mistyped flag is a usage error.
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

export function parseFlags(args: string[], command = ""): Flags {
  let v;
  try {
    v = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: "string", short: "o" },
        profile: { type: "string", short: "p", multiple: true },
        secrets: { type: "string" },
        target: { type: "string" },
        format: { type: "string" },
        check: { type: "boolean" },
        fix: { type: "boolean" },
        "list-rules": { type: "boolean" },
        "max-warnings": { type: "string" },
        "docs-url": { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const format = v.values.format ?? "pretty";
  const lint = command === "lint";
  if (format !== "pretty" && format !== "json" && !(lint && (format === "sarif" || format === "github"))) {
    throw new UsageError(`--format must be ${lint ? "`pretty`, `json`, `sarif` or `github`" : "`pretty` or `json`"}, not \`${format}\``);
  }
  if (!lint) for (const f of ["fix", "list-rules", "max-warnings", "docs-url"] as const) if (v.values[f] !== undefined) throw new UsageError(`--${f} is an option of \`kdsl lint\` only`);
  if (command !== "build" && v.values.target !== undefined) throw new UsageError("--target is an option of `kdsl build` only");
  const maxRaw = v.values["max-warnings"];
  if (maxRaw !== undefined && !/^\d+$/.test(maxRaw)) throw new UsageError(`--max-warnings takes a whole number, not \`${maxRaw}\``);
  return {
    positionals: v.positionals,
    output: v.values.output,
    profile: v.values.profile,
    secrets: v.values.secrets,
    ...(v.values.target !== undefined ? { target: v.values.target } : {}),
    format: format === "pretty" ? "pretty" : "json",
    report: format,
    check: v.values.check ?? false,
    fix: v.values.fix ?? false,
    listRules: v.values["list-rules"] ?? false,
    ...(maxRaw !== undefined ? { maxWarnings: Number(maxRaw) } : {}),
    ...(v.values["docs-url"] !== undefined ? { docsUrl: v.values["docs-url"] } : {}),
    help: v.values.help ?? false,
    version: v.values.version ?? false,
  };
}

/**
 * The profiles named by `--profile` (repeated, or `P1,P2`), in order; undefined when the flag is
 * not given, so that the project's kdsl.json `profiles` apply (build, check and lint alike).
 */
export function profilesOf(flags: Flags): string[] | undefined {
  return flags.profile ? flags.profile.flatMap((p) => p.split(",")).filter(Boolean) : undefined;
}

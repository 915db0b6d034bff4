// Command-line flags, parsed with node's own parseArgs: strict, so a mistyped flag is a usage error.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.ts";

export interface Flags {
  readonly positionals: string[];
  readonly output?: string;
  readonly profile?: string[];
  readonly secrets?: string;
  readonly format: "pretty" | "json";
  readonly check: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export function parseFlags(args: string[]): Flags {
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
        format: { type: "string" },
        check: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const format = v.values.format ?? "pretty";
  if (format !== "pretty" && format !== "json") throw new UsageError(`--format must be \`pretty\` or \`json\`, not \`${format}\``);
  return {
    positionals: v.positionals,
    output: v.values.output,
    profile: v.values.profile,
    secrets: v.values.secrets,
    format,
    check: v.values.check ?? false,
    help: v.values.help ?? false,
    version: v.values.version ?? false,
  };
}

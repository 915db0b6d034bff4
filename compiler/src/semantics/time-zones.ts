// Time zone names as a CronJob's `timeZone` takes them: IANA names (`Europe/Berlin`, `UTC`,
// `Etc/GMT+1`) that the controller's time zone database holds, spelt with their case (Go's
// time.LoadLocation reads them as file names). The database is Node's (ICU's): a name it cannot
// format in is unknown to Kubernetes too. Intl.supportedValuesOf lists canonical names only, so a
// name is tested by formatting in it, which accepts aliases such as `US/Pacific` as well.

import { suggest } from "./suggest.ts";

/** What the API server accepts at all: no `CRON_TZ=` prefix, no offsets such as `+01:00`. */
const SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

const verdicts = new Map<string, TimeZoneProblem | null>();
let names: readonly string[] | undefined;

export interface TimeZoneProblem {
  readonly message: string;
  /** The name meant, when it is close enough to be a typo or differs in case only. */
  readonly suggestion?: string;
}

/** The canonical zone names, plus the `UTC` and `Etc/UTC` that Intl leaves out. */
export function knownTimeZones(): readonly string[] {
  if (names === undefined) {
    const listed = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    names = ["UTC", "Etc/UTC", ...listed.filter((n) => n !== "UTC" && n !== "Etc/UTC")];
  }
  return names;
}

/** Why `name` is not a time zone Kubernetes accepts; undefined when it is one. */
export function timeZoneProblem(name: string): TimeZoneProblem | undefined {
  const known = verdicts.get(name);
  if (known !== undefined) return known ?? undefined;
  const problem = judge(name);
  if (verdicts.size >= 256) verdicts.clear();
  verdicts.set(name, problem ?? null);
  return problem;
}

function judge(name: string): TimeZoneProblem | undefined {
  if (!SHAPE.test(name)) return { message: `\`${name}\` is not a time zone name such as \`Europe/Berlin\` or \`UTC\`` };
  const lower = name.toLowerCase();
  const cased = knownTimeZones().find((n) => n.toLowerCase() === lower);
  if (cased === name) return undefined;
  if (cased !== undefined) return { message: `time zone \`${name}\` is spelt \`${cased}\`: Kubernetes reads the names case by case`, suggestion: cased };
  const resolved = resolve(name);
  if (resolved === name || (resolved !== undefined && resolved.toLowerCase() !== lower)) return undefined; // an alias such as `US/Pacific`
  if (resolved !== undefined) return { message: `time zone \`${name}\` is spelt \`${resolved}\`: Kubernetes reads the names case by case`, suggestion: resolved };
  // Without time zone data (a Node built with small ICU) nothing but UTC resolves: accept the name.
  if (resolve("Europe/Berlin") === undefined) return undefined;
  const city = knownTimeZones().find((n) => n.toLowerCase().endsWith("/" + lower));
  return { message: `\`${name}\` is not a time zone Kubernetes knows`, suggestion: city ?? suggest(name, knownTimeZones()) };
}

/** The zone Intl formats in for `name` (aliases resolve to their canonical name), or undefined. */
function resolve(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

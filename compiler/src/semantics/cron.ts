// Cron schedules as the Kubernetes CronJob controller reads them (robfig/cron's standard parser):
// five fields `minute hour day-of-month month day-of-week`, each `*`, `?` (day fields only), a
// number or name, a range `a-b`, a step `*/n` or `a-b/n`, or a comma list of these; or one of the
// descriptors `@yearly @annually @monthly @weekly @daily @midnight @hourly`. Written by hand
// because the maintained JavaScript parsers accept more than Kubernetes does (seconds fields,
// `L`, `W`, `#`), and a schedule the cluster rejects must fail here.

const DESCRIPTORS = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);

interface FieldRule {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  readonly question?: boolean;
}

const FIELDS: readonly FieldRule[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of the month", min: 1, max: 31, question: true },
  { name: "month", min: 1, max: 12, names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] },
  // 7 is Sunday too, as in robfig/cron.
  { name: "day of the week", min: 0, max: 7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"], question: true },
];

/** Why the schedule is invalid, with the offending field's offset in the text; undefined when valid. */
export function cronProblem(text: string): { readonly message: string; readonly at: number; readonly length: number } | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith("@")) {
    if (trimmed.startsWith("@every ")) return { message: "`@every` is not supported by Kubernetes CronJobs; write five fields such as `*/15 * * * *`", at: text.indexOf("@"), length: trimmed.length };
    return DESCRIPTORS.has(trimmed) ? undefined : { message: `\`${trimmed}\` is not a schedule descriptor (${[...DESCRIPTORS].join(", ")})`, at: text.indexOf("@"), length: trimmed.length };
  }
  const parts: { text: string; at: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) parts.push({ text: m[0], at: m.index });
  if (parts.length !== 5) {
    const extra = parts.length === 6 ? " (Kubernetes has no seconds field)" : "";
    return { message: `a schedule has five fields (minute hour day-of-month month day-of-week), this one has ${parts.length}${extra}`, at: 0, length: text.length };
  }
  for (let i = 0; i < 5; i++) {
    const problem = fieldProblem(parts[i]!.text, FIELDS[i]!);
    if (problem) return { message: `${FIELDS[i]!.name} \`${parts[i]!.text}\`: ${problem}`, at: parts[i]!.at, length: parts[i]!.text.length };
  }
  return undefined;
}

function fieldProblem(field: string, rule: FieldRule): string | undefined {
  for (const item of field.split(",")) {
    if (item === "") return "an empty item in a list";
    const [range, step, extra] = item.split("/");
    if (extra !== undefined) return "more than one `/`";
    if (step !== undefined && !/^[0-9]+$/.test(step)) return `the step \`${step}\` is not a number`;
    if (step !== undefined && Number(step) === 0) return "a step of 0";
    if (range === "*" || (range === "?" && rule.question)) continue;
    if (range === "?") return "`?` is allowed only in the day fields";
    const [a, b, more] = range!.split("-");
    if (more !== undefined) return "a range has one `-`";
    const from = value(a!, rule);
    if (typeof from === "string") return from;
    if (b === undefined) continue;
    const to = value(b, rule);
    if (typeof to === "string") return to;
    if (from > to) return `the range starts after it ends`;
  }
  return undefined;
}

function value(s: string, rule: FieldRule): number | string {
  const named = rule.names?.indexOf(s.toUpperCase()) ?? -1;
  if (named >= 0) return named + (rule.min === 1 ? 1 : 0);
  if (!/^[0-9]+$/.test(s)) return `\`${s}\` is not a number${rule.names ? " or a name such as `" + rule.names[0] + "`" : ""}`;
  const n = Number(s);
  if (n < rule.min || n > rule.max) return `${n} is outside ${rule.min}–${rule.max}`;
  return n;
}

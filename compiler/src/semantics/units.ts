// Unit literals. The lexer keeps `250m` as written; its meaning comes from the expected type:
// `5m` is five millicores as a Cpu and five minutes as a Duration.

/** `unordered-duration`: duration parts with a unit repeated or out of order (`1m1m`, `30s1m`). */
export type UnitFamily = "cpu" | "memory" | "duration" | "unordered-duration" | "percent" | "unknown";

const MEMORY_FACTORS: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};
const DURATION_FACTORS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
/** Duration units, largest first: the order a compound duration writes them in. */
const DURATION_UNITS = ["d", "h", "m", "s", "ms"] as const;

/**
 * `250m` → 250 and `m`: what /^(\d+(?:\.\d+)?)([a-zA-Z%]*)$/ matches, scanned by hand because every
 * CPU and memory value of every declaration goes through here (the regular expression and its
 * match array were ~7 ms of a 5,000-service build).
 */
function split(raw: string): { number: number; unit: string } | undefined {
  const n = raw.length;
  let i = 0;
  while (i < n && isDigit(raw.charCodeAt(i))) i++;
  if (i === 0) return undefined;
  if (i < n && raw.charCodeAt(i) === 46 /* . */) {
    const fraction = i + 1;
    i = fraction;
    while (i < n && isDigit(raw.charCodeAt(i))) i++;
    if (i === fraction) return undefined;
  }
  const end = i;
  while (i < n && isUnitChar(raw.charCodeAt(i))) i++;
  return i === n ? { number: Number(raw.slice(0, end)), unit: raw.slice(end) } : undefined;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isUnitChar = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 37; /* A-Z a-z % */

/** What a quantity looks like to a reader, for "found a memory quantity" in messages. */
export function familyOf(raw: string): UnitFamily {
  if (raw.endsWith("%")) return "percent";
  const parts = [...raw.matchAll(/\d+(?:\.\d+)?([a-zA-Z]+)/g)].map((m) => m[1]!);
  if (parts.length === 1 && parts[0] === "m") return "cpu"; // could be minutes; cpu is the common reading
  if (parts.length > 0 && parts.every((u) => u in DURATION_FACTORS)) return durationParts(raw) ? "duration" : "unordered-duration";
  if (parts.length === 1 && parts[0]! in MEMORY_FACTORS) return "memory";
  return "unknown";
}

export const FAMILY_TEXT: Record<UnitFamily, string> = {
  cpu: "a CPU quantity",
  memory: "a memory quantity",
  duration: "a duration",
  "unordered-duration": "a duration with a unit repeated or out of order",
  percent: "a percentage",
  unknown: "a quantity with an unknown unit",
};

/** Millicores, or undefined when `raw` is not a CPU quantity. Plain numbers are cores. */
export function cpuMillis(raw: string): number | undefined {
  const q = split(raw);
  if (!q) return undefined;
  if (q.unit === "") return Math.round(q.number * 1000);
  if (q.unit === "m" && Number.isInteger(q.number)) return q.number;
  return undefined;
}

/** Canonical Kubernetes text for millicores: whole cores as `2`, else `250m`. */
export function cpuText(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

/** Bytes, or undefined when `raw` is not a memory quantity. */
export function memoryBytes(raw: string): number | undefined {
  const q = split(raw);
  if (!q) return undefined;
  if (q.unit === "") return Number.isInteger(q.number) ? q.number : undefined;
  const f = MEMORY_FACTORS[q.unit];
  return f === undefined ? undefined : q.number * f;
}

/**
 * Seconds, or undefined when `raw` is not a duration. Compound forms such as `1h30m` are allowed,
 * each unit at most once and largest first: `1m1m` and `30s1m` are not durations (see
 * durationNormalForm for what to write instead).
 */
export function durationSeconds(raw: string): number | undefined {
  const parts = durationParts(raw);
  if (!parts) return undefined;
  let total = 0;
  for (const [n, unit] of parts) total += n * DURATION_FACTORS[unit]!;
  return total;
}

/** `1h30m` → [[1, "h"], [30, "m"]]; undefined unless every part is a duration and the units strictly descend. */
function durationParts(raw: string): [number, string][] | undefined {
  if (!/^(\d+(?:\.\d+)?(ms|s|m|h|d))+$/.test(raw)) return undefined;
  const parts: [number, string][] = [];
  let rank = -1;
  for (const m of raw.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
    const r = DURATION_UNITS.indexOf(m[2] as (typeof DURATION_UNITS)[number]);
    if (r <= rank) return undefined;
    rank = r;
    parts.push([Number(m[1]), m[2]!]);
  }
  return parts;
}

/**
 * The normal form of a compound duration written with a unit repeated or out of order (`1m1m` →
 * `2m`, `30s1m` → `1m30s`), for the hint; undefined when `raw` is no such duration.
 */
export function durationNormalForm(raw: string): string | undefined {
  if (!/^(\d+(?:\.\d+)?(ms|s|m|h|d))+$/.test(raw) || durationParts(raw)) return undefined;
  let ms = 0;
  for (const m of raw.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) ms += Number(m[1]) * DURATION_FACTORS[m[2]!]! * 1000;
  ms = Math.round(ms * 1000) / 1000; // float error of `0.1s0.2s`
  let out = "";
  for (const unit of DURATION_UNITS) {
    const f = DURATION_FACTORS[unit]! * 1000;
    const n = unit === "ms" ? ms : Math.floor(ms / f);
    if (n > 0) out += `${n}${unit}`;
    ms -= unit === "ms" ? ms : n * f;
  }
  return out || "0s";
}

/** Whether `raw` is a quantity of some kind: CPU, memory, duration or percentage. */
export function isQuantity(raw: string): boolean {
  return cpuMillis(raw) !== undefined || memoryBytes(raw) !== undefined || durationSeconds(raw) !== undefined || percentValue(raw) !== undefined;
}

export function percentValue(raw: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)%$/.exec(raw);
  return m ? Number(m[1]) : undefined;
}

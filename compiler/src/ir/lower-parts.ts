// Parts of a workload's lowering: resources, probes, and the lowered forms lower.ts shares between
// declarations whose values are one object (what a template gives all its users).
import { diag } from "../diagnostics/catalogue.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { BlockValue, Value } from "../semantics/values.ts";
import { cpuText } from "../semantics/units.ts";
import type * as IR from "./model.ts";
import type { Mutable, ScratchMemo } from "./lower-workload.ts";

function get<V extends Value["v"]>(b: BlockValue, key: string, v: V): Extract<Value, { v: V }> | undefined {
  const x = b.fields.get(key);
  return x && x.v === v ? (x as Extract<Value, { v: V }>) : undefined;
}

/** One empty list for whatever has none (IR lists are read-only). */
const NONE: readonly never[] = Object.freeze([]);

export function resources(b: BlockValue | undefined): IR.Resources {
  if (!b) return {};
  const out: { cpu?: { request?: string; limit?: string }; memory?: { request?: string; limit?: string } } = {};
  // A single value (`cpu = 250m`) is checked as the scalar itself: it is the request.
  const cpu = b.fields.get("cpu");
  if (cpu?.v === "range") out.cpu = requestAndLimit(cpuOf(cpu.from), cpuOf(cpu.to));
  else if (cpu?.v === "cpu") out.cpu = requestAndLimit(cpuOf(cpu), undefined);
  const memory = b.fields.get("memory");
  if (memory?.v === "range") out.memory = requestAndLimit(memoryOf(memory.from), memoryOf(memory.to));
  else if (memory?.v === "memory") out.memory = requestAndLimit(memory.raw, undefined);
  return out;
}

const cpuOf = (v: Value | undefined) => (v?.v === "cpu" ? cpuString(v.millis) : undefined);

/** `cpuText`, one string per amount (services tend to ask for the same few): ~10 bytes a service less. */
function cpuString(millis: number): string {
  let text = CPU_TEXT.get(millis);
  if (text === undefined) {
    if (CPU_TEXT.size > 1024) CPU_TEXT.clear();
    text = cpuText(millis);
    CPU_TEXT.set(millis, text);
  }
  return text;
}
const CPU_TEXT = new Map<number, string>();
const memoryOf = (v: Value | undefined) => (v?.v === "memory" ? v.raw : undefined);

/** Only the keys that have a value (an absent key, not `undefined`, as the backends expect). */
function requestAndLimit(request: string | undefined, limit: string | undefined): { request?: string; limit?: string } {
  const o: { request?: string; limit?: string } = {};
  if (request !== undefined) o.request = request;
  if (limit !== undefined) o.limit = limit;
  return o;
}

/** Lowered forms of values that are often one object shared by many declarations, made once per value. */
export class Shared {
  private readonly portLists = new WeakMap<BlockValue, IR.PortModel[]>();
  private readonly probeSets = new WeakMap<BlockValue, IR.Probes>();
  private readonly scratchLists = new WeakMap<Value, { list: readonly string[]; diagnostics: readonly Diagnostic[] }>();

  ports(b: BlockValue | undefined): readonly IR.PortModel[] {
    if (!b) return NONE;
    let ports = this.portLists.get(b);
    if (ports === undefined) {
      ports = [];
      for (const p of b.fields.values()) if (p.v === "port") ports.push({ name: p.name, port: p.port, targetPort: p.target, origin: p.span });
      this.portLists.set(b, ports);
    }
    return ports;
  }

  /** A `health` block's probes; its problems are reported the first time only (a template's block is one value). */
  probes(b: BlockValue | undefined, diagnostics: Diagnostic[]): IR.Probes {
    if (!b) return {};
    let probes = this.probeSets.get(b);
    if (probes === undefined) {
      probes = lowerProbes(b, diagnostics);
      this.probeSets.set(b, probes);
    }
    return probes;
  }

  /** For lowerPod: a `scratch` list and its diagnostics, when nothing else is mounted. */
  readonly scratch: ScratchMemo = (v, make) => {
    let made = this.scratchLists.get(v);
    if (made === undefined) {
      made = make();
      this.scratchLists.set(v, made);
    }
    return made;
  };
}

function lowerProbes(b: BlockValue, diagnostics: Diagnostic[]): IR.Probes {
  // The API server reads 0 in these as "not set" and puts its default in (10s, 1s, 3 failures):
  // a value that would not do what it says is reported rather than written.
  const period = atLeastOne(get(b, "period", "duration"), "period", diagnostics);
  const initialDelay = get(b, "initial-delay", "duration")?.seconds;
  const timeout = atLeastOne(get(b, "timeout", "duration"), "timeout", diagnostics);
  const failures = get(b, "failures", "int");
  if (failures && failures.n < 1) diagnostics.push(diag("KD3003", failures.span, `\`health.failures\` must be at least 1, not ${failures.n}`, { label: "Kubernetes would read 0 as unset and use 3", hints: ["write `failures = 1` to act on the first failure, or leave it out for Kubernetes' 3."] }));
  const failureThreshold = failures && failures.n >= 1 ? failures.n : undefined;
  const out: Mutable<IR.Probes> = {};
  for (const kind of PROBE_KINDS) {
    const p = get(b, kind, "probe");
    if (!p) continue;
    // Absent keys rather than `delete` afterwards: a deleted property turns the object into a
    // slow dictionary-mode one for every backend that reads it.
    const probe: Mutable<IR.Probe> = { action: p.action, origin: p.span };
    if (period !== undefined) probe.period = period;
    if (initialDelay !== undefined) probe.initialDelay = initialDelay;
    if (timeout !== undefined) probe.timeout = timeout;
    if (failureThreshold !== undefined) probe.failureThreshold = failureThreshold;
    out[kind] = probe;
  }
  return out;
}

const PROBE_KINDS = ["readiness", "liveness", "startup"] as const;

/**
 * KD2030 for an HTTP or TCP probe naming a port the service does not have: Kubernetes takes any
 * name, and the probe would fail for ever. (A probe with no port and no port to default to is the
 * schema check's: KD5001.)
 */
export function checkProbePorts(service: string, ports: readonly IR.PortModel[], probes: IR.Probes, diagnostics: Diagnostic[]): void {
  for (const kind of PROBE_KINDS) {
    const p = probes[kind];
    if (p === undefined || (p.action.type !== "http" && p.action.type !== "tcp") || typeof p.action.port !== "string") continue;
    const name = p.action.port;
    if (ports.some((x) => x.name === name)) continue;
    diagnostics.push(diag("KD2030", p.origin, `service \`${service}\` has no port \`${name}\``, { label: `the ${kind} probe's port`, hints: ports.length ? [`its ports: ${ports.map((x) => `\`${x.name}\``).join(", ")}.`] : ["give the service the port (`port http 8080`) or the probe a number."] }));
  }
}

/**
 * A probe's period or timeout: whole seconds (the checker makes sure), at least one. KD3003 at the
 * value for `0s`, which the API server would replace with its default.
 */
function atLeastOne(d: Extract<Value, { v: "duration" }> | undefined, field: "period" | "timeout", diagnostics: Diagnostic[]): number | undefined {
  if (d === undefined) return undefined;
  if (d.seconds >= 1) return Math.ceil(d.seconds);
  const fallback = field === "period" ? "10s" : "1s";
  diagnostics.push(diag("KD3003", d.span, `\`health.${field}\` must be at least 1s, not 0s`, { label: `Kubernetes would read 0 as unset and use ${fallback}`, hints: [`write \`${field} = 1s\`, or leave it out for Kubernetes' ${fallback}.`] }));
  return undefined;
}

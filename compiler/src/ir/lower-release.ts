// Lowering of a service's release and surroundings: its versions (the main image, the `canary`
// block and `versions`, one mechanism), the strategy that splits traffic between them, rollout
// steps, `expose`, `metrics` and secret `files`. Facts that need the whole service — weights that
// add up, ports that exist, settings that only one strategy understands — are checked here.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { BlockValue, Value } from "../semantics/values.ts";
import { checkDnsLabel } from "../semantics/names.ts";
import type { Span } from "../syntax/span.ts";
import type * as IR from "./model.ts";

/** The version names kdsl gives itself: the main image and the `canary` block. */
export const STABLE = "stable";
export const CANARY = "canary";

export interface AppRelease {
  readonly strategy: IR.Strategy;
  readonly monitor: boolean;
}

export type Release = Pick<IR.ServiceModel, "versions" | "strategy" | "steps" | "files"> & { expose?: IR.ExposeModel; metrics?: IR.MetricsModel };

const field = (b: BlockValue | undefined, k: string): Value | undefined => b?.fields.get(k);
const text = (b: BlockValue | undefined, k: string): string | undefined => {
  const v = field(b, k);
  return v?.v === "string" ? v.s : undefined;
};
const sub = (b: BlockValue | undefined, k: string): BlockValue | undefined => {
  const v = field(b, k);
  return v?.v === "block" ? v : undefined;
};

export function lowerRelease(
  b: BlockValue,
  name: string,
  image: string,
  ports: readonly IR.PortModel[],
  app: AppRelease,
  origin: Span,
  diagnostics: Diagnostic[],
): Release {
  const strategyValue = field(b, "strategy");
  const strategy = strategyValue?.v === "string" ? (strategyValue.s as IR.Strategy) : app.strategy;
  const others: IR.VersionModel[] = [];
  const steps: IR.RolloutStep[] = [];

  const canary = sub(b, "canary");
  const canaryImage = text(canary, "image");
  if (canary && canaryImage) {
    const stepsValue = field(canary, "steps");
    const stepValues = stepsValue?.v === "list" ? stepsValue.items.flatMap((i) => (i.v === "step" ? [i] : [])) : [];
    if (stepValues.length > 0 && strategy !== "rollout") {
      diagnostics.push(diag("KD4021", stepsValue!.span, `\`steps\` only apply to the \`rollout\` strategy; \`${name}\` uses \`${strategy}\``, { hints: ["set `strategy = rollout` on the service (or the app), or remove `steps`."] }));
    }
    for (const s of stepValues) steps.push(s.weight !== undefined ? { weight: s.weight } : { pause: s.pause ?? "promote" });
    const w = field(canary, "weight");
    const firstWeight = steps.find((s): s is { weight: number } => "weight" in s)?.weight;
    const weight = w?.v === "percent" ? w.n : strategy === "rollout" ? firstWeight : undefined;
    if (w?.v === "percent" && (w.n <= 0 || w.n >= 100)) {
      diagnostics.push(diag("KD3003", w.span, `a canary weight must be between 0% and 100% (exclusive), not ${w.n}%`));
    } else if (weight === undefined) {
      diagnostics.push(diag("KD4025", canary.span, "this canary has no `weight`", { label: "how much traffic should it get?", hints: ["add `weight = 10%` (under the `rollout` strategy, `steps` with a weight will do)."] }));
    } else {
      others.push({ name: CANARY, image: canaryImage, weight, origin: canary.span });
      if (strategy === "rollout" && steps.length === 0) steps.push({ weight }, { pause: "promote" });
    }
  }

  const versions = sub(b, "versions");
  const names = versions ? [...versions.fields.keys()].sort() : [];
  for (const v of names) {
    const block = sub(versions, v)!;
    const problem = v === STABLE || v === CANARY ? `\`${v}\` is the name kdsl gives ${v === STABLE ? "the main image" : "the `canary` block"}` : checkDnsLabel(v);
    if (problem) {
      diagnostics.push(diag("KD3043", block.span, `\`${v}\` cannot name a version: ${problem}`, { hints: ["version names become Deployment names (`<service>-<version>`): use a DNS label such as `v2`."] }));
      continue;
    }
    const vImage = text(block, "image");
    const w = field(block, "weight");
    if (vImage === undefined || w?.v !== "percent") {
      diagnostics.push(diag("KD3009", block.span, `version \`${v}\` needs an \`image\` and a \`weight\``, { hints: [`write \`${v} { image = "registry/name:tag"; weight = 10% }\`.`] }));
      continue;
    }
    if (w.n <= 0) {
      diagnostics.push(diag("KD3003", w.span, `the weight of version \`${v}\` must be more than 0%`));
      continue;
    }
    others.push({ name: v, image: vImage, weight: w.n, origin: block.span });
  }

  const used = others.reduce((sum, v) => sum + v.weight, 0);
  if (others.length > 0 && used >= 100) {
    const list = others.map((v) => `${v.name} ${v.weight}%`).join(", ");
    diagnostics.push(diag("KD3044", others[others.length - 1]!.origin, `the versions of \`${name}\` take ${round(used)}% of the traffic (${list}), leaving nothing for the main image`, { hints: ["the main version (`image`) gets what the others leave: keep their weights below 100% in total, or promote a version by making it the `image`."] }));
  }
  if (strategy === "rollout" && others.length > 1) {
    diagnostics.push(diag("KD4022", others[1]!.origin, `the \`rollout\` strategy runs one new version at a time; \`${name}\` has ${others.length}`, { hints: ["Argo Rollouts steps one canary towards 100%: keep a single `canary` (or one entry under `versions`), or use `replicas` or `gateway`."] }));
  }
  if (strategy === "rollout" && others.length === 1 && steps.length === 0) steps.push({ weight: others[0]!.weight }, { pause: "promote" });

  const stable: IR.VersionModel = { name: STABLE, image, weight: round(100 - used), origin };
  // Shared empty lists where there is nothing: most services have no steps and no secret files.
  const release: Release = { versions: others.length > 0 ? [stable, ...others] : [stable], strategy, steps: steps.length > 0 ? steps : NONE, files: files(b, diagnostics) };
  const expose = lowerExpose(sub(b, "expose"), name, strategy, ports, diagnostics);
  if (expose) release.expose = expose;
  const metrics = lowerMetrics(sub(b, "metrics"), name, ports, app.monitor, diagnostics);
  if (metrics) release.metrics = metrics;
  return release;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** One empty list for every service without steps or files (IR lists are read-only). */
const NONE: readonly never[] = Object.freeze([]);

/** The service port a setting names, or the first port; reported when there is none. */
function portOf(b: BlockValue, what: string, service: string, ports: readonly IR.PortModel[], diagnostics: Diagnostic[]): IR.PortModel | undefined {
  const named = field(b, "port");
  if (named?.v === "string") {
    const p = ports.find((x) => x.name === named.s);
    if (!p) diagnostics.push(diag("KD2030", named.span, `service \`${service}\` has no port \`${named.s}\``, { hints: ports.length ? [`its ports: ${ports.map((x) => `\`${x.name}\``).join(", ")}.`] : [] }));
    return p;
  }
  if (ports.length === 0) {
    diagnostics.push(diag("KD4020", b.span, `\`${what}\` needs a port, and \`${service}\` has none`, { hints: ["give the service a port: `port http 8080`."] }));
    return undefined;
  }
  return ports[0];
}

function lowerExpose(b: BlockValue | undefined, service: string, strategy: IR.Strategy, ports: readonly IR.PortModel[], diagnostics: Diagnostic[]): IR.ExposeModel | undefined {
  const host = text(b, "host");
  if (!b || host === undefined) return undefined;
  const port = portOf(b, "expose", service, ports, diagnostics);
  const gateway = field(b, "gateway");
  const cls = field(b, "class");
  if (strategy === "gateway" && gateway === undefined) {
    diagnostics.push(diag("KD4023", b.span, `under the \`gateway\` strategy, \`expose\` needs the \`gateway\` its HTTPRoute attaches to`, { hints: ['add `gateway = "NAME"` naming a Gateway in the cluster.'] }));
    return undefined;
  }
  if (strategy !== "gateway" && gateway !== undefined) {
    diagnostics.push(diag("KD4023", gateway.span, `\`gateway\` only applies to the \`gateway\` strategy; \`${service}\` is exposed with an Ingress`, { hints: ["set `strategy = gateway`, or remove `gateway` (and use `class` to pick the Ingress class)."] }));
    return undefined;
  }
  if (strategy === "gateway" && cls !== undefined) {
    diagnostics.push(diag("KD4023", cls.span, "`class` is the Ingress class; under the `gateway` strategy the route attaches to `gateway` instead"));
    return undefined;
  }
  // An HTTPRoute has no certificate: TLS ends at the Gateway's listener. Taking `tls` here and
  // writing nothing would leave the user believing HTTPS is set up.
  const tlsField = field(b, "tls");
  if (strategy === "gateway" && tlsField !== undefined) {
    diagnostics.push(diag("KD4023", tlsField.span, "under the `gateway` strategy TLS is the Gateway's: an HTTPRoute carries no certificate", { hints: ["put the certificate on the Gateway's HTTPS listener (`certificateRefs`) and remove `tls` here."] }));
    return undefined;
  }
  const gatewayNs = field(b, "gateway-namespace");
  if (strategy !== "gateway" && gatewayNs !== undefined) {
    diagnostics.push(diag("KD4023", gatewayNs.span, `\`gateway-namespace\` only applies to the \`gateway\` strategy; \`${service}\` is exposed with an Ingress`));
    return undefined;
  }
  if (!port) return undefined;
  const e: { -readonly [K in keyof IR.ExposeModel]: IR.ExposeModel[K] } = { host, path: text(b, "path") ?? "/", port, origin: b.span };
  const tls = text(b, "tls");
  if (tls !== undefined) e.tls = tls;
  if (cls?.v === "string") e.className = cls.s;
  if (gateway?.v === "string") e.gateway = gateway.s;
  if (gatewayNs?.v === "string") e.gatewayNamespace = gatewayNs.s;
  return e;
}

function lowerMetrics(b: BlockValue | undefined, service: string, ports: readonly IR.PortModel[], appMonitor: boolean, diagnostics: Diagnostic[]): IR.MetricsModel | undefined {
  if (!b) return undefined;
  const port = portOf(b, "metrics", service, ports, diagnostics);
  if (!port) return undefined;
  const monitor = field(b, "monitor");
  return { path: text(b, "path") ?? "/metrics", port, monitor: monitor?.v === "bool" ? monitor.b : appMonitor, origin: b.span };
}

function files(b: BlockValue, diagnostics: Diagnostic[]): readonly IR.SecretFiles[] {
  const block = sub(b, "files");
  if (!block || block.fields.size === 0) return NONE;
  const out: IR.SecretFiles[] = [];
  for (const [path, v] of block.fields) {
    if (v.v !== "string") continue;
    const problem = !path.startsWith("/") ? "it must be absolute" : path.split("/").includes("..") ? "it must not contain `..`" : /[:\s]/.test(path) ? "it must not contain `:` or spaces" : undefined;
    const clash = out.find((o) => o.path === path || path.startsWith(o.path + "/") || o.path.startsWith(path + "/"));
    if (problem || clash) {
      diagnostics.push(diag("KD3045", v.span, problem ? `\`${path}\` cannot be a mount path: ${problem}` : `\`${path}\` overlaps \`${clash!.path}\`, where another secret is mounted`, { hints: ['mount each secret in its own absolute directory: `files { "/etc/creds" = db-creds }`.'] }));
      continue;
    }
    out.push({ path: path.replace(/\/+$/, "") || "/", secret: v.s, origin: v.span });
  }
  return out;
}

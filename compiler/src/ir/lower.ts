// Lowering: evaluated values → the app model. Here the last facts that need the whole app are
// checked (a referenced service must have a port), and secret values are read when, and only
// when, the build asked for inline secrets.
import { withoutRepeats, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { Host } from "../host.ts";
import type { Analysis } from "../semantics/analyse.ts";
import type { EvaluatedDecl } from "../evaluate/evaluate.ts";
import type { BlockValue, Value } from "../semantics/values.ts";
import { imageTag } from "../semantics/names.ts";
import type * as IR from "./model.ts";
import { posix as path } from "node:path";
import { lowerPatches, selectOf } from "./lower-patches.ts";
import { lowerRelease, type AppRelease } from "./lower-release.ts";
import { appWithProfiles, lowerCron, lowerPod, lowerServiceOps, positiveSeconds, type Mutable } from "./lower-workload.ts";
import { checkProbePorts, resources, Shared } from "./lower-parts.ts";

export interface LowerOptions {
  readonly secrets: "reference" | "inline";
  readonly profiles: readonly string[];
  /** Project root, for `file(...)` secret values. */
  readonly root: string;
  /** kdsl.json's defaults: the namespace when the app sets none, the strategy when the app sets none. */
  readonly namespace?: string;
  readonly strategy?: IR.Strategy;
}

function get<V extends Value["v"]>(b: BlockValue, key: string, v: V): Extract<Value, { v: V }> | undefined {
  const x = b.fields.get(key);
  return x && x.v === v ? (x as Extract<Value, { v: V }>) : undefined;
}
const str = (b: BlockValue, k: string) => get(b, k, "string")?.s;
const strings = (b: BlockValue, k: string) => get(b, k, "list")?.items.flatMap((i) => (i.v === "string" ? [i.s] : []));
const workloads = (b: BlockValue, k: string): readonly string[] => {
  const list = get(b, k, "list");
  return list && list.items.length > 0 ? list.items.flatMap((i) => (i.v === "workload" ? [i.name] : [])) : NONE;
};
/** One empty label set for every workload without labels (IR records are read-only). */
const NO_LABELS: Record<string, string> = Object.freeze({}) as Record<string, string>;
/** One empty list for every workload that has none (IR lists are read-only). */
const NONE: readonly never[] = Object.freeze([]);
const NO_PATHS: readonly { path: string; span: import("../syntax/span.ts").Span }[] = NONE;

export function lower(analysis: Analysis, decls: readonly EvaluatedDecl[], host: Host, options: LowerOptions): { app: IR.AppModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // Only `.url`-style references need it: made on first use, not for every build.
  let byNameMap: Map<string, EvaluatedDecl> | undefined;
  const byName = (name: string): EvaluatedDecl | undefined => {
    if (byNameMap === undefined) {
      byNameMap = new Map();
      for (const d of decls) byNameMap.set(d.symbol.name, d);
    }
    return byNameMap.get(name);
  };
  // Values a template gives every user are one object (semantics/template-memo.ts), and so is what
  // they lower to: one ports list, one set of probes, one scratch list for all of them.
  const shared = new Shared();
  const appStrategy = analysis.app && get(analysis.app.value, "strategy", "string");
  const appRelease: AppRelease = { strategy: (appStrategy?.s as IR.Strategy | undefined) ?? options.strategy ?? "replicas", monitor: (analysis.app && get(analysis.app.value, "monitor", "bool")?.b) ?? false };
  const name = analysis.app?.name.text ?? "app";
  const services: IR.ServiceModel[] = [];
  const jobs: IR.JobModel[] = [];
  const crons: IR.CronModel[] = [];
  const secrets: IR.SecretModel[] = [];
  const configs: IR.ConfigModel[] = [];

  const env = (b: BlockValue): IR.EnvVar[] => {
    const out: IR.EnvVar[] = [];
    for (const [k, v] of get(b, "env", "block")?.fields ?? []) {
      let value: IR.EnvValue | undefined;
      if (v.v === "string") value = { kind: "literal", value: v.s };
      else if (v.v === "secretRef") value = { kind: "secret", secret: v.secret, key: v.key };
      else if (v.v === "configRef") value = { kind: "config", config: v.config, key: v.key };
      else if (v.v === "serviceRef") {
        const target = byName(v.service);
        if (target && !get(target.final, "port", "block")?.fields.size) {
          diagnostics.push(diag("KD4003", v.span, `service \`${v.service}\` has no port, so it has no \`.${v.form}\``, { hints: [`give \`${v.service}\` a port: \`port http 8080\`.`] }));
        }
        value = { kind: "service", service: v.service, form: v.form };
      } else if (v.v === "interp") {
        for (const p of v.parts) {
          const target = typeof p === "string" ? undefined : byName(p.service);
          if (typeof p !== "string" && target && !get(target.final, "port", "block")?.fields.size) {
            diagnostics.push(diag("KD4003", v.span, `service \`${p.service}\` has no port, so it has no \`.${p.form}\``, { hints: [`give \`${p.service}\` a port: \`port http 8080\`.`] }));
          }
        }
        value = { kind: "interpolated", parts: v.parts };
      }
      if (value) out.push({ name: k, value, origin: v.span });
    }
    return out;
  };

  const workload = (d: EvaluatedDecl): Mutable<IR.Workload> => {
    const b = d.final;
    let labels: Record<string, string> = NO_LABELS;
    for (const [k, v] of get(b, "labels", "block")?.fields ?? []) if (v.v === "string") (labels === NO_LABELS ? (labels = {}) : labels)[k] = v.s;
    const w: Mutable<IR.Workload> = { name: d.symbol.name, image: str(b, "image") ?? "", labels, env: env(b), resources: resources(get(b, "resources", "block")), origin: d.symbol.decl.name!.span };
    const run = str(b, "run");
    if (run !== undefined) w.run = run;
    const command = strings(b, "command");
    if (command?.length) w.command = command;
    const args = strings(b, "args");
    if (args?.length) w.args = args;
    const k8s = b.fields.get("k8s");
    if (k8s) {
      const patches = lowerPatches(k8s);
      if (patches.length) w.patches = patches;
    }
    const avoid = get(b, "avoid", "selector");
    if (avoid) w.avoid = avoid.selector;
    return w;
  };

  for (const d of decls) {
    const b = d.final;
    switch (d.symbol.kind) {
      case "service": {
        // Built field by field, not with spreads: `{ ...w, ...lowerRelease(...) }` and the
        // `{ volumePaths, ...ops }` rest went through V8's generic property-copying runtime and
        // made this loop the slowest part of lowering (N=5,000: ~150 ms of self time).
        const ports = shared.ports(get(b, "port", "block"));
        const s = workload(d) as Mutable<IR.ServiceModel>;
        s.replicas = get(b, "replicas", "int")?.n ?? 1;
        s.ports = ports;
        s.probes = shared.probes(get(b, "health", "block"), diagnostics);
        checkProbePorts(s.name, ports, s.probes, diagnostics);
        const release = lowerRelease(b, s.name, s.image, ports, appRelease, s.origin, diagnostics);
        s.versions = release.versions;
        s.strategy = release.strategy;
        s.steps = release.steps;
        s.files = release.files;
        if (release.expose) s.expose = release.expose;
        if (release.metrics) s.metrics = release.metrics;
        s.uses = workloads(b, "uses");
        const select = selectOf(get(b, "select", "selector"), diagnostics);
        if (select) s.select = select;
        const volumePaths = lowerServiceOps(b, s, s.resources.cpu?.request !== undefined, diagnostics);
        lowerPod(b, s, diagnostics, volumePaths, shared.scratch, s.files.length === 0 ? NO_PATHS : s.files.map((f) => ({ path: f.path, span: f.origin })));
        services.push(s);
        break;
      }
      case "job": {
        const j = lowerPod(b, workload(d) as Mutable<IR.JobModel>, diagnostics, NO_PATHS, shared.scratch);
        j.retries = get(b, "retries", "int")?.n ?? 3;
        j.after = workloads(b, "after");
        const deadline = positiveSeconds(b, "deadline", diagnostics);
        if (deadline !== undefined) j.deadline = deadline;
        jobs.push(j);
        break;
      }
      case "cron":
        crons.push(lowerCron(b, lowerPod(b, workload(d) as Mutable<IR.CronModel>, diagnostics, NO_PATHS, shared.scratch), diagnostics));
        break;
      case "secret": {
        const entries: IR.SecretEntry[] = [];
        const store = get(b, "store", "string");
        for (const [key, v] of b.fields) {
          if (v.v === "remote" || v.v === "source") {
            // A secret reads either the project's environment and files, or an external store.
            const misplaced = store ? v.v === "source" : v.v === "remote";
            if (misplaced) {
              diagnostics.push(diag("KD4024", v.span, store ? `secret \`${d.symbol.name}\` reads from store \`${store.s}\`, so its keys use \`remote("...")\`` : `\`remote(...)\` reads an external store, and secret \`${d.symbol.name}\` names none`, { hints: store ? [`write \`${key} = remote("path/in/store")\`.`] : ['add `store = "NAME"` naming the SecretStore, or read the value with `env("NAME")` or `file("path")`.'] }));
              continue;
            }
          }
          if (v.v === "remote") {
            entries.push({ key, source: v.property === undefined ? { kind: "remote", key: v.key } : { kind: "remote", key: v.key, property: v.property }, origin: v.span });
            continue;
          }
          if (v.v !== "source") continue;
          const source: IR.SecretSource = v.from === "env" ? { kind: "env", name: v.arg } : { kind: "file", path: v.arg };
          let value: string | Uint8Array | undefined;
          if (options.secrets === "inline") {
            if (v.from === "env") {
              value = host.getEnv(v.arg);
              if (value === undefined) diagnostics.push(diag("KD4001", v.span, `environment variable \`${v.arg}\` is not set`, { label: "needed for `--secrets inline`", hints: [`set it, or build with \`--secrets reference\` to reference secret \`${d.symbol.name}\` by name.`] }));
            } else {
              const read = host.readBytes(path.join(options.root, v.arg));
              if ("bytes" in read) value = secretFileValue(read.bytes);
              else diagnostics.push(diag("KD4002", v.span, `cannot read \`${v.arg}\`: ${READ_ERRORS[read.error]}${read.detail ? ` (${read.detail})` : ""}`, { hints: ["the path is relative to the project directory."] }));
            }
          }
          entries.push(value === undefined ? { key, source, origin: v.span } : { key, source, value, origin: v.span });
        }
        const secret: { -readonly [K in keyof IR.SecretModel]: IR.SecretModel[K] } = { name: d.symbol.name, entries, origin: d.symbol.decl.name!.span };
        if (store) secret.store = store.s;
        const refresh = get(b, "refresh", "duration")?.seconds;
        if (refresh !== undefined) secret.refresh = Math.ceil(refresh);
        secrets.push(secret);
        break;
      }
      case "config": {
        const entries: IR.ConfigEntry[] = [];
        for (const [key, v] of b.fields) if (v.v === "string") entries.push({ key, value: v.s, origin: v.span });
        configs.push({ name: d.symbol.name, entries, origin: d.symbol.decl.name!.span });
        break;
      }
    }
  }
  const namespace = (analysis.app && str(appWithProfiles(analysis, options.profiles), "namespace")) ?? options.namespace ?? name;
  const origin = analysis.app?.name.span ?? { file: ".", start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 };
  return { app: { name, namespace, profiles: options.profiles, services, jobs, crons, secrets, configs, secretsMode: options.secrets, origin }, diagnostics: withoutRepeats(diagnostics) };
}

export { imageTag };

// Exact bytes: no BOM dropped, no replacement characters; anything that is not UTF-8 stays bytes.
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** A secret file's value: its text when it is UTF-8 (written readable), else its bytes. */
function secretFileValue(bytes: Uint8Array): string | Uint8Array {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return bytes;
  }
}

/** The host's read errors in words, for KD4002. */
const READ_ERRORS: Record<"not-found" | "is-directory" | "unreadable", string> = {
  "not-found": "no such file",
  "is-directory": "it is a directory",
  unreadable: "it cannot be read",
};

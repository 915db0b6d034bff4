// The runtime backend: the app model → the plan the built-in runtime executes (types.ts). Ports,
// environment, probes, start order and what is ignored locally each have their own file.
import type { AppModel, CronModel, JobModel } from "../../ir/model.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { diag } from "../../diagnostics/catalogue.ts";
import { processOf, type EnvContext } from "./env.ts";
import { ignoredSettings } from "./ignored.ts";
import { startOrder } from "./order.ts";
import { notRunnable, planServices, portsNeeded, proxyPorts } from "./services.ts";
import { PLAN_VERSION, type Plan, type PlanJob } from "./types.ts";

export type { Plan } from "./types.ts";

export interface PlanOptions {
  /** The project directory, written as the plan's root. */
  readonly root: string;
  readonly basePort: number;
}

export function toPlan(app: AppModel, options: PlanOptions): { plan?: Plan; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const needed = portsNeeded(app);
  if (options.basePort + needed - 1 > 65535) {
    const biggest = [...app.services].sort((a, b) => b.replicas - a.replicas)[0];
    diagnostics.push(diag("KD6005", biggest?.origin ?? app.origin, `the runtime needs ${needed} local ports from ${options.basePort}, past the last port 65535`, { hints: ["run fewer replicas locally (a profile for local runs can lower `replicas`), or set a lower `runtime.basePort` in kdsl.json."] }));
    return { diagnostics };
  }
  const proxies = proxyPorts(app, options.basePort);
  const proxyOf = new Map([...proxies].flatMap(([name, ports]) => (ports[0] ? [[name, ports[0].proxy] as const] : [])));
  const ctx: EnvContext = { app, proxyOf };
  const firstListen = options.basePort + [...proxies.values()].reduce((a, p) => a + p.length, 0);
  const services = planServices(app, ctx, proxies, firstListen, diagnostics);
  const jobs = [...app.jobs.map((j) => planJob(ctx, j)), ...app.crons.map((c) => planJob(ctx, c))];
  const { order, diagnostics: cycles } = startOrder(app);
  diagnostics.push(...cycles);
  const ignored = ignoredSettings(app);
  if (ignored.length) {
    const list = ignored.map((i) => `\`${i.setting}\` (${names(i.declarations, false)})`).join(", ");
    diagnostics.push(diag("KD6002", app.origin, `the local runtime ignores these Kubernetes-only settings: ${list}`, { hints: ["the plan's `ignored` list says why for each."] }));
  }
  const idle = [...app.services, ...app.jobs].filter((w) => w.run === undefined).map((w) => w.name);
  if (idle.length) {
    const first = [...app.services, ...app.jobs].find((w) => w.run === undefined)!;
    diagnostics.push(diag("KD6003", first.origin, `not run locally, having no \`run\` command: ${names(idle)}`, { hints: ["start them yourself (e.g. a container) or give them `run = \"...\"`; the plan lists them with `runnable: false`."] }));
  }
  return { plan: { kdslPlan: PLAN_VERSION, app: app.name, root: options.root, profiles: app.profiles, basePort: options.basePort, services, jobs, order, ignored }, diagnostics };
}

function planJob(ctx: EnvContext, j: JobModel | CronModel): PlanJob {
  const runnable = j.run !== undefined;
  const cron = "schedule" in j;
  return {
    name: j.name,
    runnable,
    ...(runnable ? {} : { reason: notRunnable(j.image) }),
    ...(runnable ? { process: processOf(ctx, j) } : {}),
    retries: j.retries,
    ...(j.deadline !== undefined ? { deadline: j.deadline } : {}),
    after: cron ? [] : (j as JobModel).after,
    ...(cron ? { schedule: (j as CronModel).schedule } : {}),
    manual: cron,
  };
}

/** The plan as written to disk: two-space JSON, keys in the order built, a final newline. */
export function planJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + "\n";
}

/** Names for a message: the first few, then how many more (a generated app may have thousands). */
function names(list: readonly string[], quoted = true, shown = 8): string {
  const head = list.slice(0, shown).map((n) => (quoted ? `\`${n}\`` : n)).join(", ");
  return list.length > shown ? `${head} and ${list.length - shown} more` : head;
}

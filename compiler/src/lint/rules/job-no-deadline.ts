// A job without a deadline can hang forever, holding its resources and blocking what waits for it.
import type { Rule } from "../rule.ts";
import { podsOf, workloads } from "../pods.ts";

export const rule: Rule = {
  id: "job-no-deadline",
  category: "reliability",
  severity: "warning",
  summary: "A job or cron has no `deadline` (`activeDeadlineSeconds`)",
  docs: {
    rationale:
      "A run that hangs (a lock never released, a network call without a timeout) keeps running for ever: its pod holds its CPU and memory, jobs waiting `after` it never start, and a cron with `overlap = forbid` skips every later run. A deadline stops the run and marks it failed, so that it is retried or someone is alerted.",
    bad: `app shop

job migrate {
  image = "ghcr.io/example/migrate:1.0.0"
}
`,
    good: `app shop

job migrate {
  image = "ghcr.io/example/migrate:1.0.0"
  deadline = 30m
}
`,
    fix: "Set `deadline` to a generous multiple of a normal run, e.g. `deadline = 30m`.",
  },
  check(ctx) {
    for (const { kind, model: w } of workloads(ctx)) {
      if (kind === "service") continue;
      if ((w as { deadline?: number }).deadline !== undefined) continue;
      // A `k8s` patch may set activeDeadlineSeconds on the Job (or the cron's job template).
      const patched = ctx.objects.some((o) => o.object.metadata.labels?.["app.kubernetes.io/name"] === w.name && hasDeadline(o.object));
      if (patched || podsOf(ctx, w.name).some((p) => typeof p.spec["activeDeadlineSeconds"] === "number")) continue;
      ctx.report({
        span: ctx.spanOf(w.name),
        message: `${kind} \`${w.name}\` has no deadline`,
        label: "may run for ever",
        hints: ["set `deadline` (e.g. `deadline = 30m`) so that a hung run is stopped."],
      });
    }
  },
};

function hasDeadline(o: Record<string, unknown>): boolean {
  const spec = o["spec"] as Record<string, unknown> | undefined;
  const jobSpec = (spec?.["jobTemplate"] as Record<string, unknown> | undefined)?.["spec"] as Record<string, unknown> | undefined;
  return typeof (o["kind"] === "CronJob" ? jobSpec : spec)?.["activeDeadlineSeconds"] === "number";
}

// `retries = 0` turns every transient failure (a node drain, a network blip) into a failed job.
import type { Rule } from "../rule.ts";
import { patchSpan, workloads } from "../pods.ts";
import { jobSpec, mainObject } from "../emitted.ts";

export const rule: Rule = {
  id: "job-no-retries",
  category: "reliability",
  severity: "info",
  summary: "A job or cron is never retried (`retries = 0`)",
  docs: {
    rationale:
      "Pods are evicted by node drains, preempted, and hit by network errors that have nothing to do with the job. With `retries = 0` (`backoffLimit: 0`) the first such failure fails the whole job, and jobs waiting `after` it never run.",
    bad: `app shop

job migrate {
  image = "ghcr.io/example/migrate:1.0.0"
  deadline = 30m
  retries = 0
}
`,
    good: `app shop

job migrate {
  image = "ghcr.io/example/migrate:1.0.0"
  deadline = 30m
  retries = 3
}
`,
    fix: "Allow a few retries (`retries = 3`, kdsl's default) and make the job safe to run twice. A `k8s` patch of `backoffLimit` is what runs, and is judged (and reported) as emitted.",
    suppress: "A job that must not run twice (it is not idempotent) is a good reason: `// kdsl-ignore job-no-retries: sends invoices, must not run twice`.",
  },
  check(ctx) {
    for (const { kind, model: w } of workloads(ctx)) {
      if (kind === "service") continue;
      // As emitted: `k8s { spec.backoffLimit = 0 }` (a cron's `spec.jobTemplate.spec.backoffLimit`) counts.
      const o = mainObject(ctx, w.name);
      const emitted = o ? jobSpec(o)?.["backoffLimit"] : undefined;
      const retries = typeof emitted === "number" ? emitted : (w as { retries?: number }).retries;
      if (retries !== 0) continue;
      const patched = patchSpan(ctx, w.name, [["spec", "backoffLimit"], ["spec", "jobTemplate", "spec", "backoffLimit"]]);
      ctx.report({
        span: patched ?? ctx.spanOf(w.name, ["retries"]),
        message: `${kind} \`${w.name}\` fails on its first error (${patched ? "`backoffLimit: 0`" : "`retries = 0`"})`,
        label: "no retries",
        hints: [patched ? "remove the `backoffLimit` patch and allow a few retries (`retries = 3`), and make the job safe to repeat." : "allow a few retries (`retries = 3`) and make the job safe to repeat."],
      });
    }
  },
};

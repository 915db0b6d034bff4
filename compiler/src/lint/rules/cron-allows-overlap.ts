// Overlapping runs of a cron pile up when a run is slow, and double-process the same work.
import type { Rule } from "../rule.ts";
import { asJson, ownerOf } from "../pods.ts";

export const rule: Rule = {
  id: "cron-allows-overlap",
  category: "reliability",
  severity: "warning",
  summary: "A cron lets a new run start while the last one still runs (`concurrencyPolicy: Allow`)",
  docs: {
    rationale:
      "With `overlap = allow` (Kubernetes' `concurrencyPolicy: Allow`, its default), a run that takes longer than the interval starts a second one beside it, then a third: slow runs pile up, compete for the same locks and rows, and the same work is done twice. `forbid` skips a run while one is active; `replace` stops the old one.",
    bad: `app shop

cron report {
  image = "ghcr.io/example/report:1.0.0"
  schedule = "*/5 * * * *"
  overlap = allow
  deadline = 4m
}
`,
    good: `app shop

cron report {
  image = "ghcr.io/example/report:1.0.0"
  schedule = "*/5 * * * *"
  overlap = forbid
  deadline = 4m
}
`,
    fix: "Set `overlap = forbid` (kdsl's default) or `overlap = replace`. There is no automatic fix: which one is right depends on the job.",
    suppress: "Runs that are independent and safe side by side may allow overlap: say so in the reason.",
  },
  check(ctx) {
    for (const o of ctx.objects) {
      if (o.object.kind !== "CronJob") continue;
      const policy = asJson(o.object["spec"])?.["concurrencyPolicy"];
      if (policy !== undefined && policy !== "Allow") continue;
      const name = ownerOf(o);
      ctx.report({
        span: ctx.decl(name) ? ctx.spanOf(name, ["overlap"]) : o.origin,
        message: `cron \`${name}\` may start a run while the last one still runs`,
        label: "overlap allowed",
        hints: ["set `overlap = forbid` (skip a run while one is active) or `overlap = replace`."],
      });
    }
  },
};

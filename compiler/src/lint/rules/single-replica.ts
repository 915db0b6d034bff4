// A service with one replica is down during every rollout, node drain and crash.
import type { Rule } from "../rule.ts";
import type { Span } from "../../syntax/span.ts";
import type { LintContext } from "../rule.ts";
import { setFieldFix } from "../fixes.ts";

export const rule: Rule<{ minReplicas: number }> = {
  id: "single-replica",
  category: "reliability",
  severity: "warning",
  summary: "A service runs fewer replicas than the configured minimum (two, by default)",
  docs: {
    rationale:
      "With a single replica, every node drain, eviction, crash and many rollouts leave the service with nothing to answer requests. Two replicas on different nodes ride through all of them.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 1
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 2
}
`,
    fix: "Set `replicas` to at least `minReplicas` (2 by default). `kdsl lint --fix` does so in the declaration itself (never in a shared template): a value inherited from a template is reported on the declaration, with a note where the template sets it. Services scaled to `0` on purpose are not reported.",
    suppress: "A singleton by design (a leader-elected scheduler, a dev-only tool) is a good reason: `// kdsl-ignore single-replica: exactly one scheduler may run` above the service.",
  },
  options: {
    schema: { minReplicas: { type: "integer", minimum: 2, description: "The fewest replicas a service should run." } },
    defaults: { minReplicas: 2 },
  },
  fixable: true,
  check(ctx) {
    const min = ctx.options.minReplicas;
    for (const s of ctx.app.services) {
      // An autoscaler owns the count: it never goes below its `min` (which defaults to `replicas`).
      if (s.autoscale !== undefined && s.autoscale.min >= min) continue;
      if (s.autoscale !== undefined && ctx.field(s.name, ["autoscale", "min"]) !== undefined) {
        ctx.report({
          span: ctx.spanOf(s.name, ["autoscale", "min"]),
          message: `service \`${s.name}\` may scale down to ${s.autoscale.min} replica${s.autoscale.min === 1 ? "" : "s"}, fewer than ${min}`,
          label: "too low a minimum",
          hints: [`set \`autoscale.min = ${min}\` so that a drain or a crash leaves one running.`],
        });
        continue;
      }
      if (!(s.replicas > 0 && s.replicas < min)) continue;
      const fix = setFieldFix(ctx, s.name, "replicas", String(min), `set replicas = ${min}`);
      // Reported on the declaration unless it writes `replicas` itself: the fix edits the
      // declaration (never a shared template), and a suppression above it must cover it.
      const own = ctx.isOwn(s.name, ["replicas"]);
      const v = ctx.field(s.name, ["replicas"]);
      const inherited = !own && v !== undefined && ctx.spanOf(s.name, ["replicas"]) === v.span;
      ctx.report({
        span: own ? ctx.spanOf(s.name, ["replicas"]) : ctx.spanOf(s.name),
        message: `service \`${s.name}\` runs ${s.replicas} replica${s.replicas === 1 ? "" : "s"}, fewer than ${min}`,
        label: own ? "too few replicas" : inherited ? `inherits \`replicas = ${s.replicas}\`` : "runs one replica by default",
        hints: [`set \`replicas = ${min}\` ${own ? "" : "in this declaration "}so that a drain or a crash leaves one running.`],
        ...(inherited ? { related: [{ span: v.span, message: `\`replicas = ${s.replicas}\` is set ${setIn(ctx, v.span)}` }] } : {}),
        ...(fix ? { fix } : {}),
      });
    }
  },
};

/** Where an inherited value is written, for the related note: `in template \`base\``. */
function setIn(ctx: LintContext<unknown>, span: Span): string {
  const file = [...ctx.program.files, ...ctx.program.modules].find((f) => f.file === span.file);
  const item = file?.items.find((i) => i.span.start <= span.start && span.end <= i.span.end);
  if (item && (item.kind === "Template" || item.kind === "Profile") && item.name) return `in ${item.kind === "Template" ? "template" : "profile"} \`${item.name.text}\``;
  return "outside the declaration";
}

// A service with one replica is down during every rollout, node drain and crash.
import type { Rule } from "../rule.ts";
import { setFieldFix } from "../fixes.ts";
import { asJson, patchSpan } from "../pods.ts";
import { mainObject } from "../emitted.ts";
import { profileAt, setIn } from "../inherited.ts";

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
    fix: "Set `replicas` to at least `minReplicas` (2 by default). `kdsl lint --fix` does so in the declaration itself (never in a shared template): a value inherited from a template is reported on the declaration, with a note where the template sets it. Services scaled to `0` on purpose are not reported. A `k8s { spec.replicas = ... }` patch is what runs (without `autoscale`), so it is judged and reported at the patch; a `replicas` set by an applied profile is reported in the profile, to be changed there (it overrides the declaration), with no fix.",
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
        const span = ctx.spanOf(s.name, ["autoscale", "min"]);
        const profile = profileAt(ctx, span);
        ctx.report({
          span,
          message: `service \`${s.name}\` may scale down to ${s.autoscale.min} replica${s.autoscale.min === 1 ? "" : "s"}, fewer than ${min}`,
          label: profile ? `set by profile \`${profile}\`` : "too low a minimum",
          hints: [`set \`autoscale.min = ${min}\`${profile ? ` in profile \`${profile}\` (it overrides the declaration)` : ""} so that a drain or a crash leaves one running.`],
        });
        continue;
      }
      // A `k8s { spec.replicas = 1 }` patch is what Kubernetes runs, whatever `replicas` says
      // (without an autoscaler: with one, the autoscaler owns the count and the patch is moot).
      const patched = s.autoscale === undefined ? patchSpan(ctx, s.name, [["spec", "replicas"]]) : undefined;
      const emitted = patched ? asJson(mainObject(ctx, s.name)?.object["spec"])?.["replicas"] : undefined;
      if (patched && typeof emitted === "number") {
        if (emitted > 0 && emitted < min) {
          ctx.report({
            span: patched,
            message: `service \`${s.name}\` runs ${emitted} replica${emitted === 1 ? "" : "s"}, fewer than ${min}`,
            label: "set by a `k8s` patch",
            hints: [`remove the \`spec.replicas\` patch and set \`replicas = ${min}\` (or patch \`spec.replicas = ${min}\`) so that a drain or a crash leaves one running.`],
          });
        }
        continue;
      }
      if (!(s.replicas > 0 && s.replicas < min)) continue;
      // A profile overrides the declaration: the fix belongs in the profile, and no edit of the
      // declaration would change what runs.
      const value = ctx.field(s.name, ["replicas"]);
      const profile = value && ctx.spanOf(s.name, ["replicas"]) === value.span ? profileAt(ctx, value.span) : undefined;
      if (value && profile) {
        ctx.report({
          span: value.span,
          message: `service \`${s.name}\` runs ${s.replicas} replica${s.replicas === 1 ? "" : "s"}, fewer than ${min}`,
          label: `set by profile \`${profile}\``,
          hints: [`set \`replicas = ${min}\` in profile \`${profile}\` (it overrides the declaration) so that a drain or a crash leaves one running.`],
        });
        continue;
      }
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

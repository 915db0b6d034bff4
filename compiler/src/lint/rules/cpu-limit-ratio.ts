// A CPU limit far above the request overcommits nodes: the promised CPU is not there under load.
import type { Rule } from "../rule.ts";
import { cpuMillis, workloads } from "../pods.ts";

export const rule: Rule<{ ratio: number }> = {
  id: "cpu-limit-ratio",
  category: "efficiency",
  severity: "warning",
  summary: "A CPU limit is far above the CPU request (more than `ratio` times, 4 by default)",
  docs: {
    rationale:
      "The scheduler places pods by their requests; the limit is how much they may burst. With a limit many times the request, a node packed on requests is heavily overcommitted: when several pods burst at once they are throttled far below their limits, latencies jump, and the request no longer says what the program needs.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  resources { cpu = 100m to 2 }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  resources { cpu = 500m to 1 }
}
`,
    fix: "Raise the request towards what the program uses under normal load, or lower the limit: keep `limit / request` at or below `ratio`.",
  },
  options: {
    schema: { ratio: { type: "number", exclusiveMinimum: 1, description: "The largest allowed CPU limit / request ratio." } },
    defaults: { ratio: 4 },
  },
  check(ctx) {
    for (const { model: w } of workloads(ctx)) {
      const cpu = w.resources?.cpu;
      const req = cpuMillis(cpu?.request);
      const lim = cpuMillis(cpu?.limit);
      if (!req || !lim || lim / req <= ctx.options.ratio) continue;
      ctx.report({
        span: ctx.spanOf(w.name, ["resources", "cpu"]),
        message: `the CPU limit of \`${w.name}\` (${cpu!.limit}) is ${+(lim / req).toFixed(1)} times its request (${cpu!.request}), more than ${ctx.options.ratio}`,
        label: "limit far above request",
        hints: [`raise the request or lower the limit to within ${ctx.options.ratio}× (e.g. \`cpu = ${Math.ceil(lim / ctx.options.ratio)}m to ${cpu!.limit}\`).`],
      });
    }
  },
};

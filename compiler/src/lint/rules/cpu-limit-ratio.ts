// A CPU limit far above the request overcommits nodes: the promised CPU is not there under load.
import type { Rule } from "../rule.ts";
import { asJson, cpuMillis, patchSpan, workloads } from "../pods.ts";
import { appContainers } from "../emitted.ts";

/** `4.01`, `40`, `2.5`: the ratio to two decimals, without trailing zeros (never rounded down to the limit itself). */
const shown = (r: number) => String(+(Math.floor(r * 100) / 100).toFixed(2));

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
    fix: "Raise the request towards what the program uses under normal load, or lower the limit: keep `limit / request` at or below `ratio`. Requests and limits are judged as emitted, so a `k8s.container { resources.limits.cpu = ... }` patch counts.",
  },
  options: {
    schema: { ratio: { type: "number", exclusiveMinimum: 1, description: "The largest allowed CPU limit / request ratio." } },
    defaults: { ratio: 4 },
  },
  check(ctx) {
    for (const { model: w } of workloads(ctx)) {
      // As emitted: a request or limit from a `k8s.container { resources... }` patch counts.
      const declared = w.resources?.cpu;
      const emitted = appContainers(ctx, w.name).map((c) => asJson(c["resources"]));
      const pairs = emitted.length ? emitted.map((r) => ({ request: asJson(r?.["requests"])?.["cpu"], limit: asJson(r?.["limits"])?.["cpu"] })) : [{ request: declared?.request, limit: declared?.limit }];
      let worst: { request: unknown; limit: unknown; ratio: number } | undefined;
      for (const p of pairs) {
        const req = cpuMillis(p.request);
        const lim = cpuMillis(p.limit);
        if (req && lim && lim / req > ctx.options.ratio && lim / req > (worst?.ratio ?? 0)) worst = { ...p, ratio: lim / req };
      }
      if (!worst) continue;
      const lim = cpuMillis(worst.limit)!;
      const patched = patchSpan(ctx, w.name, [["resources", "limits", "cpu"], ["resources", "requests", "cpu"], ["resources"]]);
      const wanted = `${Math.ceil(lim / ctx.options.ratio)}m`;
      ctx.report({
        span: patched ?? ctx.spanOf(w.name, ["resources", "cpu"]),
        // Exact (to two decimals): "4 times, more than 4" reads as a contradiction.
        message: `the CPU limit of \`${w.name}\` (${String(worst.limit)}) is ${shown(worst.ratio)} times its request (${String(worst.request)}), more than ${ctx.options.ratio}`,
        label: "limit far above request",
        hints: [
          patched
            ? `lower the limit the \`k8s.container\` patch sets, or raise the request to at least ${wanted}: keep the limit within ${ctx.options.ratio}× the request.`
            : `raise the request or lower the limit to within ${ctx.options.ratio}× (e.g. \`cpu = ${wanted} to ${String(worst.limit)}\`).`,
        ],
      });
    }
  },
};

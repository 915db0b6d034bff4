// Without a memory limit, one leaking container can take a node's memory from every other pod.
import type { Fix } from "../../diagnostics/diagnostic.ts";
import type { LintContext, Rule } from "../rule.ts";
import { addMemberFix, asJson, asList, patchSpan, podsOf, workloads, type Json } from "../pods.ts";
import { siteOf, textAt } from "../inherited.ts";

export const rule: Rule = {
  id: "no-memory-limit",
  category: "reliability",
  severity: "warning",
  summary: "A workload that states its resources sets no memory limit",
  docs: {
    rationale:
      "Memory cannot be throttled like CPU: a container without a memory limit grows until the node runs out, and then the kernel's OOM killer picks victims among every pod on the node. A limit makes the leaking container the one that restarts. A limit equal to the request also gives the pod a predictable place in the eviction order.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  resources {
    cpu = 100m to 500m
    memory = 256Mi
  }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  resources {
    cpu = 100m to 500m
    memory = 256Mi to 256Mi
  }
}
`,
    fix: "Write a limit after the request: `memory = 256Mi to 512Mi`. `kdsl lint --fix` sets the limit equal to the request, the safe choice for memory. Workloads that state no resources at all are reported by `no-resource-limits` instead. The containers are judged as emitted: a limit set by a `k8s.container { resources.limits.memory = \"256Mi\" }` patch counts.",
  },
  fixable: true,
  check(ctx) {
    for (const { model: w } of workloads(ctx)) {
      const r = w.resources ?? {};
      // Judged as emitted, after `k8s.container { resources... }` patches: the app containers that
      // state any request or limit must each have a memory limit. Without emitted pods (read
      // defensively), the declaration's `resources`.
      const containers = podsOf(ctx, w.name).flatMap((p) => asList(p.spec["containers"]));
      const missing = containers.length ? containers.some((c) => states(c) && asJson(asJson(c["resources"])?.["limits"])?.["memory"] === undefined) : !r.memory?.limit && !!(r.memory?.request || r.cpu?.request || r.cpu?.limit);
      if (!missing) continue;
      const stated = !!(r.memory || r.cpu);
      const fix = r.memory?.request && !r.memory.limit ? limitFix(ctx, w.name) : undefined;
      const at = r.memory ? ctx.spanOf(w.name, ["resources", "memory"]) : stated ? ctx.spanOf(w.name, ["resources"]) : (patchSpan(ctx, w.name, [["resources"]]) ?? ctx.spanOf(w.name));
      const site = siteOf(ctx, w.name, at, r.memory ? `\`memory = ${textAt(ctx, at)}\`` : "`resources`");
      ctx.report({
        span: site.span,
        message: `\`${w.name}\` sets no memory limit`,
        label: site.inherited ? "inherits resources without a memory limit" : "no memory limit",
        hints: [r.memory?.request ? `set a limit: \`memory = ${r.memory.request} to ${r.memory.request}\` (or more, measured)${site.inherited ? " in this declaration or the template" : ""}.` : "add `memory = 128Mi to 256Mi` with numbers measured for this program."],
        ...(site.related ? { related: site.related } : {}),
        ...(fix ? { fix } : {}),
      });
    }
  },
};

/** True when an emitted container states any request or limit. */
function states(c: Json): boolean {
  const res = asJson(c["resources"]);
  return Object.keys(asJson(res?.["requests"]) ?? {}).length > 0 || Object.keys(asJson(res?.["limits"]) ?? {}).length > 0;
}

/** `memory = R` → `memory = R to R`, in the declaration itself (never in a shared template). */
function limitFix(ctx: LintContext<unknown>, name: string): Fix | undefined {
  const v = ctx.field(name, ["resources", "memory"]);
  const from = v?.v === "range" ? v.from : v;
  if (!v || from?.v !== "memory" || (v.v === "range" && v.to)) return undefined;
  const text = `${from.raw} to ${from.raw}`;
  const title = `set the memory limit to the request (${from.raw})`;
  if (ctx.isOwn(name, ["resources", "memory"])) {
    const source = ctx.program.texts.get(v.span.file);
    // Only when the span is exactly the written quantity (not a conditional or a computed value).
    if (source?.slice(v.span.start, v.span.end) !== from.raw) return undefined;
    return { title, edits: [{ span: v.span, newText: text }] };
  }
  if (ctx.isOwn(name, ["resources"])) return undefined;
  return addMemberFix(ctx, name, `resources { memory = ${text} }`, title);
}

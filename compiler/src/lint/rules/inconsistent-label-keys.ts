// `team`, `Team` and `team_name`: selectors and dashboards find only one spelling.
import type { Rule } from "../rule.ts";
import { workloads } from "../pods.ts";

/** `appTier`, `app_tier`, `App-Tier` → `apptier`. */
function normal(key: string): string {
  const slash = key.lastIndexOf("/");
  return (slash >= 0 ? key.slice(0, slash + 1) : "") + key.slice(slash + 1).toLowerCase().replace(/[-_.]/g, "");
}

export const rule: Rule = {
  id: "inconsistent-label-keys",
  category: "style",
  severity: "warning",
  summary: "Label keys that differ only in case or separators (`team`, `Team`, `team_`)",
  docs: {
    rationale:
      "Label keys are matched exactly. When some workloads say `team` and others `Team` or `app_tier` next to `app-tier`, a selector, a cost report or a dashboard grouped by the label silently leaves half of them out.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  labels { app-tier = "backend" }
}

service web {
  image = "ghcr.io/example/web:1.0.0"
  labels { app_tier = "frontend" }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  labels { app-tier = "backend" }
}

service web {
  image = "ghcr.io/example/web:1.0.0"
  labels { app-tier = "frontend" }
}
`,
    fix: "Pick one spelling (the most common one is suggested; on a tie the one in lower case) and use it everywhere; a template carrying the shared labels keeps them in step.",
  },
  check(ctx) {
    // Count every spelling once per workload, then report the spellings that are not the most used.
    const spellings = new Map<string, Map<string, { count: number; first: string[] }>>();
    const all = workloads(ctx);
    for (const { model: w } of all) {
      for (const key of Object.keys(w.labels ?? {})) {
        const n = normal(key);
        let m = spellings.get(n);
        if (!m) spellings.set(n, (m = new Map()));
        const e = m.get(key);
        if (e) { e.count++; e.first.push(w.name); } else m.set(key, { count: 1, first: [w.name] });
      }
    }
    for (const m of spellings.values()) {
      if (m.size < 2) continue;
      // The most used spelling; on a tie the one with fewest capitals (`team` over `Team`, as
      // Kubernetes' own keys are written), then the first alphabetically.
      const capitals = (k: string) => k.replace(/[^A-Z]/g, "").length;
      const ranked = [...m.entries()].sort((a, b) => b[1].count - a[1].count || capitals(a[0]) - capitals(b[0]) || (a[0] < b[0] ? -1 : 1));
      const [best] = ranked[0]!;
      for (const [key, e] of ranked.slice(1)) {
        for (const name of e.first) {
          ctx.report({
            span: ctx.spanOf(name, ["labels", key]),
            message: `label key \`${key}\` of \`${name}\` is spelled \`${best}\` elsewhere`,
            label: "inconsistent spelling",
            hints: [`use \`${best}\` like the other workloads.`],
          });
        }
      }
    }
  },
};

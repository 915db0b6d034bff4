// A Service whose selector matches no pod has no endpoints: its address answers nothing.
import type { Rule } from "../rule.ts";
import { asJson, matchesAnyPod, ownerOf } from "../pods.ts";

export const rule: Rule = {
  id: "selector-matches-nothing",
  category: "correctness",
  severity: "error",
  summary: "A `select` (a Service's selector) or `avoid` selector matches no pod of the app",
  docs: {
    rationale:
      "A Service routes to the pods its selector matches. When no pod matches (a typo in a label, a tier nobody has), the Service has no endpoints and every connection to its address fails, with nothing in the manifests looking wrong. An `avoid` that matches nothing silently spreads nothing.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  labels { tier = "backend" }
}

service backends {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  select { tier = "backed" }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  labels { tier = "backend" }
}

service backends {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  select { tier = "backend" }
}
`,
    fix: "Correct the selector's labels to ones the intended workloads carry (`labels { tier = \"backend\" }` on them).",
  },
  check(ctx) {
    const matches = (sel: Record<string, unknown>) => matchesAnyPod(ctx, sel);
    for (const o of ctx.objects) {
      if (o.object.kind !== "Service") continue;
      const sel = asJson(asJson(o.object["spec"])?.["selector"]);
      if (!sel || Object.keys(sel).length === 0 || matches(sel)) continue;
      const owner = ownerOf(o);
      ctx.report({
        span: ctx.decl(owner) ? ctx.spanOf(owner, ["select"]) : o.origin,
        message: o.object.metadata.name === owner ? `the Service of \`${owner}\` selects no pod` : `the Service \`${o.object.metadata.name}\` of \`${owner}\` selects no pod`,
        label: "matches nothing",
        hints: ["give the intended workloads these labels, or correct the selector."],
      });
    }
    for (const s of [...ctx.app.services, ...ctx.app.jobs]) {
      if (!s.avoid) continue;
      const sel = { matchLabels: s.avoid.matchLabels, matchExpressions: s.avoid.matchExpressions } as unknown as Record<string, unknown>;
      if (matches(sel)) continue;
      ctx.report({ span: ctx.spanOf(s.name, ["avoid"]), message: `\`avoid\` of \`${s.name}\` matches no pod of the app`, label: "matches nothing", hints: ["correct the labels, or remove `avoid`."] });
    }
  },
};

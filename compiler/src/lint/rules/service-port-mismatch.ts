// A Service port whose target no selected container listens on drops every connection.
import type { Rule } from "../rule.ts";
import { asJson, asList, ownerOf, podsMatching } from "../pods.ts";

export const rule: Rule = {
  id: "service-port-mismatch",
  category: "correctness",
  severity: "error",
  summary: "A Service port targets a port that none of the pods it selects declares",
  docs: {
    rationale:
      "A Service forwards each port to the `targetPort` of the pods it selects, by name or number. When a selected pod has no container port of that name, Kubernetes leaves it out of the port's endpoints: connections fail although pods are running. It happens when a service's `select` picks pods whose ports are named differently.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  labels { tier = "backend" }
}

service backends {
  image = "ghcr.io/example/api:1.4.2"
  port web 80
  select { tier = "backend" }
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
  port http 80
  select { tier = "backend" }
}
`,
    fix: "Name the port like the selected pods' port (`port http 80`), or select pods that have it.",
  },
  check(ctx) {
    for (const o of ctx.objects) {
      if (o.object.kind !== "Service") continue;
      const spec = asJson(o.object["spec"]) ?? {};
      const sel = asJson(spec["selector"]);
      if (!sel || Object.keys(sel).length === 0) continue;
      const selected = podsMatching(ctx, sel);
      if (selected.length === 0) continue; // selector-matches-nothing says so
      const owner = ownerOf(o);
      for (const port of asList(spec["ports"])) {
        const target = port["targetPort"] ?? port["port"];
        const missing = selected.filter((p) => !p.containers.some((c) => asList(c["ports"]).some((cp) => (typeof target === "string" ? cp["name"] === target : cp["containerPort"] === target))));
        if (missing.length === 0) continue;
        const who = [...new Set(missing.map((p) => ownerOf(p.object)))].sort();
        const portName = typeof port["name"] === "string" ? port["name"] : undefined;
        ctx.report({
          span: ctx.decl(owner) ? (ctx.field(owner, ["select"]) ? ctx.spanOf(owner, ["select"]) : ctx.spanOf(owner, portName ? ["port", portName] : [])) : o.origin,
          message: `port \`${portName ?? String(target)}\` of the Service \`${o.object.metadata.name}\` targets \`${String(target)}\`, which ${who.map((w) => `\`${w}\``).join(", ")} do${who.length === 1 ? "es" : ""} not declare`,
          label: "no such port on the selected pods",
          hints: [`name the port like the selected pods' port, or add \`port ${String(target)} ...\` to them.`],
        });
      }
    }
  },
};

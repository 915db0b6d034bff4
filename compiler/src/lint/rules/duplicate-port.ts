// Two ports on one number: the Service or the container cannot tell them apart.
import type { Rule } from "../rule.ts";

export const rule: Rule = {
  id: "duplicate-port",
  category: "correctness",
  severity: "error",
  summary: "Two ports of a service use the same number (client port or container port)",
  docs: {
    rationale:
      "Each port of a Service needs its own number, and a container cannot listen twice on one. Two named ports on the same number mean one of them is a mistake: a Service with a repeated port is rejected by the API server, and two container ports on one number make the second name point at the first one's traffic.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  port metrics 8080
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  port metrics 9090
}
`,
    fix: "Give each port its own number, or drop the extra name and use one port for both (`metrics { port = http }`).",
  },
  check(ctx) {
    for (const s of ctx.app.services) {
      const client = new Map<number, string>();
      const target = new Map<number, string>();
      for (const p of s.ports) {
        const clash = client.get(p.port) ?? target.get(p.targetPort);
        const which = client.has(p.port) ? `port ${p.port}` : target.has(p.targetPort) ? `container port ${p.targetPort}` : undefined;
        if (!client.has(p.port)) client.set(p.port, p.name);
        if (!target.has(p.targetPort)) target.set(p.targetPort, p.name);
        if (clash === undefined || which === undefined) continue;
        ctx.report({
          span: ctx.spanOf(s.name, ["port", p.name]),
          message: `port \`${p.name}\` of \`${s.name}\` uses ${which}, like port \`${clash}\``,
          label: "same number",
          hints: ["give each port its own number."],
        });
      }
    }
  },
};

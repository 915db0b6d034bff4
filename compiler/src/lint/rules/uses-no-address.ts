// `uses` is the network allow-list: naming something that cannot be called is a mistake.
import type { Rule } from "../rule.ts";

export const rule: Rule = {
  id: "uses-no-address",
  category: "correctness",
  severity: "warning",
  summary: "`uses` names the service itself, or a service without ports (nothing to call)",
  docs: {
    rationale:
      "`uses` lists the services this one calls: it orders start-up locally and becomes the network allow-list in Kubernetes. A service with no ports has no address and cannot be called, and a service never needs to allow itself: either entry is a leftover or a wrong name, and the service it was meant to be may be missing from the list. (A name that is not a service at all is a compile error, KD2003.)",
    bad: `app shop

service mailer {
  image = "ghcr.io/example/mailer:1.0.0"
}

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  uses [mailer, api]
}
`,
    good: `app shop

service mailer {
  image = "ghcr.io/example/mailer:1.0.0"
  port smtp 2525
}

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  uses [mailer]
}
`,
    fix: "Remove the entry, give the called service a `port`, or name the service that is really called.",
  },
  check(ctx) {
    const ports = new Map<string, number>();
    for (const s of ctx.app.services) ports.set(s.name, s.ports.length);
    for (const s of ctx.app.services) {
      for (const u of s.uses) {
        const why = u === s.name ? "itself" : ports.get(u) === 0 ? `\`${u}\`, which has no port to call` : undefined;
        if (!why) continue;
        const list = ctx.field(s.name, ["uses"]);
        const item = list?.v === "list" ? list.items.find((i) => (i.v === "workload" ? i.name : i.v === "serviceRef" ? i.service : i.v === "string" ? i.s : undefined) === u) : undefined;
        ctx.report({ span: item && ctx.isOwn(s.name, ["uses"]) ? item.span : ctx.spanOf(s.name, ["uses"]), message: `\`${s.name}\` uses ${why}`, label: "nothing to call", hints: ["remove it from `uses`, or name the service that is really called."] });
      }
    }
  },
};

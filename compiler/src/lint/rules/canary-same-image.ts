// A canary that runs the stable image tests nothing.
import type { Rule } from "../rule.ts";

export const rule: Rule = {
  id: "canary-same-image",
  category: "correctness",
  severity: "warning",
  summary: "A canary or other version runs the same image as the main version",
  docs: {
    rationale:
      "A canary exists to send a share of the traffic to a new version. When it runs the main version's image, the canary's metrics say nothing, its traffic share is wasted capacity, and a promotion changes nothing: usually the image was meant to be bumped and was not.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  canary {
    image = "ghcr.io/example/api:1.4.2"
    weight = 10%
  }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  port http 8080
  canary {
    image = "ghcr.io/example/api:1.5.0"
    weight = 10%
  }
}
`,
    fix: "Set the canary's `image` to the new version, or remove the `canary` block once the rollout is done.",
  },
  check(ctx) {
    for (const s of ctx.app.services) {
      const versions = s.versions ?? [];
      const main = versions[0]?.image ?? s.image;
      for (const v of versions.slice(1)) {
        if (v.image !== main) continue;
        const path = v.name === "canary" ? ["canary", "image"] : ["versions", v.name, "image"];
        ctx.report({
          span: ctx.field(s.name, path) ? ctx.spanOf(s.name, path) : v.origin,
          message: `version \`${v.name}\` of \`${s.name}\` runs the main image \`${main}\``,
          label: "same image as the main version",
          hints: ["set the new version's image, or remove the version once it is promoted."],
        });
      }
    }
  },
};

// Images must name a version: no tag means `latest`, and `latest` moves under a running app.
import { imageTag } from "../../semantics/names.ts";
import type { Span } from "../../syntax/span.ts";
import type { Rule } from "../rule.ts";
import { siteOf, textAt } from "../inherited.ts";

export const rule: Rule = {
  id: "no-latest-tag",
  category: "reliability",
  severity: "warning",
  summary: "An image has no tag or the tag `latest`",
  docs: {
    rationale:
      "An image without a tag is pulled as `latest`, and `latest` points at whatever was pushed last. Two replicas started a minute apart can run different code, a rollback redeploys the same moving tag, and nothing in the manifest says what is running.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:latest"
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
}
`,
    fix: "Pin the image to a version tag (`:1.4.2`) or a digest (`@sha256:...`). There is no automatic fix: only you know which version is meant.",
  },
  check(ctx) {
    const workloads = [...ctx.app.services, ...ctx.app.jobs];
    for (const w of workloads) {
      if (!w.image) continue;
      const problem = floating(w.image);
      if (!problem) continue;
      // An image from a template is reported on each declaration made from it, with a note there.
      const at = ctx.spanOf(w.name, ["image"]);
      const site = siteOf(ctx, w.name, at, `\`image = ${textAt(ctx, at)}\``);
      ctx.report({
        span: site.span,
        message: `image \`${w.image}\` of \`${w.name}\` ${problem}`,
        label: site.inherited ? "inherits an image without a version" : "pin a version",
        hints: [`write a version tag or a digest, e.g. \`${base(w.image)}:1.0.0\`${site.inherited ? " (in the template, or as `image = ...` in this declaration)" : ""}.`],
        ...(site.related ? { related: site.related } : {}),
      });
    }
    // Other versions (a canary, `versions { }`) run their own images; the first is the main one.
    for (const s of ctx.app.services) {
      // Read defensively: older models had a single `canary` instead of `versions`.
      const shaped = s as { readonly versions?: readonly { name: string; image: string; origin: Span }[]; readonly canary?: { image: string; origin: Span } };
      const others = shaped.versions ? shaped.versions.slice(1) : shaped.canary ? [{ name: "canary", ...shaped.canary }] : [];
      for (const v of others) {
        const problem = v.image ? floating(v.image) : undefined;
        if (!problem) continue;
        const at = v.name === "canary" && ctx.field(s.name, ["canary", "image"]) ? ctx.spanOf(s.name, ["canary", "image"]) : v.origin;
        const site = siteOf(ctx, s.name, at, `the image of version \`${v.name}\``);
        ctx.report({ span: site.span, message: `image \`${v.image}\` of version \`${v.name}\` of \`${s.name}\` ${problem}`, label: "pin a version", ...(site.related ? { related: site.related } : {}) });
      }
    }
  },
};

function floating(image: string): string | undefined {
  if (image.includes("@")) return undefined; // a digest pins the image whatever the tag says
  const tag = imageTag(image);
  if (tag === undefined) return "has no tag, so it means `latest`";
  return tag === "latest" ? "uses the moving tag `latest`" : undefined;
}

function base(image: string): string {
  const tag = imageTag(image);
  return tag === undefined ? image : image.slice(0, image.length - tag.length - 1);
}

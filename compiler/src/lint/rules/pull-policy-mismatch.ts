// `IfNotPresent` with a moving tag runs whatever version a node happened to pull first.
import { imageTag } from "../../semantics/names.ts";
import type { Rule } from "../rule.ts";
import { patchSpan, podsOf, workloads } from "../pods.ts";

export const rule: Rule = {
  id: "pull-policy-mismatch",
  category: "reliability",
  severity: "warning",
  summary: "`imagePullPolicy` does not fit the image's tag (a moving tag that is not always pulled, or `Never`)",
  docs: {
    rationale:
      "A moving tag (`latest`, or no tag) with `imagePullPolicy: IfNotPresent` means each node runs the version it pulled first: replicas on different nodes run different code and a new push never arrives. `Never` only works on nodes where someone preloaded the image. Kubernetes' own default already fits the tag (`Always` for `latest`, `IfNotPresent` otherwise), so setting the policy is rarely needed.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:latest"
  k8s.container { imagePullPolicy = "IfNotPresent" }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  k8s.container { imagePullPolicy = "IfNotPresent" }
}
`,
    fix: "Pin the image to a version tag or a digest, or remove the `imagePullPolicy` patch and let Kubernetes choose.",
  },
  check(ctx) {
    for (const { model: w } of workloads(ctx)) {
      let problem: { text: string; hint: string } | undefined;
      for (const pod of podsOf(ctx, w.name)) {
        for (const c of pod.containers) {
          const policy = c["imagePullPolicy"];
          const image = typeof c["image"] === "string" ? c["image"] : "";
          const tag = imageTag(image);
          const moving = !image.includes("@") && (tag === undefined || tag === "latest");
          if (policy === "Never")
            problem ??= {
              text: "`imagePullPolicy: Never` runs only on nodes where the image was preloaded",
              // A pinned image needs no other policy: Kubernetes pulls it once per node by default.
              hint: moving ? "pin the image to a version or digest and remove the `imagePullPolicy` patch." : "remove the `imagePullPolicy` patch: Kubernetes then pulls the pinned image once per node (`IfNotPresent`).",
            };
          else if (moving && policy === "IfNotPresent") problem ??= { text: `\`imagePullPolicy: IfNotPresent\` with the moving image \`${image}\` keeps whatever version each node pulled first`, hint: "pin the image to a version or digest, or remove the `imagePullPolicy` patch." };
        }
      }
      if (!problem) continue;
      ctx.report({
        span: patchSpan(ctx, w.name, [["imagePullPolicy"]]) ?? ctx.spanOf(w.name, ["image"]),
        message: `\`${w.name}\`: ${problem.text}`,
        label: "pull policy",
        hints: [problem.hint],
      });
    }
  },
};

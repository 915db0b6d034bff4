// A writable root filesystem lets an intruder change the program it runs in.
import type { Rule } from "../rule.ts";
import { asJson, patchSpan, podsOf, workloads } from "../pods.ts";

export const rule: Rule = {
  id: "writable-root-filesystem",
  category: "security",
  severity: "warning",
  summary: "A container's root filesystem is writable (`readOnlyRootFilesystem` is not true)",
  docs: {
    rationale:
      "With a writable root filesystem, an attacker who gets code execution can drop tools, replace binaries and persist until the pod is replaced, and a bug can fill the node's disk through the container layer. In kdsl the root filesystem becomes read-only as soon as a workload declares `scratch` directories (its writable places, with any `volumes`). `volumes` alone do not make it read-only: add `scratch` too (`scratch [\"/tmp\"]` is enough for most programs).",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  scratch ["/tmp"]
}
`,
    fix: "Declare the directories the program writes to with `scratch [\"/tmp\"]` (an `emptyDir` each): the rest, except `volumes`, becomes read-only. A workload with `scratch` whose `k8s.container` patch sets `securityContext.readOnlyRootFilesystem = false` is reported at the patch: remove it. There is no automatic fix: only you know where the program writes, and a wrong guess makes it fail at run time.",
    suppress: "Images that write all over their filesystem (some databases and legacy servers) may need it: `// kdsl-ignore writable-root-filesystem: the image writes its pid file to /var/run`.",
  },
  check(ctx) {
    for (const { model: w } of workloads(ctx)) {
      const writable = podsOf(ctx, w.name).some((pod) => pod.containers.some((c) => asJson(c["securityContext"])?.["readOnlyRootFilesystem"] !== true));
      if (!writable) continue;
      const patched = patchSpan(ctx, w.name, [["securityContext", "readOnlyRootFilesystem"]]);
      const scratch = (w.scratch?.length ?? 0) > 0;
      const volumes = ((w as { volumes?: readonly unknown[] }).volumes?.length ?? 0) > 0;
      ctx.report({
        span: patched ?? ctx.spanOf(w.name, ["scratch"]),
        message: `\`${w.name}\` runs with a writable root filesystem`,
        label: patched ? "the patch makes the root filesystem writable" : "declare where it writes",
        hints: [
          patched && scratch
            ? "remove the `readOnlyRootFilesystem` patch: with `scratch` the root filesystem is read-only and the scratch directories are where the program writes."
            : patched
              ? "remove the `readOnlyRootFilesystem` patch and add `scratch [\"/tmp\"]` (and any other directory the program writes to): the root filesystem is then read-only."
              : `add \`scratch ["/tmp"]\` (and any other directory the program writes to): the root filesystem is then read-only${volumes ? " (`volumes` alone do not make it so; they stay writable)" : ""}.`,
        ],
      });
    }
  },
};

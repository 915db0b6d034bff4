// Host namespaces and host ports break the isolation between a pod and its node.
import type { Rule } from "../rule.ts";
import { asList, patchSpan, podsOf, workloads } from "../pods.ts";

const NAMESPACES = ["hostNetwork", "hostPID", "hostIPC"] as const;

export const rule: Rule = {
  id: "host-access",
  category: "security",
  severity: "error",
  summary: "A pod shares the node's network, process or IPC namespace, or binds a host port",
  docs: {
    rationale:
      "`hostNetwork` puts the pod on the node's network stack (it can reach every local service and sniff traffic), `hostPID` lets it see and signal every process on the node, `hostIPC` share its memory segments. A `hostPort` ties the pod to one port on one node, so two replicas cannot share a node and the port is open on the node's address. None are allowed by the baseline Pod Security Standard.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  k8s.pod { hostNetwork = true }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
}
`,
    fix: "Remove the patch. Expose the service through its Service (`port`) or `expose` rather than the node's network; node-level agents belong in the cluster's own add-ons.",
  },
  check(ctx) {
    for (const { model: w } of workloads(ctx)) {
      const found = new Set<string>();
      for (const pod of podsOf(ctx, w.name)) {
        for (const ns of NAMESPACES) if (pod.spec[ns] === true) found.add(ns);
        for (const c of pod.containers) for (const p of asList(c["ports"])) if (p["hostPort"] !== undefined && p["hostPort"] !== 0) found.add("hostPort");
      }
      for (const what of [...NAMESPACES, "hostPort"]) {
        if (!found.has(what)) continue;
        ctx.report({
          span: patchSpan(ctx, w.name, [[what], ["ports"]]) ?? ctx.spanOf(w.name, ["k8s"]),
          message: what === "hostPort" ? `\`${w.name}\` binds a port on the node (\`hostPort\`)` : `\`${w.name}\` uses the node's ${what.slice(4) === "Network" ? "network" : what.slice(4)} namespace (\`${what}\`)`,
          label: what,
          hints: ["remove it: pods reach each other through Services, not through the node."],
        });
      }
    }
  },
};

// A disruption budget that allows no eviction at all makes every node drain wait forever.
import type { Rule, LintContext } from "../rule.ts";
import type { Fix } from "../../diagnostics/diagnostic.ts";
import type { Member } from "../../syntax/ast.ts";
import type { Span } from "../../syntax/span.ts";
import { spanAt } from "../../syntax/span.ts";
import type { EmittedObject } from "../../backends/k8s/index.ts";
import { addMemberFix, asJson, ownerOf, podsMatching, type Json } from "../pods.ts";
import { profileAt, setIn } from "../inherited.ts";
import { writtenSpan } from "../emitted.ts";

/** Workload kinds whose replica count the disruption controller reads (its "expected" pods). */
const SCALED = new Set(["Deployment", "StatefulSet", "Rollout", "ReplicaSet"]);

/** `3` → 3, `"25%"` → 25 percent; undefined for anything else. */
function countOrShare(v: unknown): { count: number } | { percent: number } | undefined {
  if (typeof v === "number") return { count: v };
  if (typeof v === "string" && /^\d+(\.\d+)?%$/.test(v)) return { percent: Number(v.slice(0, -1)) };
  return undefined;
}
const written = (v: { count: number } | { percent: number }) => ("count" in v ? String(v.count) : `${v.percent}%`);

/** Each autoscaler's minimum, by the `Kind/name` of the workload it scales. */
function autoscalerMinimums(ctx: LintContext<unknown>): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of ctx.objects) {
    if (h.object.kind !== "HorizontalPodAutoscaler") continue;
    const spec = asJson(h.object["spec"]);
    const target = asJson(spec?.["scaleTargetRef"]);
    const min = spec?.["minReplicas"];
    if (target) out.set(`${String(target["kind"])}/${String(target["name"])}`, typeof min === "number" ? min : 1);
  }
  return out;
}

/**
 * The pods a budget covers when its workloads run their fewest replicas: each workload object its
 * selector matches counts its `replicas`, or its autoscaler's minimum, or 1 (Kubernetes' default).
 */
function coveredReplicas(ctx: LintContext<unknown>, selector: Json, minimums: ReadonlyMap<string, number>): { replicas: number; workloads: number; autoscaled: boolean } {
  const objects = new Set<EmittedObject>(podsMatching(ctx, selector).map((p) => p.object).filter((o) => SCALED.has(o.object.kind)));
  let replicas = 0;
  let autoscaled = false;
  for (const o of objects) {
    const own = asJson(o.object["spec"])?.["replicas"];
    const min = minimums.get(`${o.object.kind}/${o.object.metadata.name}`);
    if (typeof own === "number") replicas += own;
    else if (min !== undefined) {
      replicas += min;
      autoscaled = true;
    } else replicas += 1;
  }
  return { replicas, workloads: objects.size, autoscaled };
}

export const rule: Rule = {
  id: "disruption-blocks-eviction",
  category: "reliability",
  severity: "warning",
  summary: "A service's disruption budget allows no eviction at all, so node drains never finish",
  docs: {
    rationale:
      "A PodDisruptionBudget with `min-available` at (or above) the replicas the service runs, `min-available = 100%`, or `max-unavailable = 0` lets the eviction API evict none of its pods. Kubernetes answers every eviction with 429 Too Many Requests: `kubectl drain` retries forever, the cluster autoscaler never removes the node, and managed node upgrades stall until they time out (then fail, or evict by force after all). Someone has to delete the pods by hand.\n\nThe count covers every pod the budget selects: all versions of the service (a canary included), with `autoscale` the autoscaler's minimum. A share is rounded up, as Kubernetes does: `min-available = 75%` of 2 replicas is 2. A budget changed by a `k8s.poddisruptionbudget` patch is judged as emitted.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 3
  disruption { min-available = 3 }
}
`,
    good: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  replicas = 3
  disruption { max-unavailable = 1 }
}
`,
    fix: "Use `disruption { max-unavailable = 1 }` (or a `min-available` below the replica count): drains then evict one replica at a time and wait for it to be replaced. `kdsl lint --fix` replaces the declaration's own `min-available` or `max-unavailable` with `max-unavailable = 1`, and overrides a template's `max-unavailable = 0` in the declaration. A template's `min-available` cannot be dropped in a declaration (a budget takes one of the two): change the template. A service of one replica is down while its pod moves to another node: run two (`replicas = 2`) to avoid that, not a budget that forbids the move.",
    suppress: "A pod that must never be moved by a drain (it holds state no other node can take over) is a reason, but say who moves it when its node goes away: `// kdsl-ignore disruption-blocks-eviction: <reason>`.",
  },
  fixable: true,
  check(ctx) {
    const services = new Map(ctx.app.services.map((s) => [s.name, s]));
    let minimums: Map<string, number> | undefined;
    for (const pdb of ctx.objects) {
      if (pdb.object.kind !== "PodDisruptionBudget") continue;
      const s = services.get(ownerOf(pdb));
      const spec = asJson(pdb.object["spec"]);
      const selector = asJson(spec?.["selector"]);
      if (!s || !spec || !selector) continue;
      // As the disruption controller reads it: maxUnavailable first.
      const key = spec["maxUnavailable"] !== undefined ? "maxUnavailable" : "minAvailable";
      const value = countOrShare(spec[key]);
      if (!value) continue;
      const { replicas, workloads, autoscaled } = coveredReplicas(ctx, selector, (minimums ??= autoscalerMinimums(ctx)));
      if (replicas < 1) continue; // nothing runs, nothing to evict
      // Kubernetes rounds shares up, so any share of max-unavailable above 0% allows one.
      const desired = "count" in value ? value.count : Math.ceil((value.percent * replicas) / 100);
      const blocks = key === "maxUnavailable" ? desired === 0 : desired >= replicas;
      if (!blocks) continue;

      const field = key === "maxUnavailable" ? "max-unavailable" : "min-available";
      const path = ["disruption", field];
      const patched = writtenSpan(ctx, s.name, ["k8s", "poddisruptionbudget", "spec", key]);
      const own = !patched && ctx.isOwn(s.name, path);
      const v = ctx.field(s.name, path);
      const inherited = !patched && !own && v !== undefined && ctx.spanOf(s.name, path) === v.span;
      // A profile overrides the declaration: reported where the profile sets it, to be changed there.
      const profile = inherited ? profileAt(ctx, v!.span) : undefined;
      const shown = patched ? `\`${key}: ${written(value)}\`` : `\`${field} = ${written(value)}\``;
      const of = key === "maxUnavailable" ? "" : ` with ${replicas} replica${replicas === 1 ? "" : "s"}${workloads > 1 ? ` across ${workloads} versions` : ""}${autoscaled ? " at the autoscaler's minimum" : ""}${"percent" in value && value.percent < 100 ? ` (rounded up to ${desired})` : ""}`;
      const fix = patched || profile ? undefined : budgetFix(ctx, s.name, field, own ? v?.span : undefined);
      const moves = replicas === 1 ? "can move the replica to another node (with `replicas = 2` as well, the service stays up while it moves)" : "evicts one replica at a time and waits for it to be replaced";
      const hints = [
        profile
          ? `change it in profile \`${profile}\` (it overrides the declaration): ${field === "max-unavailable" ? "`max-unavailable = 1`" : replicas > 1 ? `a lower \`min-available = ${replicas - 1}\`` : "a budget that allows an eviction"}, so that a drain ${moves}.`
          : patched
          ? "change the `k8s.poddisruptionbudget` patch so that the budget allows an eviction (`spec.maxUnavailable = 1`), or remove it and write `disruption { max-unavailable = 1 }`."
          : own
            ? `use \`max-unavailable = 1\` instead, so that a drain ${moves}.`
            : field === "max-unavailable"
              ? `set \`disruption { max-unavailable = 1 }\` in this declaration, so that a drain ${moves}.`
              : `a declaration cannot drop a template's \`min-available\`: use \`max-unavailable = 1\` in the template${replicas > 1 ? `, or set a lower \`disruption { min-available = ${replicas - 1} }\` here` : ""}, so that a drain ${moves}.`,
      ];
      ctx.report({
        span: patched ?? (own || profile ? v!.span : ctx.spanOf(s.name)),
        message: `the disruption budget of \`${s.name}\` allows no eviction: ${shown}${of}`,
        label: profile ? `set by profile \`${profile}\`` : own || patched ? "every eviction is refused (429), so node drains wait forever" : inherited ? `inherits \`${field} = ${written(value)}\`` : "its budget refuses every eviction",
        hints,
        ...(inherited && !profile ? { related: [{ span: v!.span, message: `\`${field} = ${written(value)}\` is set ${setIn(ctx, v!.span)}` }] } : {}),
        ...(fix ? { fix } : {}),
      });
    }
  },
};

/**
 * `max-unavailable = 1` in declaration `name`: replaces the value of its own `max-unavailable`, or
 * its own `min-available = ...` member as a whole; a `max-unavailable` from a template is
 * overridden by adding `disruption { max-unavailable = 1 }`. None for a template's `min-available`
 * (a budget takes one of the two, and a declaration cannot unset a field).
 */
function budgetFix(ctx: LintContext<unknown>, name: string, field: string, ownSpan: Span | undefined): Fix | undefined {
  const title = "use max-unavailable = 1";
  if (ownSpan && field === "max-unavailable") return { title, edits: [{ span: ownSpan, newText: "1" }] };
  const body = ctx.decl(name)?.symbol.decl.body;
  if (ownSpan) {
    const source = ctx.program.texts.get(ownSpan.file);
    const key = body && findAssign(body.members, ownSpan)?.path.at(-1);
    if (!key || source === undefined) return undefined;
    return { title, edits: [{ span: spanAt(ownSpan.file, source, key.span.start, ownSpan.end), newText: "max-unavailable = 1" }] };
  }
  const ownBudget = body?.members.some((m) => m.kind !== "FieldDecl" && m.path[0]?.text === "disruption");
  if (field === "max-unavailable" && !ownBudget) return addMemberFix(ctx, name, "disruption { max-unavailable = 1 }", title);
  return undefined;
}

/** The assignment in `members` (nested blocks included) whose value is at `span`. */
function findAssign(members: readonly Member[], span: Span): Extract<Member, { kind: "Assign" }> | undefined {
  for (const m of members) {
    if (m.kind === "Assign" && m.value && m.value.span.start === span.start && m.value.span.end === span.end && m.value.span.file === span.file) return m;
    if (m.kind === "Nested") {
      const found = findAssign(m.body.members, span);
      if (found) return found;
    }
  }
  return undefined;
}


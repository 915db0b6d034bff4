// The start order: services after the services they `use`, jobs after what they wait for
// (`after`). Stages, each in declaration order, so that independent workloads start together. A
// cycle has no order: it is reported at the first workload in it, with the path around it.
import type { AppModel } from "../../ir/model.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { diag } from "../../diagnostics/catalogue.ts";
import type { Span } from "../../syntax/span.ts";

export function startOrder(app: AppModel): { order: string[][]; diagnostics: Diagnostic[] } {
  const nodes = new Map<string, { deps: string[]; origin: Span; how: string }>();
  for (const s of app.services) nodes.set(s.name, { deps: [...s.uses], origin: s.origin, how: "uses" });
  for (const j of app.jobs) nodes.set(j.name, { deps: [...j.after], origin: j.origin, how: "after" });
  // Unknown names were reported by the checker; only edges between known workloads order anything.
  for (const n of nodes.values()) n.deps = [...new Set(n.deps.filter((d) => nodes.has(d)))];

  const order: string[][] = [];
  const placed = new Set<string>();
  while (placed.size < nodes.size) {
    const stage = [...nodes].filter(([name, n]) => !placed.has(name) && n.deps.every((d) => placed.has(d))).map(([name]) => name);
    if (stage.length === 0) break;
    for (const name of stage) placed.add(name);
    order.push(stage);
  }
  if (placed.size === nodes.size) return { order, diagnostics: [] };

  const cycle = findCycle(nodes, placed);
  const first = nodes.get(cycle[0]!)!;
  const path = cycle.map((c) => `\`${c}\``).join(" → ");
  return {
    order,
    diagnostics: [
      diag("KD6001", first.origin, `these workloads wait for each other, so the runtime cannot start them: ${path}`, {
        label: `\`${cycle[0]}\` ${first.how} \`${cycle[1]}\``,
        hints: ["remove one of the names from a `uses` (or `after`) on the path; a service may still call another it does not list, but then nothing orders their start."],
      }),
    ],
  };
}

/** A cycle among the unplaced workloads, starting at the first declared one on a cycle. */
function findCycle(nodes: ReadonlyMap<string, { deps: string[] }>, placed: ReadonlySet<string>): string[] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    state.set(n, "open");
    stack.push(n);
    for (const d of nodes.get(n)!.deps) {
      if (placed.has(d) || state.get(d) === "done") continue;
      if (state.get(d) === "open") return [...stack.slice(stack.indexOf(d)), d];
      const found = visit(d);
      if (found) return found;
    }
    stack.pop();
    state.set(n, "done");
    return undefined;
  };
  for (const n of nodes.keys()) {
    if (placed.has(n) || state.has(n)) continue;
    const found = visit(n);
    if (found) return found;
  }
  return [...nodes.keys()].filter((n) => !placed.has(n)); // unreachable: unplaced nodes always hold a cycle
}

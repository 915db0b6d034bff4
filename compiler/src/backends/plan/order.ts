// The start order: services after the services they `use`, jobs after what they wait for
// (`after`). Stages, each in declaration order, so that independent workloads start together. A
// cycle has no order: it is reported at the first workload in it, with the path around it.
//
// Both passes are linear in workloads plus edges and use no recursion, so a generated app with tens
// of thousands of workloads in one chain or one ring neither takes minutes nor overflows the stack.
import type { AppModel } from "../../ir/model.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { diag } from "../../diagnostics/catalogue.ts";
import type { Span } from "../../syntax/span.ts";

type Node = { deps: string[]; origin: Span; how: string };

/** How many names of a cycle the message shows before "… and N more" (as KD6003 cuts its list). */
const SHOWN = 8;

export function startOrder(app: AppModel): { order: string[][]; diagnostics: Diagnostic[] } {
  const nodes = new Map<string, Node>();
  for (const s of app.services) nodes.set(s.name, { deps: [...s.uses], origin: s.origin, how: "uses" });
  for (const j of app.jobs) nodes.set(j.name, { deps: [...j.after], origin: j.origin, how: "after" });
  // Unknown names were reported by the checker; only edges between known workloads order anything.
  for (const n of nodes.values()) n.deps = [...new Set(n.deps.filter((d) => nodes.has(d)))];

  const { order, placed } = stages(nodes);
  if (placed.size === nodes.size) return { order, diagnostics: [] };

  const cycle = findCycle(nodes, placed);
  const first = nodes.get(cycle[0]!)!;
  return {
    order,
    diagnostics: [
      diag("KD6001", first.origin, `these workloads wait for each other, so the runtime cannot start them: ${cyclePath(cycle)}`, {
        label: `\`${cycle[0]}\` ${first.how} \`${cycle[1]}\``,
        hints: ["remove one of the names from a `uses` (or `after`) on the path; a service may still call another it does not list, but then nothing orders their start."],
      }),
    ],
  };
}

/**
 * Kahn's topological sort, one stage at a time: stage k holds the workloads whose last dependency
 * is in stage k − 1 (stage 0: those with none), in declaration order. Each workload counts the
 * dependencies it still waits for; placing a stage counts down its dependents, and those reaching
 * zero make the next stage. Workloads on or behind a cycle never reach zero and stay unplaced.
 */
function stages(nodes: ReadonlyMap<string, Node>): { order: string[][]; placed: Set<string> } {
  const names = [...nodes.keys()];
  const index = new Map(names.map((n, i) => [n, i]));
  const waiting = names.map((n) => nodes.get(n)!.deps.length);
  const dependents: number[][] = names.map(() => []);
  names.forEach((n, i) => {
    for (const d of nodes.get(n)!.deps) dependents[index.get(d)!]!.push(i);
  });

  const order: string[][] = [];
  const placed = new Set<string>();
  let stage = names.flatMap((_, i) => (waiting[i] === 0 ? [i] : []));
  while (stage.length > 0) {
    order.push(stage.map((i) => names[i]!));
    const next: number[] = [];
    for (const i of stage) {
      placed.add(names[i]!);
      for (const j of dependents[i]!) if (--waiting[j]! === 0) next.push(j);
    }
    stage = next.sort((a, b) => a - b); // back to declaration order
  }
  return { order, placed };
}

/**
 * A cycle among the unplaced workloads, starting at the first declared one on a cycle: a
 * depth-first search in declaration and dependency order, with an explicit path instead of
 * recursion. The result names the first workload again at its end.
 */
function findCycle(nodes: ReadonlyMap<string, { deps: string[] }>, placed: ReadonlySet<string>): string[] {
  const done = new Set<string>();
  const path: string[] = []; // the workloads being visited, each waiting for the next
  const tried: number[] = []; // for each on the path, how many of its dependencies were followed
  const onPath = new Map<string, number>(); // workload → its position on the path
  const enter = (n: string) => {
    onPath.set(n, path.length);
    path.push(n);
    tried.push(0);
  };
  for (const root of nodes.keys()) {
    if (placed.has(root) || done.has(root)) continue;
    enter(root);
    while (path.length > 0) {
      const top = path.length - 1;
      const n = path[top]!;
      const deps = nodes.get(n)!.deps;
      const k = tried[top]!;
      if (k < deps.length) {
        tried[top] = k + 1;
        const d = deps[k]!;
        if (placed.has(d) || done.has(d)) continue;
        const at = onPath.get(d);
        if (at !== undefined) return [...path.slice(at), d];
        enter(d);
      } else {
        path.pop();
        tried.pop();
        onPath.delete(n);
        done.add(n);
      }
    }
  }
  return [...nodes.keys()].filter((n) => !placed.has(n)); // unreachable: unplaced nodes always hold a cycle
}

/** The path around a cycle; a long one shows its first few names, how many more, then the way back. */
function cyclePath(cycle: readonly string[]): string {
  const quote = (n: string) => `\`${n}\``;
  const members = cycle.length - 1; // the last name is the first again
  if (members <= SHOWN) return cycle.map(quote).join(" → ");
  return [...cycle.slice(0, SHOWN).map(quote), `… and ${members - SHOWN} more`, quote(cycle[0]!)].join(" → ");
}

// `if` values decided: once the profiles are chosen, every `cond` value in a declaration is replaced
// by the branch its condition picks. `profile == "prod"` holds when `prod` is among the applied
// profiles (`--profile prod`, or `--profile base,prod`).
import type { BlockValue, CondValue, Value } from "../semantics/values.ts";

/** Decides the conditions of a declaration's value for the given profiles. */
export function decider(profiles: readonly string[]): (value: BlockValue) => BlockValue {
  const chosen = new Set(profiles);
  return (value) => resolve(value, chosen) as BlockValue;
}

function holds(c: CondValue, profiles: ReadonlySet<string>): boolean {
  switch (c.c) {
    case "const":
      return c.b;
    case "profile":
      return c.anyOf.some((p) => profiles.has(p)) !== c.negate;
    case "and":
      return holds(c.left, profiles) && holds(c.right, profiles);
    case "or":
      return holds(c.left, profiles) || holds(c.right, profiles);
  }
}

/** Rebuilds only what holds a condition: untouched values are returned as they are. */
function resolve(v: Value, profiles: ReadonlySet<string>): Value {
  switch (v.v) {
    case "cond":
      return resolve(holds(v.cond, profiles) ? v.then : v.else, profiles);
    case "block": {
      let fields: Map<string, Value> | undefined;
      for (const [k, x] of v.fields) {
        const r = resolve(x, profiles);
        if (r !== x) (fields ??= new Map(v.fields)).set(k, r);
      }
      return fields ? { ...v, fields } : v;
    }
    case "list": {
      const items = v.items.map((x) => resolve(x, profiles));
      return items.some((x, i) => x !== v.items[i]) ? { ...v, items } : v;
    }
    case "range": {
      const from = resolve(v.from, profiles);
      const to = v.to && resolve(v.to, profiles);
      return from !== v.from || to !== v.to ? { ...v, from, ...(to ? { to } : {}) } : v;
    }
    default:
      return v;
  }
}

// Templates checked once, used many times. A template body is checked for every declaration that
// uses it (`service a from web`, `service b from web`, ...), and most of what it sets does not
// depend on which declaration that is: `port http port`, `health { ... }`, `scratch [...]` give the
// same value and the same diagnostics for every user. Only what reads the declaration's name
// (`"${name}"`, `if name == ...`, a `k8s` patch, which looks up the declaration's kind) differs.
//
// So each top-level member of a template body is checked as usual the first time, with the
// declaration's name watched: when the check did not read the name, its value and diagnostics are
// kept and replayed for every later use of the same member (same AST node, same schema), instead
// of checking it again. Values are immutable, so sharing them is safe, and it also means the
// template's part of thousands of services is held once. Replayed diagnostics are the ones the
// first check reported; analyse() dedupes them as it always has.
//
// A member is memoised only if its effect is known to be local: a single-step path whose key no
// other member of the same body sets (a second `port`, `health.period = ...` beside `health { }`,
// or an `unset` interact through the block being built, so those are checked as before).
// Measured on the bench app (5,000 services `from web`), with the shared chain in analyse.ts:
// analyse ~375 → ~185 ms cold, ~175 → ~120 ms warm.
import type { Block, Member, Name } from "../syntax/ast.ts";
import type { Span } from "../syntax/span.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { FieldSchema } from "./types.ts";
import type { BlockValue, Value } from "./values.ts";
import type { Ctx } from "./scope.ts";
import { checkMember, checkMembers, pathOf, type MemberMemo } from "./check-block.ts";

type Fields = ReadonlyMap<string, FieldSchema>;

/** One member's check, as it would happen in an empty block: its value and its diagnostics. */
interface Checked {
  readonly fields: Fields;
  readonly where: string;
  readonly value: Value | undefined;
  readonly seen: Span | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Not memoised: depends on the declaration, or sets more than its own key. */
const NEVER = "never";

export class TemplateMemo implements MemberMemo {
  private readonly bodies = new WeakMap<Block, ReadonlySet<Member>>();
  private readonly checked = new WeakMap<Member, Checked | typeof NEVER>();
  /** The members of the body being checked that may be memoised. */
  private local: ReadonlySet<Member> = new Set();

  /** A template body, as checkBlock would check it. */
  checkBody(ctx: Ctx, body: Block, fields: Fields, where: string): BlockValue {
    const outer = this.local;
    this.local = this.plan(body);
    try {
      return checkMembers(ctx, body.members, undefined, fields, where, body.span, this);
    } finally {
      this.local = outer;
    }
  }

  check(ctx: Ctx, member: Member, path: readonly Name[], fields: Fields, where: string, out: Map<string, Value>, seen: Map<string, Span>): boolean {
    if (!this.local.has(member)) return false;
    const key = path[0]!.text;
    let done = this.checked.get(member);
    if (done === NEVER) return false;
    if (done === undefined || done.fields !== fields || done.where !== where) {
      const watched = watchName(ctx);
      const o = new Map<string, Value>();
      const s = new Map<string, Span>();
      checkMember(watched.ctx, member, path, fields, where, o, s);
      const own = (o.size === 0 || (o.size === 1 && o.has(key))) && (s.size === 0 || (s.size === 1 && s.has(key)));
      if (!own) {
        // Not what this memo understands: check it again in place, as if the memo were not here.
        this.checked.set(member, NEVER);
        return false;
      }
      done = { fields, where, value: o.get(key), seen: s.get(key), diagnostics: watched.ctx.diagnostics };
      this.checked.set(member, watched.readName() ? NEVER : done);
    }
    for (const d of done.diagnostics) ctx.diagnostics.push(d);
    if (done.seen !== undefined) seen.set(key, done.seen);
    if (done.value !== undefined) out.set(key, done.value);
    return true;
  }

  /** The members of a body that may be memoised. */
  private plan(body: Block): ReadonlySet<Member> {
    const known = this.bodies.get(body);
    if (known !== undefined) return known;
    const heads = new Map<string, number>();
    for (const m of body.members) {
      const head = pathOf(m)[0];
      if (head) heads.set(head.text, (heads.get(head.text) ?? 0) + 1);
    }
    const local = new Set<Member>();
    for (const m of body.members) {
      if (m.kind !== "FieldDecl" && m.path.length === 1 && heads.get(m.path[0]!.text) === 1) local.add(m);
    }
    this.bodies.set(body, local);
    return local;
  }
}

/** A context like `ctx` with fresh diagnostics, that tells whether the check read the declaration's name. */
export function watchName(ctx: Ctx): { readonly ctx: Ctx & { readonly diagnostics: Diagnostic[] }; readName(): boolean } {
  let read = false;
  const watched: Ctx = {
    scope: ctx.scope,
    get selfName() {
      read = true;
      return ctx.selfName;
    },
    diagnostics: [],
  };
  return { ctx: watched, readName: () => read };
}

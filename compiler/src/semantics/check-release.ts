// Scalars of releases, exposure, metrics and secret mounts: the release strategy (a bare word),
// rollout steps (`10%`, `pause(5m)`, `pause()`), names of secrets and ports, host names and URL
// paths. Each returns a typed value or reports why not (KD3040–KD3049).
import type { Expr } from "../syntax/ast.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { Value } from "./values.ts";
import type { Ctx } from "./scope.ts";
import type { ScalarName } from "./types.ts";
import { checkDnsSubdomain, checkPortName } from "./names.ts";
import { durationSeconds, percentValue } from "./units.ts";
import { didYouMean } from "./suggest.ts";
import { mismatch, stringText, wholeSeconds } from "./check-expr.ts";

export const STRATEGIES = ["replicas", "gateway", "rollout"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export type ReleaseScalar = "Strategy" | "Step" | "SecretName" | "PortName" | "Host" | "HttpPath";

const HOST = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function checkReleaseScalar(ctx: Ctx, field: string, type: ReleaseScalar, e: Expr): Value | undefined {
  const t = { t: "scalar" as const, name: type as ScalarName };
  const word = e.kind === "Ref" && e.path.length === 1 ? e.path[0]!.text : undefined;
  switch (type) {
    case "Strategy": {
      if (word === undefined) return mismatch(ctx, field, t, e);
      if (!(STRATEGIES as readonly string[]).includes(word)) {
        ctx.diagnostics.push(diag("KD3040", e.span, `\`${word}\` is not a release strategy`, { label: "unknown strategy", hints: [...didYouMean(word, STRATEGIES), "the strategies are `replicas`, `gateway` and `rollout`."] }));
        return undefined;
      }
      return { v: "string", s: word, span: e.span };
    }
    case "Step": {
      if (e.kind === "Quantity" && percentValue(e.raw) !== undefined) {
        const n = percentValue(e.raw)!;
        if (n <= 0 || n > 100) return bad(ctx, e, `a rollout step's weight must be more than 0% and at most 100%, not ${n}%`);
        return { v: "step", weight: n, span: e.span };
      }
      if (e.kind === "Call" && e.callee.text === "pause") {
        const [d] = e.args;
        if (e.args.length === 0) return { v: "step", pause: "promote", span: e.span };
        const raw = d?.kind === "Quantity" ? d.raw : undefined;
        const seconds = raw === undefined ? undefined : durationSeconds(raw);
        if (seconds === undefined || e.args.length > 1 || seconds <= 0) return bad(ctx, e, "`pause` takes one duration such as `pause(5m)`, or nothing (`pause()` waits until the rollout is promoted)");
        const whole = wholeSeconds(ctx, "pause", raw!, seconds, d!.span);
        return whole === undefined ? undefined : { v: "step", pause: whole, span: e.span };
      }
      return bad(ctx, e, "a rollout step is a weight such as `10%`, `pause(5m)` or `pause()`");
    }
    case "SecretName": {
      // A declared secret by name (checked), or a string naming a Secret made outside the app.
      if (word !== undefined) {
        const sym = ctx.scope.decls.get(word);
        if (!sym || sym.kind !== "secret") {
          const secrets = [...ctx.scope.decls.values()].filter((s) => s.kind === "secret").map((s) => s.name);
          ctx.diagnostics.push(diag("KD3041", e.span, sym ? `\`${word}\` is a ${sym.kind}, not a secret` : `unknown secret \`${word}\``, { hints: [...didYouMean(word, secrets), 'declare it (`secret NAME { ... }`), or name a Secret created outside the app as a string: `"NAME"`.'] }));
          return undefined;
        }
        return { v: "string", s: word, span: e.span };
      }
      if (e.kind !== "String") return mismatch(ctx, field, t, e);
      const s = stringText(ctx, e);
      if (s === undefined) return undefined;
      // A Secret made outside the app (by cert-manager, say): any Secret name, a DNS subdomain.
      const problem = checkDnsSubdomain(s);
      return problem ? bad(ctx, e, `\`${s}\` is not a secret name: ${problem}`) : { v: "string", s, span: e.span };
    }
    case "PortName": {
      if (word === undefined) return mismatch(ctx, field, t, e);
      const problem = checkPortName(word);
      return problem ? bad(ctx, e, `\`${word}\` is not a port name: ${problem}`) : { v: "string", s: word, span: e.span };
    }
    case "Host":
    case "HttpPath": {
      if (e.kind !== "String") return mismatch(ctx, field, t, e);
      const s = stringText(ctx, e);
      if (s === undefined) return undefined;
      if (type === "Host" && (!HOST.test(s) || s.length > 253)) return bad(ctx, e, `\`${s}\` is not a host name: lower-case DNS labels separated by dots, optionally starting with \`*.\``);
      if (type === "HttpPath" && (!s.startsWith("/") || /\s/.test(s))) return bad(ctx, e, `\`${s}\` is not a URL path: it starts with \`/\` and has no spaces`);
      return { v: "string", s, span: e.span };
    }
  }
}

function bad(ctx: Ctx, e: Expr, message: string): undefined {
  ctx.diagnostics.push(diag("KD3042", e.span, message));
  return undefined;
}

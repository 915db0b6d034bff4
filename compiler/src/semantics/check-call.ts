// The builtin functions: `env("NAME")` and `file("path")` where a secret value goes, and the probe
// constructors `http("/path" [, port])`, `tcp([port])`, `grpc([port])`, `exec(["cmd", ...])`.
// Their string arguments interpolate `${name}` and `${app}` as every string does.
import type { Call, Expr } from "../syntax/ast.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { Value } from "./values.ts";
import type { Ctx } from "./scope.ts";
import { didYouMean } from "./suggest.ts";
import { checkEnvName } from "./names.ts";
import { stringText } from "./check-expr.ts";

const SECRET_CALLS = ["env", "file", "remote"];
const PROBE_CALLS = ["http", "tcp", "grpc", "exec"];

/** KD3012 with the forms to write instead, each as code: write `tcp()` or `tcp(5432)`. */
function wrong(ctx: Ctx, call: Call, ...forms: string[]): undefined {
  ctx.diagnostics.push(diag("KD3012", call.span, `wrong arguments to \`${call.callee.text}\``, { hints: [`write ${forms.map((f) => `\`${f}\``).join(" or ")}.`] }));
  return undefined;
}

/** A problem already reported: the call adds no "wrong arguments" on top. */
const REPORTED = Symbol("reported");

/**
 * A string argument's text, with `${name}` and `${app}` filled in as in any string (template
 * parameters were substituted before). Undefined when the argument is no string; REPORTED after a
 * part that cannot be interpolated was reported (`${db.host}`, an unknown name).
 */
function stringArg(ctx: Ctx, e: Expr | undefined): string | undefined | typeof REPORTED {
  if (e?.kind !== "String") return undefined;
  // One literal part (the usual case) is the text itself: no joined copy per secret value.
  if (e.parts.length === 1 && typeof e.parts[0] === "string") return e.parts[0];
  if (e.parts.every((p) => typeof p === "string")) return e.parts.join("");
  return stringText(ctx, e) ?? REPORTED;
}

function portArg(ctx: Ctx, e: Expr | undefined): string | number | undefined | null | typeof REPORTED {
  if (e === undefined) return undefined;
  if (e.kind === "Number" && Number.isInteger(e.value) && e.value >= 1 && e.value <= 65535) return e.value;
  const s = stringArg(ctx, e);
  if (s !== undefined) return s;
  if (e.kind === "Ref" && e.path.length === 1) return e.path[0]!.text;
  return null; // present but invalid
}

export function checkCall(ctx: Ctx, field: string, type: "Probe" | "SecretValue", call: Call): Value | undefined {
  const name = call.callee.text;
  const allowed = type === "Probe" ? PROBE_CALLS : SECRET_CALLS;
  if (!allowed.includes(name)) {
    const other = type === "Probe" ? SECRET_CALLS : PROBE_CALLS;
    const hints = other.includes(name) ? [`\`${name}(...)\` belongs elsewhere; \`${field}\` takes ${allowed.map((a) => `\`${a}(...)\``).join(", ")}.`] : didYouMean(name, allowed);
    ctx.diagnostics.push(diag("KD3012", call.callee.span, `\`${name}\` is not a function \`${field}\` can use`, { hints }));
    return undefined;
  }
  const [a, b] = call.args;
  switch (name) {
    case "env": {
      const v = stringArg(ctx, a);
      if (v === REPORTED) return undefined;
      if (v === undefined || call.args.length !== 1) return wrong(ctx, call, 'env("NAME")');
      const problem = checkEnvName(v);
      if (problem) {
        ctx.diagnostics.push(diag("KD3013", a!.span, `\`${v}\` is not an environment variable name: ${problem}`));
        return undefined;
      }
      return { v: "source", from: "env", arg: v, span: call.span };
    }
    case "file": {
      const v = stringArg(ctx, a);
      if (v === REPORTED) return undefined;
      if (v === undefined || call.args.length !== 1) return wrong(ctx, call, 'file("path/inside/the/project")');
      if (v.startsWith("/") || v.split("/").includes("..")) {
        ctx.diagnostics.push(diag("KD2008", a!.span, `\`${v}\` is outside the project`, { hints: ["secret files are read relative to the project directory and must stay inside it."] }));
        return undefined;
      }
      return { v: "source", from: "file", arg: v, span: call.span };
    }
    case "remote": {
      // The store checks the key; only its shape is known here.
      const key = stringArg(ctx, a);
      const property = stringArg(ctx, b);
      if (key === REPORTED || property === REPORTED) return undefined;
      if (!key || call.args.length > 2 || (b !== undefined && !property)) return wrong(ctx, call, 'remote("path/in/store")', 'remote("path/in/store", "property")');
      return property === undefined ? { v: "remote", key, span: call.span } : { v: "remote", key, property, span: call.span };
    }
    case "http": {
      const path = stringArg(ctx, a);
      const port = portArg(ctx, b);
      if (path === REPORTED || port === REPORTED) return undefined;
      if (path === undefined || !path.startsWith("/") || port === null || call.args.length > 2) return wrong(ctx, call, 'http("/healthz")', 'http("/healthz", 8080)');
      return { v: "probe", action: port === undefined ? { type: "http", path } : { type: "http", path, port }, span: call.span };
    }
    case "tcp": {
      const port = portArg(ctx, a);
      if (port === REPORTED) return undefined;
      if (port === null || call.args.length > 1) return wrong(ctx, call, "tcp()", "tcp(5432)");
      return { v: "probe", action: port === undefined ? { type: "tcp" } : { type: "tcp", port }, span: call.span };
    }
    case "grpc": {
      const port = portArg(ctx, a);
      if (port === REPORTED) return undefined;
      if (port === null || typeof port === "string" || call.args.length > 1) return wrong(ctx, call, "grpc()", "grpc(9090)");
      return { v: "probe", action: port === undefined ? { type: "grpc" } : { type: "grpc", port }, span: call.span };
    }
    case "exec": {
      const items = a?.kind === "List" ? a.items.map((i) => stringArg(ctx, i)) : [];
      if (items.includes(REPORTED)) return undefined;
      if (call.args.length !== 1 || items.length === 0 || items.some((i) => i === undefined)) return wrong(ctx, call, 'exec(["cat", "/tmp/ready"])');
      return { v: "probe", action: { type: "exec", command: items as string[] }, span: call.span };
    }
  }
  return undefined;
}

// Expressions against their expected scalar type: literals with units, strings, references and
// the builtin calls. Returns the typed value, or undefined after reporting why not; an undefined
// value produces no follow-on errors.
import type { Call, Expr, Name, Ref, StringLit } from "../syntax/ast.ts";
import type { Span } from "../syntax/span.ts";
import { spanCovering } from "../syntax/span.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { ScalarName, Type } from "./types.ts";
import { describeType } from "./types.ts";
import type { Value } from "./values.ts";
import { hasKey, keysOf, type Ctx, type DeclSymbol } from "./scope.ts";
import { cpuMillis, durationNormalForm, durationSeconds, familyOf, FAMILY_TEXT, isQuantity, memoryBytes, percentValue } from "./units.ts";
import { checkDnsLabel, checkImage, checkLabelValue, refText } from "./names.ts";
import { didYouMean, suggest } from "./suggest.ts";
import { checkCall } from "./check-call.ts";
import { checkWorkloadScalar } from "./check-workload.ts";
import { addressPart, TEXT_BUILTINS, textParts, textValue } from "./check-text.ts";

/** Where text builtins (`lower`, `upper`, `join`) may stand: wherever text is expected. */
const TEXT_TYPES = new Set<ScalarName>(["String", "Name", "Image", "LabelValue", "ConfigValue", "EnvValue"]);
import { checkReleaseScalar } from "./check-release.ts";

export function found(e: Expr): string {
  switch (e.kind) {
    case "String":
      return "a string";
    case "Number":
      return Number.isInteger(e.value) ? "a number" : "a decimal number";
    case "Quantity":
      return FAMILY_TEXT[familyOf(e.raw)];
    case "Bool":
      return "a boolean";
    case "Ref":
      return `the name \`${refText(e.path.map((p) => p.text))}\``;
    case "Call":
      return `a call to \`${e.callee.text}(...)\``;
    case "List":
      return "a list";
    case "Range":
      return "a range";
    case "If":
      return "an `if` expression";
  }
}

export function mismatch(ctx: Ctx, field: string, type: Type, e: Expr, hints: string[] = []): undefined {
  // A number with the wrong unit, or with none where a unit is needed (`weight = 10`), is a unit problem.
  const code = (e.kind === "Quantity" || e.kind === "Number") && type.t === "scalar" && UNIT_TYPES.has(type.name) ? "KD3002" : "KD3001";
  ctx.diagnostics.push(diag(code, e.span, `\`${field}\` expects ${describeType(type)}, found ${found(e)}`, { label: `this is ${found(e)}`, hints }));
  return undefined;
}

const UNIT_TYPES = new Set<ScalarName>(["Cpu", "Memory", "Duration", "Percent"]);

/** A string literal's text with `${name}` and `${app}` filled in. */
export function stringText(ctx: Ctx, s: StringLit): string | undefined {
  let out = "";
  let ok = true;
  for (const p of s.parts) {
    if (typeof p === "string") out += p;
    else if (p.kind === "Ref" && p.path.length === 1 && p.path[0]!.text === "name") out += ctx.selfName;
    else if (p.kind === "Ref" && p.path.length === 1 && p.path[0]!.text === "app") out += ctx.scope.appName;
    else if (p.kind === "Ref" && p.path.length > 1) {
      // `${db.address}` outside an environment value: check-text.ts says why it cannot go here.
      addressPart(ctx, p, false);
      ok = false;
    } else {
      ctx.diagnostics.push(diag("KD2001", p.span, `unknown name \`${p.kind === "Ref" ? p.path.map((n) => n.text).join(".") : "?"}\` in a string`, { hints: ["strings can interpolate `${name}` (the declaration's name), `${app}` (the app's name) and, in environment values only, service addresses such as `${db.address}`."] }));
      ok = false;
    }
  }
  return ok ? out : undefined;
}

export function checkScalar(ctx: Ctx, field: string, type: ScalarName, e: Expr): Value | undefined {
  const t = scalarType(type);
  // Text builtins, and (in environment values) strings with service addresses: check-text.ts.
  const builtin = e.kind === "Call" && e.callee.text in TEXT_BUILTINS && TEXT_TYPES.has(type);
  if (builtin || (type === "EnvValue" && e.kind === "String" && hasAddress(e))) {
    const parts = textParts(ctx, e, type === "EnvValue");
    if (!parts) return undefined;
    const v = textValue(parts, e.span);
    return v.v === "string" ? checkScalar(ctx, field, type, { kind: "String", parts: [v.s], span: e.span }) : v;
  }
  switch (type) {
    case "String":
    case "Name":
    case "Image":
    case "LabelValue": {
      let text: string | undefined;
      if (e.kind === "String") text = stringText(ctx, e);
      else if (type === "LabelValue" && (e.kind === "Number" || e.kind === "Bool")) text = e.kind === "Number" ? e.raw : String(e.value);
      else if (type === "String" && e.kind === "Number") {
        return mismatch(ctx, field, t, e, [`write it as a string: \`"${e.raw}"\`.`]);
      } else return mismatch(ctx, field, t, e);
      if (text === undefined) return undefined;
      const problem = type === "Name" ? checkDnsLabel(text) : type === "Image" ? checkImage(text) : type === "LabelValue" ? checkLabelValue(text) : undefined;
      if (problem) {
        const code = type === "Name" ? "KD3004" : type === "Image" ? "KD3007" : "KD3006";
        const message = text === "" ? `\`${field}\` is empty; it needs ${describeType(t)}` : `\`${text}\` is not ${describeType(t)}: ${problem}`;
        ctx.diagnostics.push(diag(code, e.span, message));
        return undefined;
      }
      return { v: "string", s: text, span: e.span };
    }
    case "Int":
      if (e.kind === "Number" && Number.isInteger(e.value)) return { v: "int", n: e.value, span: e.span };
      if (e.kind === "Quantity" && familyOf(e.raw) === "memory") return mismatch(ctx, field, t, e, [`did you mean \`resources { memory = ${e.raw} }\`?`]);
      return mismatch(ctx, field, t, e);
    case "Bool":
      if (e.kind === "Bool") return { v: "bool", b: e.value, span: e.span };
      return mismatch(ctx, field, t, e);
    case "Cpu": {
      const raw = e.kind === "Number" ? e.raw : e.kind === "Quantity" ? e.raw : undefined;
      const millis = raw === undefined ? undefined : cpuMillis(raw);
      // Kubernetes counts CPU in whole millicores: a finer value is refused, not rounded.
      if (millis === undefined && raw !== undefined && /^\d+\.\d+m$/.test(raw)) return outOfRange(ctx, e.span, `\`${field}\` is counted in whole millicores; \`${raw}\` is not one`);
      if (millis === undefined) return mismatch(ctx, field, t, e);
      if (millis === 0) return outOfRange(ctx, e.span, /[1-9]/.test(raw!) ? `\`${field}\` must be at least 1m (a thousandth of a core); \`${raw}\` is less` : `\`${field}\` must be more than zero`);
      if ((/^\d+\.(\d+)$/.exec(raw!)?.[1]?.replace(/0+$/, "").length ?? 0) > 3) return outOfRange(ctx, e.span, `\`${field}\` is counted in whole millicores (1m = 0.001 cores); \`${raw}\` is between ${Math.floor(Number(raw) * 1000)}m and ${Math.floor(Number(raw) * 1000) + 1}m`);
      return { v: "cpu", millis, span: e.span };
    }
    case "Memory": {
      const raw = e.kind === "Number" ? e.raw : e.kind === "Quantity" ? e.raw : undefined;
      const bytes = raw === undefined ? undefined : memoryBytes(raw);
      if (bytes === undefined || raw === undefined) return mismatch(ctx, field, t, e, e.kind === "Quantity" && familyOf(e.raw) === "cpu" ? ["memory units are Ki, Mi, Gi (powers of 2) or k, M, G; `m` is milli."] : []);
      if (bytes === 0) return outOfRange(ctx, e.span, `\`${field}\` must be more than zero`);
      return { v: "memory", bytes, raw, span: e.span };
    }
    case "Duration": {
      const seconds = e.kind === "Quantity" ? durationSeconds(e.raw) : undefined;
      if (seconds === undefined) {
        const normal = e.kind === "Quantity" ? durationNormalForm(e.raw) : undefined;
        return mismatch(ctx, field, t, e, e.kind === "Number" ? [`add a unit: \`${e.raw}s\`.`] : normal !== undefined ? [`write \`${normal}\`: each unit at most once, largest first.`] : []);
      }
      const whole = wholeSeconds(ctx, field, e.kind === "Quantity" ? e.raw : "", seconds, e.span);
      return whole === undefined ? undefined : { v: "duration", seconds: whole, span: e.span };
    }
    case "Percent": {
      const n = e.kind === "Quantity" ? percentValue(e.raw) : undefined;
      if (n === undefined) return mismatch(ctx, field, t, e, e.kind === "Number" ? [`write it with a percent sign: \`${e.raw}%\`.`] : []);
      if (n > 100) return outOfRange(ctx, e.span, `\`${field}\` is ${n}%, more than 100%`);
      return { v: "percent", n, span: e.span };
    }
    case "Probe":
    case "SecretValue":
      if (e.kind === "Call") return checkCall(ctx, field, type, e);
      if (type === "SecretValue" && e.kind === "String") {
        ctx.diagnostics.push(
          diag("KD3011", e.span, `secret key \`${field}\` has its value written in source`, {
            label: "secret values must not live in .kdsl files",
            hints: [`read it at deploy time instead: \`env("${field.toUpperCase().replace(/[^A-Z0-9]/g, "_")}")\` or \`file("path")\`.`],
          }),
        );
        return undefined;
      }
      return mismatch(ctx, field, t, e);
    case "ConfigValue":
      if (e.kind === "String") {
        const s = stringText(ctx, e);
        return s === undefined ? undefined : { v: "string", s, span: e.span };
      }
      // Numbers and quantities are kept as written (`1.10`, `01234`, `128Mi`), not as JavaScript prints them.
      if (e.kind === "Number") return { v: "string", s: e.raw, span: e.span };
      if (e.kind === "Bool") return { v: "string", s: String(e.value), span: e.span };
      if (e.kind === "Quantity") return isQuantity(e.raw) ? { v: "string", s: e.raw, span: e.span } : unknownUnit(ctx, field, t, e.raw, e.span);
      return mismatch(ctx, field, t, e);
    case "EnvValue":
      if (e.kind === "Ref") return checkEnvRef(ctx, field, e);
      return checkScalar(ctx, field, "ConfigValue", e);
    case "ServiceRef":
    case "WorkloadRef":
      if (e.kind === "Ref" && e.path.length === 1) return checkWorkloadRef(ctx, type, e);
      return mismatch(ctx, field, t, e);
    case "Strategy":
    case "Step":
    case "SecretName":
    case "PortName":
    case "Host":
    case "HttpPath":
      return checkReleaseScalar(ctx, field, type, e);
    case "IntOrPercent":
    case "Cron":
    case "Overlap":
    case "TimeZone":
      return checkWorkloadScalar(ctx, field, type, e);
    case "LabelKey":
    case "EnvName":
    case "Port":
      // Keys and ports are checked where they are written (block keys, `port` directives).
      return mismatch(ctx, field, t, e);
  }
}

/** `${db.address}` in a string. */
function hasAddress(e: StringLit): boolean {
  for (const p of e.parts) if (typeof p !== "string" && p.kind === "Ref" && p.path.length > 1) return true;
  return false;
}

/** One type object per scalar name, not one per value checked (they are only read, by messages). */
function scalarType(name: ScalarName): Type {
  let t = SCALAR_TYPES.get(name);
  if (t === undefined) {
    t = { t: "scalar", name };
    SCALAR_TYPES.set(name, t);
  }
  return t;
}
const SCALAR_TYPES = new Map<ScalarName, Type>();

/** `1xyz`, `1e`, `0x1F` where text is expected: a number with a suffix that is no unit of any kind. */
function unknownUnit(ctx: Ctx, field: string, type: Type, raw: string, span: Span): undefined {
  ctx.diagnostics.push(
    diag("KD3002", span, `\`${field}\` expects ${describeType(type)}, found \`${raw}\`, a number with an unknown unit`, {
      label: "not a CPU, memory, duration or percentage quantity",
      hints: [`write it as a string: \`"${raw}"\`.`, "units are `m` (millicores), `Ki` `Mi` `Gi` `k` `M` `G` (memory), `ms` `s` `m` `h` `d` (durations) and `%`."],
    }),
  );
  return undefined;
}

/**
 * Kubernetes counts every duration kdsl writes (probe timings, deadlines, `minReadySeconds`, rollout
 * pauses) in whole seconds: a duration that is not one is reported, never rounded (KD3003). The
 * seconds, rounded off the float error of `0.7m`, or undefined after the report.
 */
export function wholeSeconds(ctx: Ctx, field: string, raw: string, seconds: number, span: Span): number | undefined {
  const whole = Math.round(seconds);
  if (Math.abs(seconds - whole) < 1e-6) return whole;
  const up = Math.ceil(seconds);
  const down = Math.floor(seconds);
  const choices = down > 0 ? `\`${down}s\` or \`${up}s\`` : `\`${up}s\``;
  ctx.diagnostics.push(
    diag("KD3003", span, `\`${field}\` must be a whole number of seconds, not \`${raw}\`${raw === `${+seconds.toFixed(3)}s` ? "" : ` (${+seconds.toFixed(3)}s)`}`, {
      label: "Kubernetes counts this in whole seconds",
      hints: [`write ${choices}.`],
      fixes: [{ title: `Use ${up}s`, edits: [{ span, newText: `${up}s` }] }],
    }),
  );
  return undefined;
}

function outOfRange(ctx: Ctx, span: Span, message: string): undefined {
  ctx.diagnostics.push(diag("KD3003", span, message));
  return undefined;
}

function checkWorkloadRef(ctx: Ctx, type: "ServiceRef" | "WorkloadRef", e: Ref): Value | undefined {
  const name = e.path[0]!.text;
  const sym = ctx.scope.decls.get(name);
  const wanted = type === "ServiceRef" ? ["service"] : ["service", "job"];
  if (!sym) {
    const candidates = [...ctx.scope.decls.values()].filter((s) => wanted.includes(s.kind)).map((s) => s.name);
    ctx.diagnostics.push(diag("KD2003", e.span, `unknown ${type === "ServiceRef" ? "service" : "service or job"} \`${name}\``, { label: "not declared in this app", hints: didYouMean(name, candidates) }));
    return undefined;
  }
  if (!wanted.includes(sym.kind)) {
    ctx.diagnostics.push(diag("KD3015", e.span, `\`${name}\` is a ${sym.kind}, not a ${wanted.join(" or ")}`, { related: [{ span: sym.decl.name!.span, message: `\`${name}\` is declared here` }] }));
    return undefined;
  }
  return { v: "workload", name, span: e.span };
}

const SERVICE_FORMS = ["url", "host", "port", "address"] as const;

/** `api-keys.token`, `settings.log-level`, `payments.url` as an environment value. */
function checkEnvRef(ctx: Ctx, field: string, e: Ref): Value | undefined {
  const head = e.path[0]!;
  const sym = ctx.scope.decls.get(head.text);
  if (!sym) {
    ctx.diagnostics.push(diag("KD2001", head.span, `unknown name \`${head.text}\``, { label: "no secret, config or service has this name", hints: didYouMean(head.text, ctx.scope.decls.keys()) }));
    return undefined;
  }
  const member = e.path[1];
  if (member && e.path.length > 2 && (sym.kind === "secret" || sym.kind === "config")) return keyPath(ctx, sym, e);
  if (e.path.length !== 2 || !member) {
    const what = sym.kind === "service" ? "`.url`, `.host`, `.port` or `.address`" : `one of its keys (\`${head.text}.key\`)`;
    ctx.diagnostics.push(diag("KD3015", e.span, `\`${head.text}\` is a ${sym.kind}; \`${field}\` needs ${what}`));
    return undefined;
  }
  // The reference's own span when it covers exactly the two names (as written, it does): no copy.
  const span = e.span.file === head.span.file && e.span.start === head.span.start && e.span.end === member.span.end ? e.span : spanCovering(head.span, member.span);
  if (sym.kind === "secret" || sym.kind === "config") {
    if (!hasKey(ctx.scope, sym, member.text)) {
      const near = suggest(member.text, new Set(keysOf(ctx.scope, sym)));
      ctx.diagnostics.push(diag("KD2012", member.span, `${sym.kind} \`${sym.name}\` has no key \`${member.text}\``, { hints: near === undefined ? [] : [`did you mean \`${refText([sym.name, near])}\`?`], related: [{ span: sym.decl.name!.span, message: `\`${sym.name}\` is declared here` }] }));
      return undefined;
    }
    return sym.kind === "secret" ? { v: "secretRef", secret: sym.name, key: member.text, span } : { v: "configRef", config: sym.name, key: member.text, span };
  }
  if (sym.kind === "service") {
    const form = SERVICE_FORMS.find((f) => f === member.text);
    if (!form) {
      ctx.diagnostics.push(diag("KD2012", member.span, `a service has no \`.${member.text}\`; use \`.url\`, \`.host\`, \`.port\` or \`.address\``, { hints: didYouMean(member.text, SERVICE_FORMS) }));
      return undefined;
    }
    return { v: "serviceRef", service: sym.name, form, span };
  }
  ctx.diagnostics.push(diag("KD3015", e.span, `\`${head.text}\` is a ${sym.kind}; an environment value can refer to a secret, a config or a service`));
  return undefined;
}

/**
 * `creds.tls.key`: a secret's or config's key is one name, so a longer path is a key that holds
 * dots written without quotes (`creds."tls.key"`), or a key followed by parts it does not have.
 */
function keyPath(ctx: Ctx, sym: DeclSymbol, e: Ref): undefined {
  const [head, member] = e.path as [Name, Name, ...Name[]];
  const rest = spanCovering(member.span, e.path[e.path.length - 1]!.span);
  const joined = e.path.slice(1).map((n) => n.text).join(".");
  const related = [{ span: sym.decl.name!.span, message: `\`${sym.name}\` is declared here` }];
  if (hasKey(ctx.scope, sym, joined)) {
    const quoted = refText([head.text, joined]);
    ctx.diagnostics.push(
      diag("KD2012", rest, `\`${member.text}\` is not a key of ${sym.kind} \`${sym.name}\`; its key \`${joined}\` holds dots`, {
        label: "read as a path: key `" + member.text + "`, then `" + e.path.slice(2).map((n) => n.text).join(".") + "`",
        hints: [`quote a key that holds dots: \`${quoted}\`.`],
        related,
        fixes: [{ title: `Write ${quoted}`, edits: [{ span: e.span, newText: quoted }] }],
      }),
    );
    return undefined;
  }
  if (hasKey(ctx.scope, sym, member.text)) {
    const after = e.path[2]!;
    ctx.diagnostics.push(diag("KD3015", spanCovering(after.span, e.path[e.path.length - 1]!.span), `\`${refText([head.text, member.text])}\` is one value of ${sym.kind} \`${sym.name}\`; it has no \`.${after.text}\``, { hints: [`write \`${refText([head.text, member.text])}\`.`], related }));
    return undefined;
  }
  const keys = keysOf(ctx.scope, sym);
  const near = suggest(joined, new Set(keys));
  const listed = keys.slice(0, 8).map((k) => `\`${refText([head.text, k])}\``).join(", ") + (keys.length > 8 ? ", ..." : "");
  const hints = near !== undefined ? [`did you mean \`${refText([head.text, near])}\`?`] : keys.length > 0 ? [`its keys: ${listed}.`] : [];
  ctx.diagnostics.push(diag("KD2012", member.span, `\`${member.text}\` is not a key of ${sym.kind} \`${sym.name}\``, { hints, related }));
  return undefined;
}

export type { Call };

// Secret values written in .kdsl files end up in git, in every clone and in the generated YAML.
import type { EnvValue } from "../../ir/model.ts";
import type { Rule } from "../rule.ts";
import { workloads } from "../pods.ts";

/** Formats of well-known credentials; compiled once. */
const PATTERNS: readonly { what: string; re: RegExp }[] = [
  { what: "a private key", re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { what: "an AWS access key", re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: "a GitHub token", re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})/ },
  { what: "a Slack token", re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { what: "a Stripe secret key", re: /\b[sr]k_live_[0-9a-zA-Z]{16,}/ },
  { what: "a Google API key", re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { what: "a JSON web token", re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { what: "a password in a URL", re: /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@$]+:[^/\s@$]+@/i },
];

export function credentialIn(text: string): string | undefined {
  for (const p of PATTERNS) if (p.re.test(text)) return p.what;
  return undefined;
}

function literalText(v: EnvValue): string | undefined {
  if (v.kind === "literal") return v.value;
  if (v.kind === "interpolated") return v.parts.map((p) => (typeof p === "string" ? p : "")).join(" ");
  return undefined;
}

export const rule: Rule = {
  id: "secret-in-source",
  category: "security",
  severity: "error",
  summary: "A credential (key, token, password in a URL) is written in source",
  docs: {
    rationale:
      "A credential written in a .kdsl file is in the git history for good, in every clone and CI log, and in the generated YAML in plain text. Rotating it means finding every copy. kdsl's `secret` declarations read values from the environment, files or an external store at build time, so they never need to be in source.",
    bad: `app shop

service api {
  image = "ghcr.io/example/api:1.4.2"
  env { DATABASE_URL = "postgres://shop:hunter2@db:5432/shop" }
}
`,
    good: `app shop

secret db-credentials {
  url = env("SHOP_DATABASE_URL")
}

service api {
  image = "ghcr.io/example/api:1.4.2"
  env { DATABASE_URL = db-credentials.url }
}
`,
    fix: "Move the value into a `secret` (`url = env(\"SHOP_DATABASE_URL\")`) and refer to it (`db-credentials.url`). Then rotate the credential: it has been published.",
  },
  check(ctx) {
    for (const { model: w } of workloads(ctx)) {
      for (const e of w.env) {
        const text = literalText(e.value);
        const what = text === undefined ? undefined : credentialIn(text);
        if (what) ctx.report({ span: ctx.spanOf(w.name, ["env", e.name]), message: `env \`${e.name}\` of \`${w.name}\` holds ${what}`, label: "credential in source", hints: ["read it from a `secret` (`env(\"NAME\")`, `file(\"path\")` or a store) and refer to that."] });
      }
      for (const arg of [...(w.command ?? []), ...(w.args ?? [])]) {
        const what = credentialIn(arg);
        if (what) ctx.report({ span: ctx.spanOf(w.name, [w.args?.includes(arg) ? "args" : "command"]), message: `the command line of \`${w.name}\` holds ${what}`, label: "credential in source", hints: ["pass it through an env var read from a `secret` instead."] });
      }
    }
    for (const c of ctx.app.configs) {
      for (const e of c.entries) {
        const what = credentialIn(e.value);
        if (what) ctx.report({ span: ctx.spanOf(c.name, [e.key]), message: `config \`${c.name}\` key \`${e.key}\` holds ${what}`, label: "credential in source", hints: ["a ConfigMap is not secret: move the value into a `secret` declaration."] });
      }
    }
  },
};

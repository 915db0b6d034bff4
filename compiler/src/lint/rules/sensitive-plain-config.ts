// A value named like a password or token, written in plain config, is probably a secret in the open.
import type { Rule } from "../rule.ts";
import { workloads } from "../pods.ts";
import { credentialIn } from "../credentials.ts";

const SENSITIVE = new Set(["PASSWORD", "PASSWD", "PWD", "SECRET", "TOKEN", "KEY", "APIKEY", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY", "PASSPHRASE"]);
/** Names of things about a secret rather than the secret: `PASSWORD_FILE`, `TOKEN_TTL`, `KEY_ID`. */
const ABOUT = new Set(["FILE", "PATH", "DIR", "NAME", "ID", "HOST", "URL", "ADDR", "PORT", "LENGTH", "TTL", "HEADER", "PREFIX", "ENABLED", "TYPE", "COUNT", "MIN", "MAX", "SIZE"]);

/** Splits `dbPassword`, `DB_PASSWORD`, `db-password`, `db.password` into upper-case words. */
function words(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
}

/**
 * Words that make a `KEY` something other than a credential: `PUBLIC_KEY` (meant to be shared),
 * `PRIMARY_KEY`, `SORT_KEY`, `CACHE_KEY` (names of data).
 */
const NOT_SECRET_KEY = new Set(["PUBLIC", "PUB", "PRIMARY", "FOREIGN", "SORT", "PARTITION", "CACHE", "ROUTING", "SHARD", "IDEMPOTENCY", "DEDUP", "DEDUPLICATION", "LOOKUP", "JOIN", "GROUP", "HASH"]);

export function sensitiveName(name: string): string | undefined {
  const w = words(name);
  if (w.length === 0 || ABOUT.has(w[w.length - 1]!)) return undefined;
  return w.find((x, i) => {
    if (!SENSITIVE.has(x)) return false;
    if (x !== "KEY") return true;
    // `KEY` is ambiguous: a credential only as the last word (`API_KEY`, `SIGNING_KEY`), and not
    // after a word that makes it public or a name of data (`PUBLIC_KEY`, `PRIMARY_KEY_COLUMN`).
    return i === w.length - 1 && !(i > 0 && NOT_SECRET_KEY.has(w[i - 1]!));
  });
}

/** A value in a format secret-in-source recognises (a private key, a token) is that rule's to report. */
const credential = (text: string) => credentialIn(text) !== undefined;

export const rule: Rule<{ ignore: string[] }> = {
  id: "sensitive-plain-config",
  category: "security",
  severity: "warning",
  summary: "A config entry or a literal env var is named like a secret (`PASSWORD`, `TOKEN`, `KEY`)",
  docs: {
    rationale:
      "An env var called `DB_PASSWORD` with a literal value, or a config entry `api-token`, is almost always a secret that ended up in plain text: in git, in the ConfigMap anyone with read access to the namespace can see, and in the generated YAML.",
    bad: `app shop

config settings {
  api-token = "not-so-secret"
}

service api {
  image = "ghcr.io/example/api:1.4.2"
  env { ADMIN_PASSWORD = "changeme" }
}
`,
    good: `app shop

secret api-keys {
  api-token = env("API_TOKEN")
  admin-password = env("ADMIN_PASSWORD")
}

service api {
  image = "ghcr.io/example/api:1.4.2"
  files { "/etc/api-keys" = api-keys }
}
`,
    fix: "Move the value into a `secret` and refer to it, or mount the secret as files. Names about a secret rather than the secret itself (`PASSWORD_FILE`, `TOKEN_TTL`, `KEY_ID`) are not reported, nor keys that are not credentials: public keys (`PUBLIC_KEY`, `SIGNING_PUBLIC_KEY`), names of data (`PRIMARY_KEY`, `SORT_KEY`, `CACHE_KEY`), and `KEY` anywhere but at the end (`PRIMARY_KEY_COLUMN`). A value in a format `secret-in-source` recognises (a private key, a token, a password in a URL) is reported by that rule only. Add other harmless names to the `ignore` option.",
  },
  options: {
    schema: { ignore: { type: "array", items: { type: "string" }, uniqueItems: true, description: "Env and config names never reported, e.g. `LOCK_TOKEN_NAMESPACE`." } },
    defaults: { ignore: [] },
  },
  check(ctx) {
    const ignore = new Set(ctx.options.ignore);
    for (const { model: w } of workloads(ctx)) {
      for (const e of w.env) {
        if (ignore.has(e.name) || (e.value.kind !== "literal" && e.value.kind !== "interpolated")) continue;
        if (e.value.kind === "literal" && (e.value.value === "" || credential(e.value.value))) continue;
        if (e.value.kind === "interpolated" && credential(e.value.parts.map((p) => (typeof p === "string" ? p : " ")).join(""))) continue;
        const word = sensitiveName(e.name);
        if (word) ctx.report({ span: ctx.spanOf(w.name, ["env", e.name]), message: `env \`${e.name}\` of \`${w.name}\` looks like a ${word.toLowerCase()} but is written in plain text`, label: "plain text", hints: ["read it from a `secret` and refer to that key (`my-secret.key`)."] });
      }
    }
    for (const c of ctx.app.configs) {
      for (const e of c.entries) {
        if (ignore.has(e.key) || e.value === "" || credential(e.value)) continue;
        const word = sensitiveName(e.key);
        if (word) ctx.report({ span: ctx.spanOf(c.name, [e.key]), message: `config \`${c.name}\` key \`${e.key}\` looks like a ${word.toLowerCase()}; a ConfigMap is not secret`, label: "plain text", hints: ["move it into a `secret` declaration."] });
      }
    }
  },
};

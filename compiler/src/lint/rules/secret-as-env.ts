// Secrets in env vars leak into crash dumps, child processes and `kubectl describe`; files do not.
import type { Rule } from "../rule.ts";

export const rule: Rule = {
  id: "secret-as-env",
  category: "security",
  severity: "info",
  summary: "A service passes a secret as an environment variable where a mounted file would do",
  docs: {
    rationale:
      "Environment variables are inherited by every child process, printed by many crash handlers and debug pages, and visible to anyone who can read the process' environment. A secret mounted as a read-only file is read only by the code that opens it, and Kubernetes updates it in place when the secret changes (env vars need a restart).\n\nOnly services are reported: jobs and crons cannot mount `files` in kdsl, so for them an environment variable is the way to pass a secret.",
    bad: `app shop

secret api-keys {
  token = env("API_TOKEN")
}

service api {
  image = "ghcr.io/example/api:1.4.2"
  env { TOKEN = api-keys.token }
}
`,
    good: `app shop

secret api-keys {
  token = env("API_TOKEN")
}

service api {
  image = "ghcr.io/example/api:1.4.2"
  files { "/etc/api-keys" = api-keys }
  env { TOKEN_FILE = "/etc/api-keys/token" }
}
`,
    fix: "Mount the secret as files (`files { \"/etc/api-keys\" = api-keys }`) and have the program read `/etc/api-keys/<key>`; many images accept a `*_FILE` variable for exactly this.",
    suppress: "Images that only read the environment (many databases' official images) are a good reason: `// kdsl-ignore secret-as-env: the postgres image reads POSTGRES_PASSWORD from env`.",
  },
  check(ctx) {
    // Services only: a job or cron has no `files` (KD2004), so the one remedy this rule offers does
    // not exist for them, and a finding that can only be suppressed is noise.
    for (const w of ctx.app.services) {
      for (const e of w.env) {
        if (e.value.kind !== "secret") continue;
        ctx.report({
          span: ctx.spanOf(w.name, ["env", e.name]),
          message: `\`${w.name}\` passes secret \`${e.value.secret}.${e.value.key}\` as env \`${e.name}\``,
          label: "secret in the environment",
          hints: [`mount it as a file instead: \`files { "/etc/${e.value.secret}" = ${e.value.secret} }\`, read \`/etc/${e.value.secret}/${e.value.key}\`.`],
        });
      }
    }
  },
};

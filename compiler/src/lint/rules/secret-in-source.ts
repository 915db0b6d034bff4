// Secret values written in .kdsl files end up in git, in every clone and in the generated YAML.
import type { Rule } from "../rule.ts";
import { credentialsInSource, type WrittenString } from "../credentials.ts";

/** `env \`DB_URL\` of \`api\``, `config \`settings\` key \`db\``, `\`labels.t\` of template \`base\``. */
function describe(s: WrittenString): string {
  const { kind, name } = s.item;
  // In a profile the path starts with the declaration it changes: `api.env { URL = "..." }`.
  const [target, path] = kind === "profile" && s.path.length > 1 ? [s.path[0]!, s.path.slice(1)] : [undefined, s.path];
  const of = kind === "template" ? `template \`${name}\`` : kind === "profile" ? (target ? `\`${target}\` in profile \`${name}\`` : `profile \`${name}\``) : kind === "app" ? `app \`${name}\`` : `\`${name}\``;
  if (kind === "config" && path.length === 1) return `config \`${name}\` key \`${path[0]}\``;
  const last = path.at(-1);
  if (path.length >= 2 && path.at(-2) === "env") return `env \`${last}\` of ${of}`;
  if (last === "command" || last === "args") return `the command line of ${of}`;
  return path.length ? `\`${path.join(".")}\` of ${of}` : `a value of ${of}`;
}

function hintFor(s: WrittenString): string {
  if (s.item.kind === "config") return "a ConfigMap is not secret: move the value into a `secret` declaration.";
  const last = s.path.at(-1);
  if (last === "command" || last === "args") return "pass it through an env var read from a `secret` instead.";
  if (s.path.some((k) => k === "labels" || k === "annotations")) return "remove it: labels and annotations are not secret (anyone who can read the object sees them).";
  return "read it from a `secret` (`env(\"NAME\")`, `file(\"path\")` or a store) and refer to that.";
}

export const rule: Rule = {
  id: "secret-in-source",
  category: "security",
  severity: "error",
  summary: "A credential (key, token, password in a URL) is written in source",
  docs: {
    rationale:
      "A credential written in a .kdsl file is in the git history for good, in every clone and CI log, and in the generated YAML in plain text. Rotating it means finding every copy. kdsl's `secret` declarations read values from the environment, files or an external store at build time, so they never need to be in source.\n\nThe rule reads the source, not the build: every string literal in the project's own files is checked, including profiles that are not applied, both branches of an `if`, templates (once each, however many declarations use them, unused ones too), template arguments, labels and `k8s` patches. A value in `$(VAR)` or `${...}` is filled in elsewhere and is not part of the literal.",
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
    // The source, not the build: a value in a profile that is not applied, the other branch of an
    // `if`, an unused template or a `k8s` patch is in git all the same. One finding per literal,
    // however many declarations use the template it is written in.
    for (const { s, what, span } of credentialsInSource(ctx.program)) {
      ctx.report({ span, message: `${describe(s)} holds ${what}`, label: "credential in source", hints: [hintFor(s)] });
    }
  },
};

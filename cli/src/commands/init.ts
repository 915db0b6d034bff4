// `kdsl init [dir]`: scaffolds a project a newcomer can build at once: an app with one HTTP
// service from std/web, the service's code (a tiny Node server on PORT with /healthz), kdsl.json
// and a README. Existing files are never overwritten: the command refuses and writes nothing.
import path from "node:path";
import { existsSync, mkdirSync } from "node:fs";
import { UsageError } from "../errors.ts";
import { writeAtomic } from "../output.ts";
import { STDLIB_DIR } from "../fs-host.ts";
import type { Flags } from "../flags.ts";
import { shellCommand } from "../shell.ts";

/**
 * A DNS label from the directory's name (the app's name becomes the namespace) that is also a
 * kdsl name, which starts with a letter: `9lives` becomes `app-9lives`.
 */
export function appName(dir: string): string {
  const label = path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  if (label === "") return "hello";
  return (/^[a-z]/.test(label) ? label : `app-${label}`).slice(0, 63).replace(/-+$/, "");
}

const appKdsl = (name: string) => `// ${name}: scaffolded by \`kdsl init\`. \`kdsl build .\` writes Kubernetes YAML;
// \`kdsl build --target runtime .\` writes the plan the built-in runtime runs locally.
use std/web

app ${name}

/// A tiny HTTP service: \`GET /\` greets, \`GET /healthz\` is its health check (std/web probes it).
service hello from web {
  image = "ghcr.io/example/${name}-hello:0.1.0"
  run = "node services/hello.js"
  replicas = 2
  // Node drains and upgrades evict one replica at a time (a PodDisruptionBudget).
  disruption { max-unavailable = 1 }
  resources {
    cpu = 50m to 200m
    memory = 64Mi to 128Mi
  }
  env {
    GREETING = "hello"
  }
}
`;

const helloJs = `// The hello service: listens on PORT (set per replica by the runtime; 8080 in Kubernetes).
const http = require("node:http");

const port = Number(process.env.PORT || 8080);
const greeting = process.env.GREETING || "hello";

const server = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
  if (req.url === "/healthz") res.end("ok\\n");
  else res.end(\`\${greeting} from port \${port}\\n\`);
});
server.listen(port, () => console.log(\`hello listening on \${port}\`));
// Stop accepting connections and finish the open ones when asked to stop (rolling updates).
process.on("SIGTERM", () => server.close(() => process.exit(0)));
`;

const kdslJson = (schema: string) => JSON.stringify({ $schema: schema }, null, 2) + "\n";

const readme = (name: string) => `# ${name}

A kdsl project: \`app.kdsl\` declares the app, \`services/hello.js\` is its one service, and
\`kdsl.json\` holds project defaults (namespace, profiles, secrets mode, canary strategy, build
target; see the "Projects" section of the kdsl language reference).

    kdsl build .                     # Kubernetes YAML on stdout (-o DIR writes DIR/${name}.yaml)
    kdsl build --target runtime .    # the plan the built-in runtime runs (-o DIR: ${name}.plan.json)
    node services/hello.js           # the service alone, on port 8080

Then add services to \`app.kdsl\`; \`kdsl check .\` reports problems as you go.
`;

export function run(flags: Flags): number {
  if (flags.positionals.length > 1) throw new UsageError("init takes at most one directory: kdsl init [dir]");
  const dir = flags.positionals[0] ?? ".";
  const name = appName(dir);
  // $schema as a path from the project to the schema shipped beside this kdsl, which editors read.
  const schema = path.relative(path.resolve(dir), path.join(path.dirname(STDLIB_DIR), "schemas", "kdsl.schema.json")).split(path.sep).join("/");
  const files: [string, string][] = [
    ["app.kdsl", appKdsl(name)],
    ["services/hello.js", helloJs],
    ["kdsl.json", kdslJson(schema)],
    ["README.md", readme(name)],
  ];
  const existing = files.map(([f]) => f).filter((f) => existsSync(path.join(dir, f)));
  if (existing.length) throw new UsageError(`init would overwrite ${existing.map((f) => path.join(dir, f)).join(", ")}; nothing was written (use an empty or new directory)`);
  try {
    mkdirSync(dir, { recursive: true });
    for (const [f, text] of files) writeAtomic(path.join(dir, f), text);
  } catch (e) {
    throw new UsageError(`cannot write in ${dir}: ${(e as Error).message}`);
  }
  const cd = dir === "." ? "" : `  ${shellCommand(["cd", dir])}\n`;
  process.stdout.write(
    `created app \`${name}\` in ${dir}: ${files.map(([f]) => f).join(", ")}\n\nnext steps:\n${cd}  kdsl build .                    # Kubernetes YAML\n  kdsl build --target runtime .   # the plan the built-in runtime runs\n`,
  );
  return 0;
}

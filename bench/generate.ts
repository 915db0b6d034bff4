// Generates the benchmark app: N services in one app.kdsl. Each service is a `web` service (an
// http port 8080 and both probes from the stdlib template) with 3 replicas, resources, and one env
// var read from a key of its own secret; every tenth service also has a canary at 10%.
//
// Run alone: `node --import tsx bench/generate.ts 1000 DIR` writes DIR/app.kdsl.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The app name; the Namespace and every object's namespace and part-of label. */
export const APP_NAME = "bench";
/** The environment variable every secret's `token` is read from (build with `--secrets inline`). */
export const TOKEN_ENV = "BENCH_TOKEN";
export const TOKEN_VALUE = "bench-token-value";

/** `svc-00042`: zero-padded so that name order is numeric order, as the baselines assume. */
export function serviceName(i: number): string {
  return `svc-${String(i).padStart(5, "0")}`;
}

/** Every tenth service (10, 20, ...) has a canary. */
export function hasCanary(i: number): boolean {
  return i % 10 === 0;
}

export function generateApp(n: number): string {
  const parts: string[] = [`app ${APP_NAME}\n\nuse std/web\n`];
  for (let i = 1; i <= n; i++) {
    const name = serviceName(i);
    const canary = hasCanary(i)
      ? `  canary {
    image = "registry.example.com/${APP_NAME}/${name}:1.1.0"
    weight = 10%
  }
`
      : "";
    parts.push(`
secret ${name}-keys {
  token = env("${TOKEN_ENV}")
}

service ${name} from web {
  image = "registry.example.com/${APP_NAME}/${name}:1.0.0"
  replicas = 3
  env { TOKEN = ${name}-keys.token }
  resources {
    cpu = 100m to 500m
    memory = 128Mi to 256Mi
  }
${canary}}
`);
  }
  return parts.join("");
}

/** Writes DIR/app.kdsl for N services; returns the file's path. */
export function writeApp(dir: string, n: number): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "app.kdsl");
  writeFileSync(file, generateApp(n));
  return file;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const n = Number(process.argv[2] ?? "10");
  const dir = process.argv[3] ?? ".";
  if (!Number.isInteger(n) || n < 1) {
    console.error("usage: node --import tsx bench/generate.ts N [DIR]");
    process.exit(2);
  }
  console.log(writeApp(dir, n));
}

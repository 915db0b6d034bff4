// The JSON schema of kdsl.json's project settings (every top-level property but `lint`, which the
// linter generates from its rules). The same object validates the file at build time (ajv) and is
// written into schemas/kdsl.schema.json for editors; test/backends/plan.test.ts keeps the
// committed copy equal. Other top-level sections are left alone: they may belong to other tools.
export const PROJECT_FILE = "kdsl.json";

/** The first port the runtime plan hands out unless kdsl.json says otherwise. */
export const DEFAULT_BASE_PORT = 41000;

export function projectProperties(): Record<string, unknown> {
  return {
    $schema: { type: "string", description: "The JSON schema of this file, for editors: the URL or path of schemas/kdsl.schema.json." },
    namespace: {
      type: "string",
      description: "Kubernetes namespace of the app unless the app (or an applied profile) sets `namespace`. Default: the app's name.",
      pattern: "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$",
    },
    profiles: {
      type: "array",
      description: "Profiles applied, in order, when the command line names none (`--profile` replaces the list).",
      items: { type: "string", minLength: 1 },
      uniqueItems: true,
    },
    secrets: {
      enum: ["reference", "inline"],
      description: "How secret values reach the YAML when `--secrets` is not given: `reference` (by name, the default) or `inline` (values read into Secret objects). Secrets with a `store` are ExternalSecrets either way.",
    },
    canary: {
      type: "object",
      description: "Release defaults.",
      additionalProperties: false,
      properties: {
        strategy: {
          enum: ["replicas", "gateway", "rollout"],
          description: "How versions share traffic when neither the service nor the app sets `strategy` (default `replicas`).",
        },
      },
    },
    target: {
      enum: ["kubernetes", "runtime"],
      description: "What `kdsl build` writes when `--target` is not given: Kubernetes YAML (default) or the built-in runtime's plan.",
    },
    runtime: {
      type: "object",
      description: "Settings of the runtime plan.",
      additionalProperties: false,
      properties: {
        basePort: {
          type: "integer",
          minimum: 1024,
          maximum: 65000,
          default: DEFAULT_BASE_PORT,
          description: "First local port: proxies get ports from here in declaration order, replicas the ports after them.",
        },
      },
    },
  };
}

/** The schema build validates with: the project settings, `lint` left to the linter. */
export function projectSchema(): Record<string, unknown> {
  return { type: "object", properties: { ...projectProperties(), lint: {} } };
}

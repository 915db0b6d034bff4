// kdsl.json at the project root: defaults the command line can override (namespace, profiles,
// secrets mode, release strategy, build target, the plan's first port). Read through the host
// (the compiler does no I/O), validated with ajv against projectSchema(); every problem is a
// diagnostic with a position in kdsl.json, found through the `yaml` package's parser, which
// reads JSON and keeps each node's range. The `lint` section is the linter's to check.
import type { Ajv, ErrorObject } from "ajv";
import { ajvLib } from "./libs.ts";
import type { Node } from "yaml";
import { posix as path } from "node:path";
import { readFailure, type Host } from "../host.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import type { Span } from "../syntax/span.ts";
import { keySpan, locateErrors, nodeSpan, readJsonObject, type JsonFile } from "./json-file.ts";
import { suggest } from "../semantics/suggest.ts";
import { PROJECT_FILE, projectProperties, projectSchema } from "./schema.ts";

export interface ProjectSettings {
  readonly namespace?: string;
  readonly profiles?: readonly string[];
  readonly secrets?: "reference" | "inline";
  readonly strategy?: "replicas" | "gateway" | "rollout";
  readonly target?: "kubernetes" | "runtime";
  readonly basePort?: number;
}

export interface LoadedProject {
  readonly settings: ProjectSettings;
  /** The path read and its text, when there is a file (for code frames). */
  readonly file?: string;
  readonly text?: string;
  /** Where each default profile is written, to point at one the app does not have. */
  readonly profileSpans: readonly Span[];
  readonly diagnostics: readonly Diagnostic[];
  /** Set when kdsl.json is there but cannot be read: an I/O error (exit 2), not "no settings". */
  readonly fatal?: string;
}

let validator: ReturnType<Ajv["compile"]> | undefined;
function validate(data: unknown): readonly ErrorObject[] {
  validator ??= new (ajvLib().Ajv)({ allErrors: true, strict: true }).compile(projectSchema());
  return validator(data) ? [] : (validator.errors ?? []);
}

export function projectFilePath(root: string): string {
  return root === "." || root === "" ? PROJECT_FILE : path.join(root, PROJECT_FILE);
}

/**
 * Reads `<root>/kdsl.json`; no file means no project defaults. A file that is there but cannot be
 * read (no permission, a broken symbolic link, a directory) is fatal: building without the
 * settings and lint configuration it holds would be a different build that looks right.
 */
export function loadProject(host: Host, root: string): LoadedProject {
  const file = projectFilePath(root);
  const read = host.readFile(file);
  if (!("text" in read)) return { settings: {}, profileSpans: [], diagnostics: [], ...(read.error === "not-found" ? {} : { fatal: readFailure(file, read) }) };
  return parseProject(file, read.text);
}

export function parseProject(file: string, text: string): LoadedProject {
  const failed = (diagnostics: Diagnostic[]): LoadedProject => ({ settings: {}, file, text, profileSpans: [], diagnostics });
  const read = readJsonObject(file, text);
  if ("diagnostic" in read) return failed([read.diagnostic]);
  const json = read.json;
  const diagnostics = [...toDiagnostics(json, validate(json.data)), ...typos(json)];
  if (diagnostics.some((d) => d.severity === "error")) return failed(diagnostics);
  const d = json.data as { namespace?: string; profiles?: string[]; secrets?: "reference" | "inline"; canary?: { strategy?: "replicas" | "gateway" | "rollout" }; target?: "kubernetes" | "runtime"; runtime?: { basePort?: number } };
  const settings: { -readonly [K in keyof ProjectSettings]: ProjectSettings[K] } = {};
  if (d.namespace !== undefined) settings.namespace = d.namespace;
  if (d.profiles !== undefined) settings.profiles = d.profiles;
  if (d.secrets !== undefined) settings.secrets = d.secrets;
  if (d.canary?.strategy !== undefined) settings.strategy = d.canary.strategy;
  if (d.target !== undefined) settings.target = d.target;
  if (d.runtime?.basePort !== undefined) settings.basePort = d.runtime.basePort;
  const list = json.doc.getIn(["profiles"], true) as Node | undefined;
  const profileSpans = (list && "items" in list ? (list.items as Node[]) : []).map((n) => nodeSpan(json, n));
  return { settings, file, text, profileSpans, diagnostics };
}

/** ajv's errors, one per place, at the node (or the unknown key) they are about. */
function toDiagnostics(json: JsonFile, errors: readonly ErrorObject[]): Diagnostic[] {
  return locateErrors(json, errors).map(({ error: e, path, where, span }) => {
    if (e.keyword === "additionalProperties") {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(((projectProperties()[path[0]!] as { properties?: object } | undefined)?.properties) ?? {});
      const s = suggest(key, known);
      return diag("KD7021", span, `\`${where}\` has no setting \`${key}\``, { hints: [...(s ? [`did you mean \`${s}\`?`] : []), `settings here: ${known.map((k) => `\`${k}\``).join(", ")}.`] });
    }
    const allowed = e.keyword === "enum" ? `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => `\`${String(v)}\``).join(", ")}` : e.keyword === "pattern" ? "must be a DNS label: lower-case letters, digits and inner hyphens, at most 63 characters" : (e.message ?? "is not valid");
    return diag("KD7020", span, `\`${where}\` ${allowed}`, { hints: ["schemas/kdsl.schema.json describes every setting."] });
  });
}

function typos(json: JsonFile): Diagnostic[] {
  const known = [...Object.keys(projectProperties()), "lint"];
  const out: Diagnostic[] = [];
  for (const key of Object.keys(json.data)) {
    if (known.includes(key)) continue;
    const s = suggest(key, known);
    if (s) out.push(diag("KD7023", keySpan(json, json.doc.contents as Node, key), `${PROJECT_FILE} has no setting \`${key}\``, { hints: [`did you mean \`${s}\`?`] }));
  }
  return out;
}

// kdsl.json at the project root: defaults the command line can override (namespace, profiles,
// secrets mode, release strategy, build target, the plan's first port). Read through the host
// (the compiler does no I/O), validated with ajv against projectSchema(); every problem is a
// diagnostic with a position in kdsl.json, found through the `yaml` package's parser, which
// reads JSON and keeps each node's range. The `lint` section is the linter's to check.
import { Ajv, type ErrorObject } from "ajv";
import { parseDocument, isMap, isPair, isScalar, type Node, type Document } from "yaml";
import { posix as path } from "node:path";
import type { Host } from "../host.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { spanAt, fileStart, type Span } from "../syntax/span.ts";
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
}

let validator: ReturnType<Ajv["compile"]> | undefined;
function validate(data: unknown): readonly ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: true }).compile(projectSchema());
  return validator(data) ? [] : (validator.errors ?? []);
}

export function projectFilePath(root: string): string {
  return root === "." || root === "" ? PROJECT_FILE : path.join(root, PROJECT_FILE);
}

/** Reads `<root>/kdsl.json`; no file means no project defaults. */
export function loadProject(host: Host, root: string): LoadedProject {
  const file = projectFilePath(root);
  const read = host.readFile(file);
  if (!("text" in read)) return { settings: {}, profileSpans: [], diagnostics: [] };
  return parseProject(file, read.text);
}

export function parseProject(file: string, text: string): LoadedProject {
  const failed = (diagnostics: Diagnostic[]): LoadedProject => ({ settings: {}, file, text, profileSpans: [], diagnostics });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // The same code, span and message as the linter's (KD7001), so that `kdsl lint` says it once.
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? Math.min(Number(m[1]), text.length) : 0;
    const reason = (e as Error).message.replace(/ in JSON at position \d+.*$/, "").replace(/^JSON\.parse: /, "");
    return failed([diag("KD7001", spanAt(file, text, at, Math.min(at + 1, text.length)), `${PROJECT_FILE} is not valid JSON: ${reason}`, { hints: ["kdsl.json is plain JSON: no comments, no trailing commas."] })]);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return failed([diag("KD7002", fileStart(file), `${PROJECT_FILE} must hold a JSON object`)]);
  const doc = parseDocument(text);
  const diagnostics = [...toDiagnostics(file, text, doc, validate(data)), ...typos(file, text, doc, data as Record<string, unknown>)];
  if (diagnostics.some((d) => d.severity === "error")) return failed(diagnostics);
  const d = data as { namespace?: string; profiles?: string[]; secrets?: "reference" | "inline"; canary?: { strategy?: "replicas" | "gateway" | "rollout" }; target?: "kubernetes" | "runtime"; runtime?: { basePort?: number } };
  const settings: { -readonly [K in keyof ProjectSettings]: ProjectSettings[K] } = {};
  if (d.namespace !== undefined) settings.namespace = d.namespace;
  if (d.profiles !== undefined) settings.profiles = d.profiles;
  if (d.secrets !== undefined) settings.secrets = d.secrets;
  if (d.canary?.strategy !== undefined) settings.strategy = d.canary.strategy;
  if (d.target !== undefined) settings.target = d.target;
  if (d.runtime?.basePort !== undefined) settings.basePort = d.runtime.basePort;
  const list = doc.getIn(["profiles"], true) as Node | undefined;
  const profileSpans = (list && "items" in list ? (list.items as Node[]) : []).map((n) => (n.range ? spanAt(file, text, n.range[0], n.range[1]) : fileStart(file)));
  return { settings, file, text, profileSpans, diagnostics };
}

/** ajv's errors, one per place, at the node (or the key) they are about. */
function toDiagnostics(file: string, text: string, doc: Document, errors: readonly ErrorObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)) {
    const segs = e.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    const where = segs.join(".");
    if (seen.has(where)) continue;
    seen.add(where);
    const node = doc.getIn(segs, true) as Node | undefined;
    if (e.keyword === "additionalProperties") {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(((projectProperties()[segs[0]!] as { properties?: object } | undefined)?.properties) ?? {});
      const s = suggest(key, known);
      out.push(diag("KD7021", keySpan(node, key, file, text), `\`${where}\` has no setting \`${key}\``, { hints: [...(s ? [`did you mean \`${s}\`?`] : []), `settings here: ${known.map((k) => `\`${k}\``).join(", ")}.`] }));
      continue;
    }
    const span = node?.range ? spanAt(file, text, node.range[0], node.range[1]) : fileStart(file);
    const allowed = e.keyword === "enum" ? `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => `\`${String(v)}\``).join(", ")}` : e.keyword === "pattern" ? "must be a DNS label: lower-case letters, digits and inner hyphens, at most 63 characters" : (e.message ?? "is not valid");
    out.push(diag("KD7020", span, `\`${where}\` ${allowed}`, { hints: ["schemas/kdsl.schema.json describes every setting."] }));
  }
  return out;
}

/**
 * Unknown top-level keys may be other tools' sections, so only a near miss of a known setting
 * (`namepsace`) is reported: a warning, since the setting it meant is silently not applied.
 */
function typos(file: string, text: string, doc: Document, data: Record<string, unknown>): Diagnostic[] {
  const known = [...Object.keys(projectProperties()), "lint"];
  const out: Diagnostic[] = [];
  for (const key of Object.keys(data)) {
    if (known.includes(key)) continue;
    const s = suggest(key, known);
    if (s) out.push(diag("KD7023", keySpan(doc.contents as Node, key, file, text), `${PROJECT_FILE} has no setting \`${key}\``, { hints: [`did you mean \`${s}\`?`] }));
  }
  return out;
}

function keySpan(map: Node | undefined, key: string, file: string, text: string): Span {
  if (isMap(map)) {
    for (const p of map.items) if (isPair(p) && isScalar(p.key) && p.key.value === key && p.key.range) return spanAt(file, text, p.key.range[0], p.key.range[1]);
  }
  return map?.range ? spanAt(file, text, map.range[0], map.range[1]) : fileStart(file);
}

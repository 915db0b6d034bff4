// Reading kdsl.json, shared by the project defaults (project/load.ts) and the lint configuration
// (lint/config.ts), which each own a section of the one file: JSON parsing with positions (the
// `yaml` package reads JSON and keeps each node's range), and ajv errors located in the text.
import type { ErrorObject } from "ajv";
import type { Document, Node } from "yaml";
import { yamlLib } from "./libs.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { spanAt, fileStart, type Span } from "../syntax/span.ts";
import { PROJECT_FILE } from "./schema.ts";

export interface JsonFile {
  readonly file: string;
  readonly text: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly doc: Document;
}

/** The file's top-level object, or the one diagnostic why not (KD7001 not JSON, KD7002 not an object). */
export function readJsonObject(file: string, text: string): { json: JsonFile } | { diagnostic: Diagnostic } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    // "Unexpected end of JSON input" gives no position: the input ends where it breaks.
    const at = m ? Math.min(Number(m[1]), text.length) : /end of JSON input/.test((e as Error).message) ? text.trimEnd().length : 0;
    const reason = (e as Error).message.replace(/ in JSON at position \d+.*$/, "").replace(/^JSON\.parse: /, "");
    return { diagnostic: diag("KD7001", spanAt(file, text, at, Math.min(at + 1, text.length)), `${PROJECT_FILE} is not valid JSON: ${reason}`, { hints: ["kdsl.json is plain JSON: no comments, no trailing commas."] }) };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { diagnostic: diag("KD7002", fileStart(file), `${PROJECT_FILE} must hold a JSON object`) };
  return { json: { file, text, data: data as Record<string, unknown>, doc: yamlLib().parseDocument(text) } };
}

/** The span of `node` in the file, or the file's start when it has none. */
export function nodeSpan(json: JsonFile, node: Node | undefined): Span {
  return node?.range ? spanAt(json.file, json.text, node.range[0], node.range[1]) : fileStart(json.file);
}

/** The span of `key` in the mapping `map` (for an unknown key), else of the mapping. */
export function keySpan(json: JsonFile, map: Node | undefined, key: string): Span {
  const { isMap, isPair, isScalar } = yamlLib();
  if (isMap(map)) {
    for (const p of map.items) if (isPair(p) && isScalar(p.key) && p.key.value === key && p.key.range) return spanAt(json.file, json.text, p.key.range[0], p.key.range[1]);
  }
  return nodeSpan(json, map);
}

export interface SchemaProblem {
  readonly error: ErrorObject;
  /** Where in the file, as keys from the top (`["lint", "rules", "x"]`). */
  readonly path: readonly string[];
  /** The same, dotted, for messages. */
  readonly where: string;
  /** The node the error is about, or for `additionalProperties` the unknown key. */
  readonly span: Span;
}

/**
 * ajv's errors for the value at `prefix`, one per place (the most specific first: anyOf reports
 * every branch, and a message per place reads better), each with its span in the file.
 */
export function locateErrors(json: JsonFile, errors: readonly ErrorObject[], prefix: readonly string[] = []): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const seen: string[] = [];
  for (const error of [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)) {
    const path = [...prefix, ...error.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))];
    const where = path.join(".");
    if (seen.some((s) => s === where || s.startsWith(where + "."))) continue;
    seen.push(where);
    const node = json.doc.getIn(path, true) as Node | undefined;
    const span = error.keyword === "additionalProperties" ? keySpan(json, node, (error.params as { additionalProperty: string }).additionalProperty) : nodeSpan(json, node);
    out.push({ error, path, where, span });
  }
  return out;
}

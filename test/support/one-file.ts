// Compiling one `app.kdsl` held in memory, with the real stdlib: the helpers the semantics tests
// share (diagnostics as renderPlain prints them, or the objects of a clean build).
import * as assert from "uvu/assert";
import { build, check } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import type { Host } from "../../compiler/src/host.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

export type Obj = { kind: string; metadata: { name: string; labels?: Record<string, string> }; spec: any };

export const host = (source: string): Host => memoryHost({ "app.kdsl": source }, stdlibFiles());

/** The diagnostics of `check` (no objects made), rendered plain. */
export const diagnostics = (source: string): string[] => check(host(source), "app.kdsl").diagnostics.map(renderPlain);

/** The objects of a build that must be clean. */
export function objects(source: string): Obj[] {
  const r = build(host(source), "app.kdsl");
  assert.equal(r.diagnostics.map(renderPlain), []);
  return r.objects!.map((o) => o.object as unknown as Obj);
}

export const deployment = (objs: Obj[], name: string): Obj => objs.find((o) => o.kind === "Deployment" && o.metadata.name === name)!;

// The `yaml` and `ajv` packages, loaded on first use: only a project with a kdsl.json needs them
// (JSON read with positions, and checked against its schema). In the CLI's bundle they were
// ~460 KiB set up at every start, ~15 ms of a small build's ~220 ms main-thread CPU (medians of
// 12, `kdsl build examples/numbers`, measured with both replaced by stubs). Both ship CommonJS,
// so a synchronous require does, as for the CRD validators (backends/k8s/validate-crd.ts).
import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import type * as AjvPackage from "ajv";

let load: NodeJS.Require | undefined;
let yaml: typeof Yaml | undefined;
let ajv: typeof AjvPackage | undefined;

export function yamlLib(): typeof Yaml {
  return (yaml ??= (load ??= createRequire(import.meta.url))("yaml") as typeof Yaml);
}

export function ajvLib(): typeof AjvPackage {
  return (ajv ??= (load ??= createRequire(import.meta.url))("ajv") as typeof AjvPackage);
}

// The runtime plan's JSON schema (schemas/plan.schema.json), compiled once with ajv in strict mode
// (except strictRequired: the if/then branches require properties declared beside them).
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { repoRoot } from "./project.ts";

let validate: ReturnType<Ajv["compile"]> | undefined;

/** ajv's errors for a plan, as `path message` lines; empty when it fits the schema. */
export function validatePlan(plan: unknown): string[] {
  validate ??= new Ajv({ strict: true, strictRequired: false, allErrors: true }).compile(JSON.parse(readFileSync(path.join(repoRoot, "schemas/plan.schema.json"), "utf8")));
  return validate(plan) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}

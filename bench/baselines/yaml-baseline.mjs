// Baseline: the same final objects as json-floor.mjs, written with the `yaml` package's stringify
// (block style), one document per object. `node bench/baselines/yaml-baseline.mjs N OUTPUT-FILE`.
import { writeFileSync } from "node:fs";
import { stringify } from "yaml";
import { buildObjects, parseArgs } from "./objects.mjs";

const { n, out, token } = parseArgs(process.argv);
const objects = buildObjects(n, token);
writeFileSync(out, objects.map((o) => stringify(o)).join("---\n"));

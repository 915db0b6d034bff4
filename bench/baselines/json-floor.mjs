// Baseline: the floor for any Node tool. Builds the benchmark app's final objects in code and
// writes them with JSON.stringify, one compact document per object, as a multi-document stream
// (JSON is YAML). `node bench/baselines/json-floor.mjs N OUTPUT-FILE`, token from BENCH_TOKEN.
import { writeFileSync } from "node:fs";
import { buildObjects, parseArgs } from "./objects.mjs";

const { n, out, token } = parseArgs(process.argv);
const objects = buildObjects(n, token);
writeFileSync(out, objects.map((o) => JSON.stringify(o)).join("\n---\n") + "\n");

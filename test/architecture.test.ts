// The boundaries of docs/architecture.md, checked on the import statements of every source file.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./support/project.ts";

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (p.endsWith(".ts")) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

test("the compiler does no I/O and depends on nothing of ours", () => {
  const allowedNode = new Set(["node:path"]);
  // node:module's createRequire loads the compiler's own dependencies on first use (the CRD
  // validators, backends/k8s/validate-crd.ts; yaml and ajv for kdsl.json, project/libs.ts), never
  // a user's file: allowed there only.
  const lazyLoaders = new Set(["compiler/src/backends/k8s/validate-crd.ts", "compiler/src/project/libs.ts"]);
  for (const f of sources(path.join(repoRoot, "compiler/src"))) {
    for (const spec of imports(f)) {
      const rel = path.relative(repoRoot, f);
      if (spec === "node:module" && lazyLoaders.has(rel)) continue;
      if (spec.startsWith("node:")) assert.ok(allowedNode.has(spec), `${rel} imports ${spec}: the compiler reads through its Host`);
      if (spec.startsWith(".")) {
        const target = path.resolve(path.dirname(f), spec);
        assert.ok(target.startsWith(path.join(repoRoot, "compiler/src")), `${rel} reaches outside compiler/: ${spec}`);
      }
      assert.not.ok(/^(vscode|@kdsl\/cli)/.test(spec), `${rel} imports ${spec}`);
    }
  }
});

test("the CLI uses the compiler only through its public entry points", () => {
  for (const f of sources(path.join(repoRoot, "cli/src"))) {
    for (const spec of imports(f)) {
      const rel = path.relative(repoRoot, f);
      if (spec.startsWith(".")) {
        const target = path.resolve(path.dirname(f), spec);
        assert.ok(target.startsWith(path.join(repoRoot, "cli/src")), `${rel} imports ${spec}: use @kdsl/compiler instead`);
      }
    }
  }
});

test("backends never look at syntax", () => {
  for (const f of sources(path.join(repoRoot, "compiler/src/backends"))) {
    for (const spec of imports(f)) assert.not.ok(/\/syntax\/(ast|parser|parse|lexer)\.ts$/.test(spec), `${path.relative(repoRoot, f)} imports ${spec}`);
  }
});

test("source files stay small", () => {
  for (const dir of ["compiler/src", "cli/src"]) {
    for (const f of sources(path.join(repoRoot, dir))) {
      const lines = readFileSync(f, "utf8").split("\n").length;
      assert.ok(lines <= 400, `${path.relative(repoRoot, f)} has ${lines} lines; split it (style.md aims under ~300)`);
    }
  }
});

test.run();

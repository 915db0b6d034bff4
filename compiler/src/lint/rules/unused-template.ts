// A template no declaration is built from is dead code that still has to be read and kept working.
import type { Rule } from "../rule.ts";

export const rule: Rule = {
  id: "unused-template",
  category: "correctness",
  severity: "warning",
  summary: "A template of the project is never used by a declaration or another template",
  docs: {
    rationale:
      "A template nobody builds from is never compiled into anything, so its mistakes go unnoticed and readers assume it shapes some workloads. Often a declaration meant to use it names another template.",
    bad: `app shop

template hardened for service {
  scratch ["/tmp"]
}

service api {
  image = "ghcr.io/example/api:1.4.2"
}
`,
    good: `app shop

template hardened for service {
  scratch ["/tmp"]
}

service api from hardened {
  image = "ghcr.io/example/api:1.4.2"
}
`,
    fix: "Remove the template, or build the declarations it was written for from it (`service x from <template>`). Templates of the standard library and of modules are not reported.",
  },
  check(ctx) {
    const used = new Set<string>();
    for (const d of ctx.analysis.decls) if (d.symbol.decl.from) used.add(d.symbol.decl.from.text);
    for (const t of ctx.analysis.scope.templates.values()) if (t.from) used.add(t.from.text);
    const entryFiles = new Set(ctx.program.files.map((f) => f.file));
    for (const [name, t] of ctx.analysis.scope.templates) {
      // Only the project's own files: a module's templates are a library, used or not.
      if (used.has(name) || !entryFiles.has(t.span.file)) continue;
      ctx.report({ span: t.name?.span ?? t.span, message: `template \`${name}\` is never used`, label: "unused", hints: ["remove it, or build the declarations it was written for from it."] });
    }
  },
};

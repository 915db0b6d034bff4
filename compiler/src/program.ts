// Loading: the entry (a file or a directory of .kdsl files), the modules they `use` (the stdlib's
// `std/...` and local `./file`), and the prelude. `use` never leaves the project root; cycles are
// reported. Each file is parsed once.
import { posix as path } from "node:path";
import { readFailure, type Host } from "./host.ts";
import type { SourceFile, UseDecl } from "./syntax/ast.ts";
import { parse } from "./syntax/parse.ts";
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import { diag } from "./diagnostics/catalogue.ts";

export interface Program {
  /** Project files (the entry file, or every .kdsl file of the entry directory), sorted. */
  readonly files: readonly SourceFile[];
  /** Modules reached through `use`, project-local or stdlib, in load order. */
  readonly modules: readonly SourceFile[];
  readonly prelude: SourceFile;
  readonly root: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the entry itself cannot be read: a usage or I/O error, not a diagnostic. */
  readonly fatal?: string;
  /** The source text of every file, by path (for code frames and the formatter). */
  readonly texts: ReadonlyMap<string, string>;
  /** Each file's own parse diagnostics, by path (the formatter leaves a file with errors alone). */
  readonly syntax: ReadonlyMap<string, readonly Diagnostic[]>;
}

export const STDLIB_PREFIX = "stdlib/";

export function loadProgram(host: Host, entry: string): Program {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const syntax = new Map<string, readonly Diagnostic[]>();
  const preludeText = host.readStdlib("prelude.kdsl");
  const preludeFile = STDLIB_PREFIX + "prelude.kdsl";
  if (preludeText === undefined) {
    const empty = parse(preludeFile, "").ast;
    return { files: [], modules: [], prelude: empty, root: ".", diagnostics, texts, syntax, fatal: "the stdlib's prelude.kdsl is missing: the installation is incomplete" };
  }
  texts.set(preludeFile, preludeText);
  const prelude = parse(preludeFile, preludeText);
  diagnostics.push(...prelude.diagnostics);

  const normalized = path.normalize(entry).replace(/\/$/, "") || ".";
  const listed = host.listKdslFiles(normalized);
  let root: string;
  let entryFiles: readonly string[];
  if (listed !== undefined) {
    root = normalized;
    entryFiles = listed;
    if (listed.length === 0) return { files: [], modules: [], prelude: prelude.ast, root, diagnostics, texts, syntax, fatal: `no .kdsl files in ${entry}` };
  } else {
    root = path.dirname(normalized);
    entryFiles = [normalized];
  }

  const files: SourceFile[] = [];
  const modules: SourceFile[] = [];
  const loaded = new Map<string, SourceFile>();

  const load = (file: string, text: string): SourceFile => {
    texts.set(file, text);
    const r = parse(file, text);
    diagnostics.push(...r.diagnostics);
    syntax.set(file, r.diagnostics);
    loaded.set(file, r.ast);
    return r.ast;
  };

  // Every project file is read, or the run stops: a file left out would be a service missing
  // from the YAML with exit 0, or a misleading "no `app` declaration".
  for (const f of entryFiles) {
    const read = host.readFile(f);
    if (!("text" in read)) return { files: [], modules: [], prelude: prelude.ast, root, diagnostics, texts, syntax, fatal: readFailure(f === normalized ? entry : f, read, f === normalized) };
    files.push(load(f, read.text));
  }

  // Depth-first over `use` from every project file, project files included as targets: a cycle
  // is reported where it closes, with the chain that leads there.
  const state = new Map<string, "visiting" | "done">();
  let fatal: string | undefined;
  const visit = (file: SourceFile, chain: string[]): void => {
    state.set(file.file, "visiting");
    for (const item of file.items) {
      if (fatal) return;
      if (item.kind !== "Use" || item.path === undefined) continue;
      const target = resolveUse(item, texts.get(file.file)?.charCodeAt(item.pathSpan?.start ?? -1) === QUOTE, file.file, root, diagnostics);
      if (!target) continue;
      if (state.get(target) === "visiting") {
        diagnostics.push(diag("KD2009", item.pathSpan ?? item.span, `\`use ${item.path}\` closes a cycle: ${[...chain.slice(chain.indexOf(target)), target].join(" → ")}`));
        continue;
      }
      let mod = loaded.get(target);
      if (!mod) {
        const read = target.startsWith(STDLIB_PREFIX) ? undefined : host.readFile(target);
        // A module that is there but cannot be read stops the run as an unreadable project file
        // does: "cannot find module" would send the user looking for a file that exists.
        if (read && "error" in read && read.error === "unreadable") {
          fatal = readFailure(target, read, false);
          return;
        }
        const text = read ? textOf(read) : host.readStdlib(target.slice(STDLIB_PREFIX.length));
        if (text === undefined) {
          diagnostics.push(diag("KD2007", item.pathSpan ?? item.span, `cannot find module \`${item.path}\``, { hints: target.startsWith(STDLIB_PREFIX) ? ["the stdlib has `std/web`."] : [`looked for ${target}.`] }));
          continue;
        }
        mod = load(target, text);
        modules.push(mod);
      }
      if (state.get(target) !== "done") visit(mod, [...chain, target]);
    }
    state.set(file.file, "done");
  };
  for (const f of files) if (state.get(f.file) !== "done" && !fatal) visit(f, [f.file]);
  return { files, modules, prelude: prelude.ast, root, diagnostics, texts, syntax, ...(fatal ? { fatal } : {}) };
}

function textOf(r: ReturnType<Host["readFile"]>): string | undefined {
  return "text" in r ? r.text : undefined;
}

const QUOTE = 34; // `"`

/**
 * Where a `use` leads. Written bare (`use std/web`), a path names a stdlib module; quoted
 * (`use "./common"`), a project file, which starts with `./` or `../` — so `use "std/web"` is
 * neither, and is reported with both ways to write what was meant.
 */
function resolveUse(u: UseDecl, quoted: boolean, from: string, root: string, diagnostics: Diagnostic[]): string | undefined {
  const p = u.path!;
  const span = u.pathSpan ?? u.span;
  if (p.startsWith("std/") && !quoted) return STDLIB_PREFIX + p + ".kdsl";
  if (from.startsWith(STDLIB_PREFIX)) {
    diagnostics.push(diag("KD2007", span, `stdlib modules can only use other stdlib modules, not \`${p}\``));
    return undefined;
  }
  if (!p.startsWith("./") && !p.startsWith("../")) {
    const local = `a quoted path is a file of the project and starts with \`./\` or \`../\`: \`use "./${p}"\`.`;
    const hints = !quoted ? ["stdlib modules start with `std/`, project files with `./`."] : p.startsWith("std/") ? [`the stdlib module is written without quotes: \`use ${p}\`.`, local] : [local];
    const fixes = quoted ? [...(p.startsWith("std/") ? [{ title: `Use the stdlib's ${p}`, edits: [{ span, newText: p }] }] : []), { title: `Use the project file ./${p}`, edits: [{ span, newText: `"./${p}"` }] }] : [];
    diagnostics.push(diag("KD2007", span, `cannot find module \`${quoted ? `"${p}"` : p}\``, { hints, fixes }));
    return undefined;
  }
  const target = path.normalize(path.join(path.dirname(from), p.endsWith(".kdsl") ? p : p + ".kdsl"));
  const rel = path.relative(root, target);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    diagnostics.push(diag("KD2008", span, `\`use ${p}\` reaches outside the project root \`${root}\``, { hints: ["modules must live inside the project directory."] }));
    return undefined;
  }
  return target;
}

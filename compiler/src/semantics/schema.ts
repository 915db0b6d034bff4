// The prelude's `kind` declarations → the schemas the checker, completion and hover read.
import type { Block, SourceFile, TypeRef } from "../syntax/ast.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { SCALARS, type FieldSchema, type KindSchema, type ScalarName, type Type } from "./types.ts";

export function loadKinds(prelude: SourceFile): { kinds: Map<string, KindSchema>; diagnostics: Diagnostic[] } {
  const kinds = new Map<string, KindSchema>();
  const diagnostics: Diagnostic[] = [];
  for (const item of prelude.items) {
    if (item.kind !== "Kind" || !item.name || !item.body) continue;
    kinds.set(item.name.text, { name: item.name.text, doc: item.doc, fields: fieldsOf(item.body, diagnostics), span: item.name.span });
  }
  return { kinds, diagnostics };
}

function fieldsOf(block: Block, diagnostics: Diagnostic[]): Map<string, FieldSchema> {
  const fields = new Map<string, FieldSchema>();
  for (const m of block.members) {
    if (m.kind === "FieldDecl") {
      // Recovery may have lost the type of a broken declaration: skip the field.
      const type = m.type ? typeOf(m.type, diagnostics) : undefined;
      if (type) fields.set(m.name.text, { name: m.name.text, type, optional: m.type.optional || m.default !== undefined || repeated(type), defaultExpr: m.default, doc: m.doc, span: m.name.span });
    } else if (m.kind === "Nested" && m.path.length === 1) {
      const name = m.path[0]!;
      fields.set(name.text, { name: name.text, type: { t: "record", fields: fieldsOf(m.body, diagnostics) }, optional: true, doc: m.doc, span: name.span });
    }
  }
  return fields;
}

/** Maps, lists and ports (`port` is written once per port, merged by name) default to empty. */
function repeated(type: Type): boolean {
  return type.t === "map" || type.t === "list" || (type.t === "scalar" && type.name === "Port");
}

export function typeOf(ref: TypeRef, diagnostics: Diagnostic[]): Type | undefined {
  const name = ref.name?.text;
  const args = (ref.args ?? []).map((a) => (a ? typeOf(a, diagnostics) : undefined));
  if (args.some((a) => a === undefined)) return undefined;
  const [a, b] = args as Type[];
  switch (name) {
    case "List":
      if (a) return { t: "list", of: a };
      break;
    case "Map":
      if (a && b) return { t: "map", key: a, value: b };
      break;
    case "Range":
      if (a) return { t: "range", of: a };
      break;
    default:
      if (name && SCALARS.has(name) && args.length === 0) return { t: "scalar", name: name as ScalarName };
  }
  diagnostics.push(diag("KD2001", ref.span, `unknown type \`${name ?? "?"}\` in the prelude`));
  return undefined;
}

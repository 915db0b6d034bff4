// Blocks and their members. A block is printed one member per line, except that a block written
// on one line in the source, holding only assignments and no comments, stays on one line as
// `{ a = 1; b = 2 }` when that line fits the width. The rule looks at the source (not at a length
// heuristic alone) so the author chooses, and it is idempotent: a block the formatter broke stays
// broken, one it kept on a line is still on one line next time.
import type { Block, Comment, Expr, Member } from "../syntax/ast.ts";
import { distribute, partition } from "./comments.ts";
import { type Printed, flat, nameText, pathText, printExpr, typeText } from "./expr.ts";
import { blankBetween, type Ctx, fits, INDENT, pad, trailingText } from "./layout.ts";
import { printSequence } from "./sequence.ts";

/** Prints a block whose `{` sits at column `col` of a line indented by `indent`. */
export function printBlock(ctx: Ctx, block: Block, comments: readonly Comment[], indent: number, col: number): string {
  if (block.members.length === 0 && comments.length === 0) return "{}";
  const oneLine = oneLineForm(ctx, block, comments);
  if (oneLine !== undefined && fits(col, oneLine)) return oneLine;

  const inner = indent + INDENT;
  const d = distribute(block.members, comments, block.span.line);
  const members = block.members;
  const lines = printSequence(
    members,
    d,
    inner,
    (m, i, cs) => printMember(ctx, m, cs, inner, needsSemicolon(ctx, m, members[i + 1])),
    (prev, next) => blankBetween(ctx, prev.end, next.start),
  );
  const body = lines.length > 0 ? lines.join("\n") + "\n" : "";
  return "{" + trailingText(d.open) + "\n" + body + pad(indent) + "}";
}

function oneLineForm(ctx: Ctx, block: Block, comments: readonly Comment[]): string | undefined {
  if (comments.length > 0 || block.span.line !== block.span.endLine) return undefined;
  const parts: string[] = [];
  for (const m of block.members) {
    // Selector members (`env in [...]`, `!canary`, a bare `legacy`) may share the line too.
    if (m.kind === "Directive" && (m.op || m.args.length === 0) && !m.arrow) {
      parts.push(selectorMemberText(ctx, m));
      continue;
    }
    if (m.kind !== "Assign" || !m.value) return undefined;
    parts.push(`${pathText(ctx, m.path)} = ${flat(ctx, m.value)}`);
  }
  return `{ ${parts.join("; ")} }`;
}

/**
 * A member named `to` after a value would be read as the end of a range (`a = 1` / `to = 2` parses
 * as `a = 1 to =`); the source must have separated them with `;`, and so does the output.
 */
function needsSemicolon(ctx: Ctx, m: Member, next: Member | undefined): boolean {
  if (!next) return false;
  const endsInValue = (m.kind === "Assign" && m.value !== undefined) || (m.kind === "FieldDecl" && m.default !== undefined);
  const first = next.kind === "FieldDecl" ? next.name : next.path[0];
  return endsInValue && first !== undefined && nameText(ctx, first) === "to";
}

/** One member, its first line unindented (the sequence indents it); `comments` are those inside it. */
export function printMember(ctx: Ctx, m: Member, comments: readonly Comment[], indent: number, semicolon: boolean): Printed {
  const semi = semicolon ? ";" : "";
  switch (m.kind) {
    case "Assign":
      return withValue(ctx, pathText(ctx, m.path) + " =", m.value, comments, indent, semi);
    case "FieldDecl": {
      const head = `${nameText(ctx, m.name)}: ${typeText(ctx, m.type)}`;
      return m.default ? withValue(ctx, head + " =", m.default, comments, indent, semi) : { text: head + semi, hoisted: [...comments] };
    }
    case "Nested": {
      const head = pathText(ctx, m.path) + " ";
      const [mine, others] = partition(comments, m.body.span);
      return { text: head + printBlock(ctx, m.body, mine, indent, indent + head.length), hoisted: others };
    }
    case "Directive": {
      if (m.op) return { text: selectorMemberText(ctx, m) + semi, hoisted: [...comments] };
      // Arguments must start on the key's line, so only the last part may break over lines.
      const parts = m.arrow ? [...m.args, m.arrow] : [...m.args];
      let text = pathText(ctx, m.path);
      let rest = [...comments];
      const hoisted: Comment[] = [];
      parts.forEach((p, i) => {
        const [mine, others] = partition(rest, p.span);
        rest = others;
        text += p === m.arrow ? " -> " : " ";
        const last = i === parts.length - 1;
        const r = printExpr(ctx, p, mine, { col: indent + text.length, indent, tail: 0 }, last);
        text += r.text;
        hoisted.push(...r.hoisted);
      });
      return { text: text + semi, hoisted: inOrder([...rest, ...hoisted]) };
    }
  }
}

function withValue(ctx: Ctx, head: string, value: Expr | undefined, comments: readonly Comment[], indent: number, semi: string): Printed {
  if (!value) return { text: head + semi, hoisted: [...comments] };
  const [mine, others] = partition(comments, value.span);
  const r = printExpr(ctx, value, mine, { col: indent + head.length + 1, indent, tail: semi.length });
  return { text: `${head} ${r.text}${semi}`, hoisted: inOrder([...others, ...r.hoisted]) };
}

function selectorMemberText(ctx: Ctx, m: Extract<Member, { kind: "Directive" }>): string {
  if (m.op === "!") return "!" + pathText(ctx, m.path);
  const args = m.args.map((a) => flat(ctx, a)).join(" ");
  return m.op ? `${pathText(ctx, m.path)} ${m.op} ${args}` : [pathText(ctx, m.path), ...m.args.map((a) => flat(ctx, a))].join(" ");
}

function inOrder(cs: Comment[]): Comment[] {
  return cs.sort((a, b) => a.span.start - b.span.start);
}

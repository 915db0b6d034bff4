// String literals: escapes and `${...}` interpolation. An interpolation holds a name or a dotted
// reference (`${name}`, `${db.host}`); its span points into the string so errors land precisely.
// Quoted keys share the escapes but are never interpolated (decodeKey): a `${` in one is an error.
import type { Expr, Name } from "./ast.ts";
import { TreeSpan, type Span } from "./span.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\", $: "$", "0": "\0" };
const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/;

export interface DecodedString {
  readonly parts: (string | Expr)[];
  /** The text as decoded, in order, interpolations written back as `${...}` where they stood. */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Strings never span lines, so a column offset inside the token is a character offset. */
function sub(span: Span, from: number, to: number): Span {
  if (span instanceof TreeSpan) return new TreeSpan(span.index, span.start + from, span.start + to);
  return { file: span.file, start: span.start + from, end: span.start + to, line: span.line, col: span.col + from, endLine: span.line, endCol: span.col + to };
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];

/** A string value: escapes decoded, `${...}` split out as references (reported when `span` is given). */
export function decodeString(image: string, span?: Span): DecodedString {
  return decode(image, span, false);
}

/**
 * A quoted key (`"app.kubernetes.io/tier" = ...`, `creds."tls.key"`): escapes decoded, and no
 * interpolation: keys are not interpolated, so a `${` is reported (KD1011) and kept as written.
 */
export function decodeKey(image: string, span: Span): { readonly text: string; readonly diagnostics: readonly Diagnostic[] } {
  return decode(image, span, true);
}

function decode(image: string, span: Span | undefined, key: boolean): DecodedString {
  const closed = image.length >= 2 && image.endsWith('"') && !image.endsWith('\\"');
  const body = image.slice(1, closed ? -1 : undefined);
  // Most strings have no escape and no interpolation: they are their body. (Building the text a
  // character at a time below makes a rope node per character past the first dozen, and those
  // stayed in the tree: ~1 KiB per image name on the bench app.)
  if (body.indexOf("\\") < 0 && body.indexOf("${") < 0) return { parts: [body], text: body, diagnostics: NO_DIAGNOSTICS };
  const parts: (string | Expr)[] = [];
  const diagnostics: Diagnostic[] = [];
  // `text` is everything decoded so far, in source order; `buf` the literal run not yet in `parts`.
  let text = "";
  let buf = "";
  const add = (s: string) => {
    buf += s;
    text += s;
  };
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c !== "\\" && c !== "$") {
      // A run of ordinary characters, appended as one slice.
      let j = i + 1;
      while (j < body.length && body[j] !== "\\" && body[j] !== "$") j++;
      add(body.slice(i, j));
      i = j;
      continue;
    }
    if (c === "\\") {
      const e = body[i + 1] ?? "";
      if (e === "u" && body[i + 2] === "{") {
        // Hex digits only (parseInt would read `-1` or `41zz`), as invalidEscape reads them.
        const u = unicodeEscape(body, i);
        const cp = u ? parseInt(u[1]!, 16) : NaN;
        // A Unicode scalar value: surrogates (D800-DFFF) are not characters and cannot be written as UTF-8.
        if (cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)) {
          add(String.fromCodePoint(cp));
          i += u![0].length;
          continue;
        }
      } else if (e in ESCAPES) {
        add(ESCAPES[e]!);
        i += 2;
        continue;
      }
      if (span) diagnostics.push(invalidEscape(body, i, span));
      i += 2;
      continue;
    }
    if (c === "$" && body[i + 1] === "{" && key) {
      // Kept as written: the rest of the key is read on as plain text.
      if (span) diagnostics.push(diag("KD1011", sub(span, i + 1, i + 3), "interpolation is not allowed in a key", { label: "keys are taken as written", hints: ["write the key out in full, or `\\${` for a literal `${`."] }));
      add("${");
      i += 2;
      continue;
    }
    if (c === "$" && body[i + 1] === "{") {
      const close = body.indexOf("}", i + 2);
      if (close < 0) {
        if (span) diagnostics.push(diag("KD1011", sub(span, i + 1, i + 3), "`${` is never closed with `}`", { hints: ["write `\\${` for a literal `${`."] }));
        add(body.slice(i));
        break;
      }
      const inner = body.slice(i + 2, close);
      const lead = inner.length - inner.trimStart().length;
      const trimmed = inner.trim();
      const at = i + 1 + 2 + lead; // +1 for the opening quote
      const segments = trimmed.split(".");
      if (trimmed === "" || !segments.every((s) => NAME.test(s))) {
        if (span) diagnostics.push(diag("KD1011", sub(span, i + 1, close + 2), `\`\${${inner}}\` is not a name or a reference`, { hints: ["an interpolation holds a name such as `${name}` or a reference such as `${db.host}`."] }));
      } else if (span) {
        if (buf) parts.push(buf);
        buf = "";
        let offset = at;
        const path: Name[] = segments.map((s) => {
          const n: Name = { kind: "Name", text: s, span: sub(span, offset, offset + s.length) };
          offset += s.length + 1;
          return n;
        });
        parts.push({ kind: "Ref", path, span: sub(span, at, at + trimmed.length) });
      }
      text += "${" + inner + "}";
      i = close + 1;
      continue;
    }
    add(c);
    i++;
  }
  if (buf || parts.length === 0) parts.push(buf);
  return { parts, text, diagnostics };
}

/** `\u{HEX}` at `body[i]` (1 to 6 hex digits), or null. */
function unicodeEscape(body: string, i: number): RegExpExecArray | null {
  return /^\\u\{([0-9A-Fa-f]{1,6})\}/.exec(body.slice(i, i + 11));
}

/** KD1010 for the escape at `body[i]`; `span` is the string's (its quote is one column before the body). */
function invalidEscape(body: string, i: number, span: Span): Diagnostic {
  const e = body[i + 1] ?? "";
  const hints = ['valid escapes are \\n, \\t, \\r, \\", \\\\, \\$, \\0 and \\u{HEX}.'];
  const u = e === "u" ? unicodeEscape(body, i) : null;
  const cp = u ? parseInt(u[1]!, 16) : NaN;
  if (cp >= 0xd800 && cp <= 0xdfff) return diag("KD1010", sub(span, i + 1, i + 1 + u![0].length), `invalid escape \`${u![0]}\`: U+D800 to U+DFFF are surrogates, not characters`, { hints: ["write the character itself, or its code point: `\\u{1F600}`, not a UTF-16 surrogate pair."] });
  return diag("KD1010", sub(span, i + 1, i + 3), `invalid escape \`\\${e}\` in string`, { hints });
}

// A small, fast, conservative YAML writer for plain data (objects, arrays, strings, numbers,
// booleans, null), used for the Kubernetes output. The `yaml` package's stringify is about 20x
// slower than JSON.stringify on our objects; this writer costs a few times JSON.stringify (which
// is native code).
//
// Style: block style, 2-space indent, sequences under a mapping key not indented (kubectl style:
// `containers:\n- name: web`), a mapping inside a sequence starts on the dash line (`- key: v`),
// empty containers as `{}` and `[]`, one document per value.
//
// Strings: written plain only when they read back as the same string under BOTH YAML 1.2 (core
// schema) and YAML 1.1 (the older resolvers still used by many Kubernetes tools); every other
// string is written double-quoted with JSON escapes, which is valid YAML (a JSON string is a YAML
// double-quoted scalar) once the few characters YAML treats differently from JSON are escaped too.
// Being conservative costs only some quotes; being wrong silently changes a value.

/** One YAML document for one value, ending with a newline. */
export function emitYaml(value: unknown): string {
  const parts: string[] = [];
  writeDocument(parts, value);
  return parts.join("");
}

/** Several documents separated by `---` lines. */
export function emitYamlDocuments(values: readonly unknown[]): string {
  // One short array per document, joined at once, then the documents joined: one array of
  // millions of pieces for a whole stream cost more (its growth and one huge join) than this.
  const docs: string[] = new Array(values.length);
  const parts: string[] = [];
  for (let i = 0; i < values.length; i++) {
    parts.length = 0;
    writeDocument(parts, values[i]);
    docs[i] = parts.join("");
  }
  return docs.join("---\n");
}

// ---------------------------------------------------------------------------------------------
// Collections. The writers push pieces onto one array joined at the end: concatenating strings
// piece by piece builds millions of short-lived rope nodes on large outputs and the garbage
// collector then dominates; an array join copies each piece once.

function writeDocument(parts: string[], value: unknown): void {
  if (!isBlockCollection(value)) parts.push(scalar(value), "\n");
  else if (Array.isArray(value)) writeSequence(parts, value, 0, "");
  else writeMapping(parts, value as Record<string, unknown>, 0, "");
}

const indents: string[] = [""];
function indentOf(n: number): string {
  let s = indents[n];
  if (s === undefined) {
    s = " ".repeat(n);
    indents[n] = s;
  }
  return s;
}

/** A non-empty array or a non-empty plain object: written as a block. */
function isBlockCollection(v: unknown): boolean {
  if (v === null || typeof v !== "object") return false;
  if (Array.isArray(v)) return v.length > 0;
  for (const k in v) if ((v as Record<string, unknown>)[k] !== undefined) return true;
  return false;
}

/**
 * Writes a mapping whose keys sit at `indent`. `first` replaces the indentation of the first
 * line (the `- ` of an enclosing sequence item); "" means ordinary indentation.
 */
function writeMapping(parts: string[], obj: Record<string, unknown>, indent: number, first: string): void {
  const pad = indentOf(indent);
  let lead = first === "" ? pad : first;
  for (const key in obj) {
    const v = obj[key];
    if (v === undefined) continue; // like JSON.stringify
    const k = renderString(key);
    if (k.length > 1000) {
      // YAML limits implicit keys to 1024 characters: use an explicit `? key` entry.
      parts.push(lead, "? ", k, "\n", pad, ":");
      lead = pad;
      if (!isBlockCollection(v)) {
        parts.push(" ", scalar(v), "\n");
      } else {
        parts.push("\n");
        if (Array.isArray(v)) writeSequence(parts, v, indent + 2, "");
        else writeMapping(parts, v as Record<string, unknown>, indent + 2, "");
      }
      continue;
    }
    parts.push(lead, k);
    lead = pad;
    if (v !== null && typeof v === "object") {
      if (Array.isArray(v)) {
        // kubectl style: the dashes line up with the key.
        if (v.length === 0) parts.push(": []\n");
        else {
          parts.push(":\n");
          writeSequence(parts, v, indent, "");
        }
        continue;
      }
      if (isBlockCollection(v)) {
        parts.push(":\n");
        writeMapping(parts, v as Record<string, unknown>, indent + 2, "");
        continue;
      }
    }
    parts.push(": ", scalar(v), "\n");
  }
}

/** Writes a sequence whose dashes sit at `indent`; `first` as in writeMapping. */
function writeSequence(parts: string[], arr: readonly unknown[], indent: number, first: string): void {
  const pad = indentOf(indent);
  let lead = first === "" ? pad : first;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    const dash = lead === pad ? dashOf(indent) : lead + "- ";
    lead = pad;
    if (!isBlockCollection(v)) parts.push(dash, scalar(v), "\n");
    else if (Array.isArray(v)) writeSequence(parts, v, indent + 2, dash);
    else writeMapping(parts, v as Record<string, unknown>, indent + 2, dash);
  }
}

const dashes: string[] = [];
function dashOf(n: number): string {
  let s = dashes[n];
  if (s === undefined) {
    s = " ".repeat(n) + "- ";
    dashes[n] = s;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Scalars

function scalar(v: unknown): string {
  switch (typeof v) {
    case "string":
      return renderString(v);
    case "number":
      return number(v);
    case "boolean":
      return v ? "true" : "false";
    case "undefined": // an array hole or undefined item, as JSON.stringify does
      return "null";
    case "object":
      if (v === null) return "null";
      if (Array.isArray(v)) return "[]"; // only empty ones reach here
      return "{}";
    default:
      throw new TypeError(`cannot write a ${typeof v} as YAML`);
  }
}

// Kubernetes objects repeat the same keys and many values (label keys, `TCP`, image names):
// remembering short strings' rendering saves most of the checks. Bounded, so that a huge
// document does not keep every value alive.
const rendered = new Map<string, string>();
const CACHE_MAX_ENTRIES = 20_000;
const CACHE_MAX_LENGTH = 80;

function renderString(s: string): string {
  if (s.length > CACHE_MAX_LENGTH) return isPlainSafe(s) ? s : doubleQuote(s);
  let r = rendered.get(s);
  if (r === undefined) {
    r = isPlainSafe(s) ? s : doubleQuote(s);
    if (rendered.size >= CACHE_MAX_ENTRIES) rendered.clear();
    rendered.set(s, r);
  }
  return r;
}

/**
 * Numbers as both YAML versions read them back. JavaScript writes `1e+21` and `5e-7`; YAML 1.1's
 * float pattern needs a dot (`1.0e+21`), YAML 1.2 accepts both, so the dot is added.
 */
function number(n: number): string {
  if (Number.isFinite(n)) {
    const s = String(n);
    const e = s.indexOf("e");
    if (e >= 0 && s.lastIndexOf(".", e) < 0) return s.slice(0, e) + ".0" + s.slice(e);
    return s;
  }
  if (Number.isNaN(n)) return ".nan";
  return n > 0 ? ".inf" : "-.inf";
}

// A plain scalar may only use these characters, and must start with one of the first class.
// Left out on purpose (so such strings are quoted):
// - every YAML indicator at the start: - ? : , [ ] { } # & * ! | > ' " % @ ` and also + ~ = <
//   (`+1` is a number, `~` and `=` are special in YAML 1.1, `<<` is the 1.1 merge key);
// - anywhere: # (comments), quotes, backslash, brackets and braces (flow indicators), & * ! | > ?
//   and <, tabs, control characters and everything outside ASCII (YAML 1.1 treats U+0085, U+2028
//   and U+2029 as line breaks; a BOM is special). These are legal in places but not worth the risk.
const PLAIN = /^[A-Za-z0-9_./$(][A-Za-z0-9 _./:@%+=,;~()$^-]*$/;
// Words YAML 1.1 or 1.2 reads as booleans or null (any letter case: quoting `TrUe` is harmless),
// plus names some loose parsers read as non-finite numbers.
const KEYWORDS = new Set(["y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf", "infinity"]);
// Anything that may resolve to a number in either version (decimal, with `_` separators, 1.1
// sexagesimal `1:30`, octal `012`, exponents, `.5`, versions like `1.2.3` for good measure). YAML
// 1.1's float pattern `[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?` even matches `.` and `..`,
// so no digit is required (the caller has checked that the string starts with a digit or a dot).
const NUMBERISH = /^[0-9_.:]+(?:[eE][-+]?[0-9_]*)?$/;
// 0x1F, 0o17, 0b101 (and 1.1's `0x_1F`), .inf, .nan in their spellings.
const RADIX_OR_SPECIAL = /^(?:0[xXoObB][0-9a-fA-F_]*|\.(?:inf|Inf|INF|nan|NaN|NAN))$/;
// The `yaml` package's YAML 1.1 float pattern makes the mantissa optional: `e5` and `E012` are
// (NaN) floats there.
const EXPONENT_ONLY = /^[eE][-+]?[0-9]+$/;
// YAML 1.1 timestamps start with a date: 2001-12-14 (and 2001-1-2).
const DATE_LIKE = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;

/** True when `s` can be written without quotes and reads back as the same string in YAML 1.1 and 1.2. */
export function isPlainSafe(s: string): boolean {
  if (!PLAIN.test(s)) return false; // also rejects "" (the empty scalar is null)
  const last = s.charCodeAt(s.length - 1);
  if (last === 32 /* trailing space is dropped */ || last === 58 /* `a:` reads as a key */) return false;
  if (s.includes(": ")) return false; // key/value separator inside
  if (s.startsWith("...")) return false; // document end marker when it starts a line
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 46 /* . */) {
    if (NUMBERISH.test(s) || RADIX_OR_SPECIAL.test(s) || DATE_LIKE.test(s)) return false;
  } else if (s.length <= 8 && KEYWORDS.has(s.toLowerCase())) {
    return false;
  } else if ((c === 101 || c === 69) /* e E */ && EXPONENT_ONLY.test(s)) {
    return false;
  }
  return true;
}

// Characters JSON.stringify leaves alone but YAML must see escaped: DEL and C1 controls (not
// printable in YAML), NEL/LS/PS (line breaks in YAML 1.1), the BOM and the non-characters U+FFFE
// and U+FFFF.
const YAML_ONLY_ESCAPES = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A YAML double-quoted scalar: JSON string syntax plus the escapes above. */
export function doubleQuote(s: string): string {
  const json = JSON.stringify(s);
  YAML_ONLY_ESCAPES.lastIndex = 0;
  if (!YAML_ONLY_ESCAPES.test(json)) return json;
  return json.replace(YAML_ONLY_ESCAPES, (ch) => "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0"));
}

// A small, fast, conservative YAML writer for plain data (objects, arrays, strings, numbers,
// booleans, null), used for the Kubernetes output. The `yaml` package's stringify is about 20x
// slower than JSON.stringify on our objects; this writer costs about 1.5x JSON.stringify.
//
// Style: block style, 2-space indent, sequences under a mapping key not indented (kubectl style:
// `containers:\n- name: web`), a mapping inside a sequence starts on the dash line (`- key: v`),
// empty containers as `{}` and `[]`, one document per value. Which strings are written plain and
// how the others are quoted: yaml-scalars.ts.
//
// Output: UTF-8 bytes, written into the chunks of a document stream (yaml-documents.ts), decoded to
// a string once at the end or handed over as bytes. Why bytes: the earlier writer pushed pieces on an array joined per
// document, and Array.prototype.join cost ~40 ns per piece, ~110 ms of the ~200 ms the 5,000-
// service bench app's YAML took; copying characters into a byte array costs a few ns per piece.
// Cold too (a fresh `kdsl build`), although the per-character loops run unoptimised at first:
// main-thread CPU time of a cold toKubernetesYaml on the 5,000-service bench app, fresh processes,
// interleaved, best of 5: this writer 425 ms, the join-per-document writer 567 ms, a hybrid
// building each document as one string with `+=` of whole pieces and encoding it with one
// Buffer.utf8Write per document 646 ms (the rope flattening and the encoder's second pass cost
// more than the copying saves). The writer alone over prebuilt objects: 145 / 177 / 221 ms cold,
// 104 / 142 / 159 ms warm; at 1,000 services, streamed: 154 / 168 / 196 ms cold.
// Every character written is ASCII except inside double-quoted strings, which JSON.stringify made
// (lone surrogates escaped), so UTF-8 encoding and decoding give back exactly the same text.
import { KEYWORDS, number, PLAIN_REST, renderString } from "./yaml-scalars.ts";

export { doubleQuote, isPlainSafe } from "./yaml-scalars.ts";

/** Bytes free before each document (Kubernetes objects take ~1 KiB; larger ones grow as they go). */
export const DOCUMENT_ROOM = 1 << 16;

/**
 * Writes `value` as one document, `---\n` first, into `into` from `at`; returns the buffer written
 * (`into`, or a larger copy when the document did not fit) and where the document ends. On a throw
 * nothing counts as written. The documents of a stream: yaml-documents.ts.
 */
export function writeDocumentAt(into: Uint8Array, at: number, value: unknown): { readonly bytes: Uint8Array; readonly end: number } {
  buf = into;
  pos = at;
  try {
    // Room for a whole ordinary document up front. The writer's own checks then almost never
    // grow the buffer: each of their grow() calls, never run before at that call site, made V8
    // throw away the optimized writer (a deopt for want of call feedback) at every doubling.
    if (buf.length - pos < DOCUMENT_ROOM) grow(DOCUMENT_ROOM);
    buf[pos++] = 45; // "---\n"
    buf[pos++] = 45;
    buf[pos++] = 45;
    buf[pos++] = 10;
    writeDocument(value);
    return { bytes: buf, end: pos };
  } finally {
    buf = EMPTY;
  }
}

// ---------------------------------------------------------------------------------------------
// The buffer being written: module state rather than a parameter, so that the hot functions take
// fewer arguments. writeDocumentAt lends its buffer here for the length of one document.

const EMPTY = new Uint8Array(0);
let buf: Uint8Array = EMPTY;
let pos = 0;

/** Room for `n` more bytes (the check inlined at the call sites; this is the slow part). */
function grow(n: number): void {
  let cap = Math.max(buf.length * 2, 1 << 16);
  while (cap < pos + n) cap *= 2;
  const grown = new Uint8Array(cap);
  grown.set(buf.subarray(0, pos));
  buf = grown;
}

/** Appends `s` UTF-8 encoded (at most 3 bytes per UTF-16 unit). */
function put(s: string): void {
  const n = s.length;
  if (pos + n * 3 > buf.length) grow(n * 3);
  const b = buf;
  let p = pos;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) b[p++] = c;
    else if (c < 0x800) {
      b[p++] = 0xc0 | (c >> 6);
      b[p++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      // A surrogate pair (JSON.stringify escaped any lone surrogate, see the file's header).
      const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      b[p++] = 0xf0 | (cp >> 18);
      b[p++] = 0x80 | ((cp >> 12) & 63);
      b[p++] = 0x80 | ((cp >> 6) & 63);
      b[p++] = 0x80 | (cp & 63);
    } else {
      b[p++] = 0xe0 | (c >> 12);
      b[p++] = 0x80 | ((c >> 6) & 63);
      b[p++] = 0x80 | (c & 63);
    }
  }
  pos = p;
}

/** Appends one ASCII character. */
function byte(c: number): void {
  if (pos >= buf.length) grow(1);
  buf[pos++] = c;
}

function spaces(n: number): void {
  if (pos + n > buf.length) grow(n);
  const b = buf;
  const end = pos + n;
  for (let p = pos; p < end; p++) b[p] = 32; // a local index: the module's `pos` is not kept in a register
  pos = end;
}

/**
 * Appends a string scalar (a key or a value). Most strings are plain, start with a letter and
 * hold only characters a plain scalar may hold: those are copied while checked, in one pass
 * (yaml-scalars.ts isSimplePlain states the rule); anything else is rewound and written as
 * renderString says. The cache lookup this avoids (a hash of each new string) was the writer's
 * largest single cost (~20 ms of ~120 on the 5,000-service bench app).
 */
function putString(s: string): void {
  const n = s.length;
  const c0 = s.charCodeAt(0) | 32; // NaN | 32 = 32 for ""
  if (c0 >= 97 && c0 <= 122 && c0 !== 101) {
    if (pos + n > buf.length) grow(n);
    const b = buf;
    let p = pos;
    let prev = 0;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128 || PLAIN_REST[c] === 0 || (c === 32 && prev === 58)) break;
      b[p++] = c;
      prev = c;
    }
    if (i === n && prev !== 32 && prev !== 58 && (n > 8 || !isKeyword(s))) {
      pos = p;
      return;
    }
  }
  put(renderString(s));
}

/**
 * Keys as written, colon included (`name:`), in UTF-8. Objects repeat a few dozen key names, and
 * a key is a property name, an internalized string whose hash V8 keeps, so the lookup is cheap
 * (hashing each new value string cost more than the checks it saved: putString). Bounded.
 * Measured, the writer alone over the bench app's objects, main-thread CPU, medians of 9 fresh
 * processes: 5,000 services cold 235 -> 156 ms, warm 168 -> 96; 1,000 services cold 82 -> 66.
 */
const KEY_BYTES = new Map<string, Uint8Array>();
const encoder = new TextEncoder();

function putKey(key: string): void {
  let b = KEY_BYTES.get(key);
  if (b === undefined) {
    b = encoder.encode(renderString(key) + ":");
    if (KEY_BYTES.size >= 4096) KEY_BYTES.clear();
    KEY_BYTES.set(key, b);
  }
  const n = b.length;
  if (pos + n > buf.length) grow(n);
  buf.set(b, pos);
  pos += n;
}

/**
 * Whether `s` (ASCII, at most 8 characters) is one of KEYWORDS in any letter case. Only the
 * keywords of its length are compared, by index: the for-of over all twelve cost ~20 ms of a cold
 * 5,000-service build (an iterator per call until the JIT removes it).
 */
function isKeyword(s: string): boolean {
  const n = s.length;
  const ks = KEYWORDS_BY_LENGTH[n];
  if (ks === undefined) return false;
  for (let j = 0; j < ks.length; j++) {
    const k = ks[j];
    let i = 0;
    while (i < n && (s.charCodeAt(i) | 32) === k.charCodeAt(i)) i++;
    if (i === n) return true;
  }
  return false;
}

const KEYWORDS_BY_LENGTH: (string[] | undefined)[] = [];
for (const k of KEYWORDS) (KEYWORDS_BY_LENGTH[k.length] ??= []).push(k);

// ---------------------------------------------------------------------------------------------
// Collections

function writeDocument(value: unknown): void {
  if (value !== null && typeof value === "object") {
    if (Array.isArray(value)) {
      if (value.length > 0) return writeSequence(value, 0, true);
    } else if (writeMapping(value as Record<string, unknown>, 0, true)) return;
  }
  writeScalar(value);
  byte(10);
}

/**
 * Writes the entries of a mapping whose keys sit at `indent`; `pad` false when the first line's
 * lead (the `- ` of an enclosing sequence item) is already written. Returns false when it wrote
 * nothing (no entry with a defined value): the caller writes `{}` instead. Writing first and
 * rewinding saves a separate emptiness check of every nested object.
 */
function writeMapping(obj: Record<string, unknown>, indent: number, pad: boolean): boolean {
  let wrote = false;
  for (const key in obj) {
    const v = obj[key];
    if (v === undefined) continue; // like JSON.stringify
    if (pad) spaces(indent);
    pad = true;
    wrote = true;
    // A key of up to 166 characters renders to at most 166 * 6 + 2 < 1000 (\\uXXXX escapes).
    const k = key.length > 166 ? renderString(key) : undefined;
    if (k !== undefined && k.length > 1000) {
      // YAML limits implicit keys to 1024 characters: use an explicit `? key` entry.
      put("? ");
      put(k);
      byte(10);
      spaces(indent);
      byte(58); // ":"
      writeValue(v, indent + 2, indent + 2);
      continue;
    }
    if (k !== undefined) {
      put(k);
      byte(58);
    } else putKey(key);
    // kubectl style: a sequence's dashes line up with its key.
    writeValue(v, indent + 2, indent);
  }
  return wrote;
}

/**
 * After a `key:` or `? key\n:`: ` scalar`, ` []`, ` {}`, or a newline and the block, a mapping's
 * keys at `mapIndent`, a sequence's dashes at `seqIndent`.
 */
function writeValue(v: unknown, mapIndent: number, seqIndent: number): void {
  if (v !== null && typeof v === "object") {
    if (Array.isArray(v)) {
      if (v.length > 0) {
        byte(10);
        writeSequence(v, seqIndent, true);
        return;
      }
    } else {
      byte(10);
      const mark = pos;
      if (writeMapping(v as Record<string, unknown>, mapIndent, true)) return;
      pos = mark - 1; // nothing written: back over the newline, ` {}` below
    }
  }
  byte(32);
  writeScalar(v);
  byte(10);
}

/** Writes a non-empty sequence whose dashes sit at `indent`; `pad` as in writeMapping. */
function writeSequence(arr: readonly unknown[], indent: number, pad: boolean): void {
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (pad) spaces(indent);
    pad = true;
    byte(45); // "-"
    byte(32);
    if (v !== null && typeof v === "object") {
      if (Array.isArray(v)) {
        if (v.length > 0) {
          writeSequence(v, indent + 2, false);
          continue;
        }
      } else if (writeMapping(v as Record<string, unknown>, indent + 2, false)) continue;
    }
    writeScalar(v);
    byte(10);
  }
}

function writeScalar(v: unknown): void {
  switch (typeof v) {
    case "string":
      return putString(v);
    case "number":
      return put(number(v));
    case "boolean":
      return put(v ? "true" : "false");
    case "undefined": // an array hole or undefined item, as JSON.stringify does
      return put("null");
    case "object":
      if (v === null) return put("null");
      return put(Array.isArray(v) ? "[]" : "{}"); // only empty ones reach here
    default:
      throw new TypeError(`cannot write a ${typeof v} as YAML`);
  }
}

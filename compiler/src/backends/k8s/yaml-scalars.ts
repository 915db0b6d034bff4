// Scalars for the YAML writer (yaml-emitter.ts): when a string may be written plain, double
// quoting, numbers.
//
// Strings: written plain only when they read back as the same string under BOTH YAML 1.2 (core
// schema) and YAML 1.1 (the older resolvers still used by many Kubernetes tools); every other
// string is written double-quoted with JSON escapes, which is valid YAML (a JSON string is a YAML
// double-quoted scalar) once the few characters YAML treats differently from JSON are escaped too.
// Being conservative costs only some quotes; being wrong silently changes a value.

// Kubernetes objects repeat the same keys and many short values (`TCP`, `http`, `100m`):
// remembering short strings' rendering saves most of the checks. Bounded, so that a huge
// document does not keep every value alive. Keys go through here; values first try
// plainPrefixLength's one-pass check (yaml-emitter.ts), which most long values pass.
const rendered = new Map<string, string>();
const CACHE_MAX_ENTRIES = 20_000;
const CACHE_MAX_LENGTH = 80;

/** `s` as a YAML scalar: itself when plain-safe, else double-quoted. */
export function renderString(s: string): string {
  if (s.length > CACHE_MAX_LENGTH) return isPlainSafe(s) ? s : doubleQuote(s);
  let r = rendered.get(s);
  if (r === undefined) {
    r = isPlainSafe(s) ? s : doubleQuote(s);
    if (rendered.size >= CACHE_MAX_ENTRIES) rendered.clear();
    rendered.set(s, r);
  }
  return r;
}

// Characters a plain scalar may hold after its first (PLAIN's second class below), as a table.
const PLAIN_REST = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 _./:@%+=,;~()$^-") PLAIN_REST[ch.charCodeAt(0)] = 1;

/**
 * The one-pass rule the writer (yaml-emitter.ts putString) applies while copying a string, a
 * sufficient test for isPlainSafe without regular expressions or the cache: starts with a letter
 * other than e/E (so neither a number, a date, `...`, nor YAML 1.1's exponent-only float), every
 * character in PLAIN's second class, no `: ` inside, not ending in a space or `:`, and not a
 * keyword. Strings it rejects may still be plain-safe: the writer then asks renderString. Kept
 * here, beside isPlainSafe, so that the tests hold the two rules together.
 */
export function isSimplePlain(s: string): boolean {
  const n = s.length;
  const c0 = s.charCodeAt(0) | 32;
  if (!(c0 >= 97 && c0 <= 122 && c0 !== 101)) return false;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || PLAIN_REST[c] === 0 || (c === 32 && prev === 58)) return false;
    prev = c;
  }
  return prev !== 32 && prev !== 58 && (n > 8 || !KEYWORD_SET.has(s.toLowerCase()));
}

export { PLAIN_REST };

/**
 * Numbers as both YAML versions read them back. JavaScript writes `1e+21` and `5e-7`; YAML 1.1's
 * float pattern needs a dot (`1.0e+21`), YAML 1.2 accepts both, so the dot is added.
 */
export function number(n: number): string {
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
export const KEYWORDS: readonly string[] = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf", "infinity"];
const KEYWORD_SET = new Set(KEYWORDS);
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
  } else if (s.length <= 8 && KEYWORD_SET.has(s.toLowerCase())) {
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

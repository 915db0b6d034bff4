// Bytes → text for source files. Invalid UTF-8 and binary content are diagnostics with the
// position of the first bad byte, not mojibake fed to the lexer.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diag } from "../diagnostics/catalogue.ts";
import { spanAt } from "./span.ts";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. Linear. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) (n = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (n = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (n = 3), (min = 0x10000);
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

export function decodeSource(file: string, bytes: Uint8Array): { text: string } | { diagnostic: Diagnostic } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder().decode(bytes.subarray(0, Math.max(0, bad)));
    return { diagnostic: diag("KD1008", spanAt(file, prefix, prefix.length, prefix.length), `invalid UTF-8 at byte ${bad}`, { label: "this byte does not start a UTF-8 character", hints: [".kdsl files are UTF-8 text."] }) };
  }
  const nul = text.indexOf("\0");
  if (nul >= 0) return { diagnostic: diag("KD1008", spanAt(file, text, nul, nul + 1), "file contains a NUL character: it looks binary", { hints: [".kdsl files are UTF-8 text."] }) };
  return { text: text.startsWith("\uFEFF") ? text.slice(1) : text };
}

// Rendering diagnostics: pretty (code frames, colour on a TTY) for people, plain one-liners for
// golden files, JSON for machines. All three say the same words.
import type { Diagnostic } from "./diagnostic.ts";

export interface Colors {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly blue: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
}
const plain = (s: string) => s;
export const NO_COLORS: Colors = { red: plain, yellow: plain, blue: plain, bold: plain, dim: plain };
const sgr = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
export const ANSI_COLORS: Colors = { red: sgr("31"), yellow: sgr("33"), blue: sgr("34"), bold: sgr("1"), dim: sgr("2") };

/** `file:line:col: severity[code]: message` — stable, for golden files and editors' problem matchers. */
export function renderPlain(d: Diagnostic): string {
  return `${d.span.file}:${d.span.line}:${d.span.col}: ${d.severity}[${d.code}]: ${d.message}`;
}

export function renderJson(ds: readonly Diagnostic[]): string {
  return JSON.stringify(
    ds.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      file: d.span.file,
      line: d.span.line,
      column: d.span.col,
      endLine: d.span.endLine,
      endColumn: d.span.endCol,
      ...(d.label ? { label: d.label } : {}),
      ...(d.hints ? { hints: d.hints } : {}),
      ...(d.related ? { related: d.related.map((r) => ({ message: r.message, file: r.span.file, line: r.span.line, column: r.span.col })) } : {}),
    })),
    null,
    2,
  );
}

// Many diagnostics in one file each need a line of it: split each text once, not once per frame.
let lastText: string | undefined;
let lastLines: string[] = [];
function linesOf(text: string): string[] {
  if (text !== lastText) {
    lastText = text;
    lastLines = text.split("\n");
  }
  return lastLines;
}

/** The longest line excerpt a code frame shows, and how much of it comes before the span when cut. */
const FRAME_WIDTH = 160;
const FRAME_CONTEXT = 60;

/** A code frame under the headline, as quality.md shows. `text` is the file's source, if known. */
export function renderPretty(d: Diagnostic, text: string | undefined, c: Colors = NO_COLORS): string {
  const sev = d.severity === "error" ? c.red : d.severity === "warning" ? c.yellow : c.blue;
  const out: string[] = [c.bold(sev(`${d.severity}[${d.code}]`) + `: ${d.message}`)];
  const lineNo = String(d.span.line);
  const pad = " ".repeat(lineNo.length);
  out.push(`${pad}${c.blue("-->")} ${d.span.file}:${d.span.line}:${d.span.col}`);
  const line = text === undefined ? undefined : linesOf(text)[d.span.line - 1];
  if (line !== undefined) {
    // Tabs become one space (so the carets line up); other control characters would drive the
    // terminal (an ESC starts an escape sequence), so they are shown as U+FFFD.
    const shown = line.replace(/\r$/, "").replace(/\t/g, " ").replace(/[\x00-\x1f\x7f-\x9f]/g, "\ufffd");
    // A long line is shown as a window of FRAME_WIDTH characters that holds the span's start
    // (with some context before it), `…` marking what is cut on either side.
    const from = shown.length > FRAME_WIDTH && d.span.col - 1 > FRAME_WIDTH - FRAME_CONTEXT ? Math.min(d.span.col - 1 - FRAME_CONTEXT, shown.length - FRAME_WIDTH) : 0;
    const to = Math.min(shown.length, from + FRAME_WIDTH);
    const lead = from > 0 ? 1 : 0; // the `…` in front
    const clipped = (lead ? "…" : "") + shown.slice(from, to) + (to < shown.length ? "…" : "");
    const start = Math.min(d.span.col - 1 - from + lead, clipped.length);
    const room = to - from + lead - start;
    const width = Math.max(1, d.span.endLine === d.span.line ? Math.min(d.span.endCol - d.span.col, room) : room);
    out.push(`${pad} ${c.blue("|")}`);
    out.push(`${c.blue(lineNo)} ${c.blue("|")} ${clipped}`);
    out.push(`${pad} ${c.blue("|")} ${" ".repeat(start)}${sev("^".repeat(width))}${d.label ? " " + sev(d.label) : ""}`);
  }
  if (d.hints?.length || d.related?.length) out.push(`${pad} ${c.blue("|")}`);
  for (const h of d.hints ?? []) out.push(`${pad} ${c.blue("=")} help: ${h}`);
  for (const r of d.related ?? []) out.push(`${pad} ${c.blue("=")} note: ${r.message} at ${r.span.file}:${r.span.line}:${r.span.col}`);
  out.push(`${pad} ${c.blue("=")} note: \`kdsl explain ${d.code}\` says more.`);
  return out.join("\n");
}

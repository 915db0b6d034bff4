// A stream of YAML documents (the Kubernetes output): each value is written as its own document by
// the writer (yaml-emitter.ts) as soon as it is added, so the value can be dropped; documents can
// be reordered afterwards (a sorted run of objects rendered in build order); the whole is read out
// as UTF-8 pieces or as a string.
import { DOCUMENT_ROOM, writeDocumentAt } from "./yaml-emitter.ts";

/** One YAML document for one value, ending with a newline. */
export function emitYaml(value: unknown): string {
  const out = new YamlDocuments();
  out.add(value);
  return out.toString();
}

/** Several documents separated by `---` lines. */
export function emitYamlDocuments(values: readonly unknown[]): string {
  const out = new YamlDocuments();
  for (let i = 0; i < values.length; i++) out.add(values[i]);
  return out.toString();
}

const decoder = new TextDecoder();
/**
 * The documents are written into chunks of this size, a new one when the current one has less
 * than DOCUMENT_ROOM left, never into one buffer that doubles: at the last doubling of a 16 MB
 * output the old buffer and the new one were both resident (~16 MB more at the moment memory
 * peaks), and every doubling copied everything written so far.
 */
const CHUNK = 1 << 20;

/**
 * A multi-document YAML stream being written: documents are appended one by one (the value can
 * be dropped right after), can be reordered (a sorted run of objects rendered in build order),
 * and the whole is read out as UTF-8 pieces or as a string.
 */
export class YamlDocuments {
  /** Full chunks; the one being written is `bytes`. A document never spans two chunks. */
  private readonly full: Uint8Array[] = [];
  private bytes: Uint8Array = new Uint8Array(DOCUMENT_ROOM);
  private size = 0;
  /** Each document's chunk (an index into `full`, or full.length for `bytes`) and its bytes there, `---\n` first. */
  private chunkOf: number[] = [];
  private starts: number[] = [];
  private ends: number[] = [];

  /** How many documents were added. */
  get count(): number {
    return this.starts.length;
  }

  /** Appends `value` as the next document. */
  add(value: unknown): void {
    if (this.bytes.length - this.size < DOCUMENT_ROOM && this.size > 0) {
      this.full.push(this.bytes.subarray(0, this.size));
      this.bytes = new Uint8Array(CHUNK);
      this.size = 0;
    }
    const written = writeDocumentAt(this.bytes, this.size, value);
    this.bytes = written.bytes; // grown when the document did not fit
    this.chunkOf.push(this.full.length);
    this.starts.push(this.size);
    this.ends.push(written.end);
    this.size = written.end;
  }

  /**
   * Reorders the documents from index `from` on: afterwards document `from + i` is the one that
   * was at `from + order[i]` (`order` a permutation of 0..count-from-1). Only the records move.
   */
  reorder(from: number, order: readonly number[]): void {
    const n = this.starts.length - from;
    if (order.length !== n) throw new RangeError("reorder: not a permutation of the documents");
    for (const list of [this.chunkOf, this.starts, this.ends]) {
      const old = list.slice(from);
      for (let i = 0; i < n; i++) list[from + i] = old[order[i]!]!;
    }
  }

  /**
   * The stream as UTF-8, in pieces to be written in order: views of the chunks, each a run of
   * documents that lie one after the other (read them before adding more). Every piece is whole
   * documents, so each is valid UTF-8 on its own.
   */
  parts(): Uint8Array[] {
    const out: Uint8Array[] = [];
    let chunk = -1;
    let start = 0;
    let end = 0;
    for (let i = 0; i < this.starts.length; i++) {
      const c = this.chunkOf[i]!;
      // The first document has no `---` before it.
      const s = i === 0 ? this.starts[i]! + 4 : this.starts[i]!;
      if (c === chunk && s === end) {
        end = this.ends[i]!;
        continue;
      }
      if (chunk >= 0) out.push(this.chunk(chunk).subarray(start, end));
      chunk = c;
      start = s;
      end = this.ends[i]!;
    }
    if (chunk >= 0) out.push(this.chunk(chunk).subarray(start, end));
    return out;
  }

  toString(): string {
    return this.parts()
      .map((p) => decoder.decode(p))
      .join("");
  }

  private chunk(i: number): Uint8Array {
    return i < this.full.length ? this.full[i]! : this.bytes;
  }
}


/**
 * Random reads inside a compressed layer cost a decode from the layer's start, and the linkage
 * emulation reads every ELF file's headers, dynamic section and symbol tables piecemeal. So, once per
 * layer, one decoding pass keeps what those reads need: the first bytes of every file (to tell ELF
 * from the rest) and, of each ELF file, its first loadable segment (ELF and program headers, .dynsym,
 * .dynstr, version and hash tables sit there), PT_INTERP and PT_DYNAMIC. Once PT_DYNAMIC has passed, that is
 * cut down to the headers, PT_INTERP, PT_DYNAMIC and the tables it points to (elf-kept-ranges.ts), copied
 * into one buffer, so the segment's code is not held; a static file (no PT_DYNAMIC) keeps its headers only.
 * Reads inside those ranges are then served from memory;
 * anything else falls back to a decoding read.
 */
import { EntryTable } from '../model/entry-table';
import type { TarEntry } from '../model/tar-entry';
import { hasElfMagic } from '../model/content-kind';
import {
  HEAD_BYTES as HEAD,
  headerLength,
  keptRanges,
  merged,
  trimmedRanges,
  withTables,
} from './elf-kept-ranges';
import { dynamicPlan, tableRanges, type DynamicPlan } from './elf-table-ranges';
import { HeadsBuilder, KeptFiles } from './kept-files';
/** ELF files larger than this are not captured during the pass; their reads decode on demand. */
const MAX_BUFFERED_FILE = 256 * 1024 * 1024;

export interface SparseFile {
  readonly size: number;
  readonly ranges: readonly { readonly offset: number; readonly bytes: Uint8Array }[];
}

/** The bytes [offset, offset + length) when one kept range covers them. */
export function readSparse(file: SparseFile, offset: number, length: number): Uint8Array | undefined {
  const end = Math.min(file.size, offset + length);
  for (const r of file.ranges) {
    if (offset >= r.offset && end <= r.offset + r.bytes.length)
      return r.bytes.subarray(offset - r.offset, end - r.offset);
  }
  return undefined;
}

/**
 * Files read whole by the package readers and the loader emulation (package databases, the loader
 * cache and its configuration): kept entirely, so a thousand .list files cost one pass, not a
 * thousand decodes.
 */
const KEEP_WHOLE = [
  /^\/var\/lib\/dpkg\//,
  /^\/var\/lib\/rpm\//,
  /^\/usr\/lib\/sysimage\/rpm\//,
  /^\/usr\/share\/rpm\//,
  /^\/lib\/apk\/db\//,
  /^\/etc\/ld\.so\./,
  /^\/etc\/ld-musl/,
  // The dynamic loader itself: its default directories and glibc version are read from its bytes.
  /\/ld-(linux|musl)[^/]*$/,
  /\/ld(64)?\.so(\.\d+)?$/,
];

export function keptWhole(path: string): boolean {
  return KEEP_WHOLE.some((re) => re.test(path));
}

/**
 * What a kept file costs besides its bytes (its record, its range, its map entry, its slots in a transfer table),
 * counted against a pass's bound: a layer of millions of small files is bounded by their number too.
 */
export const KEPT_FILE_OVERHEAD = 128;

/**
 * One file being captured: first its head (HEAD bytes, or the program header table of an ELF file), then,
 * for an ELF file, only the ranges keptRanges names, copied as the stream passes them (the rest of the file,
 * most of its bytes, is skipped rather than buffered).
 */
interface Capture {
  readonly file: Pending;
  /** Bytes of the file already passed. */
  pos: number;
  head: Uint8Array;
  elf: boolean | undefined;
  ranges: { readonly offset: number; readonly bytes: Uint8Array }[] | undefined;
  /**
   * Where PT_DYNAMIC ends, until the tables it points to are looked for (elf-table-ranges.ts). Every field is
   * set when a capture is made, so all captures share one shape.
   */
  plan: DynamicPlan | undefined;
}

/** Where the last of `ranges` ends in the file (0 for none). */
function rangesEnd(ranges: readonly { readonly offset: number; readonly bytes: Uint8Array }[]): number {
  let end = 0;
  for (const r of ranges) end = Math.max(end, r.offset + r.bytes.length);
  return end;
}

/** Copy the part of `bytes` (the file's bytes from `pos`) that falls inside range `r`. */
function copyOverlap(r: { offset: number; bytes: Uint8Array }, bytes: Uint8Array, pos: number): void {
  const from = Math.max(r.offset, pos);
  const to = Math.min(r.offset + r.bytes.length, pos + bytes.length);
  if (to > from) r.bytes.set(bytes.subarray(from - pos, to - pos), from - r.offset);
}

/** Make the head `length` bytes long, keeping what it holds. */
function growHead(cur: Capture, length: number): void {
  if (length <= cur.head.length) return;
  const head = new Uint8Array(length);
  head.set(cur.head.subarray(0, Math.min(cur.pos, cur.head.length)));
  cur.head = head;
}

/**
 * Once PT_DYNAMIC has passed: keep of the file only what the loader emulation reads (trimmedRanges), or, when
 * the dynamic section tells nothing, what is kept plus the tables past it. `bytes` are the file's bytes from
 * `from` just passed. Returns how many bytes more (or fewer) the file's ranges now hold.
 */
function addTables(cur: Capture, bytes: Uint8Array, from: number): number {
  const plan = cur.plan!;
  const old = cur.ranges!;
  cur.plan = undefined;
  const size = cur.file.size;
  const dynamic = readSparse(
    { size, ranges: old },
    plan.dynamic.offset,
    plan.dynamic.end - plan.dynamic.offset,
  );
  const trimmed = dynamic && trimmedRanges(plan, cur.head, dynamic, size);
  let next: { start: number; end: number }[];
  if (trimmed && trimmed.length > 0) {
    // A range that began before this chunk must have been held already; a table the 8 MiB cap cut is dropped.
    const wanted: { start: number; end: number }[] = [];
    for (const t of trimmed)
      if (t.start >= from || isHeld(cur.head, old, t.start, Math.min(t.end, from))) wanted.push(t);
    next = merged(wanted);
  } else {
    const tables: { start: number; end: number }[] = [];
    if (dynamic)
      for (const t of tableRanges(plan, dynamic, size))
        if (!isHeld(cur.head, old, t.start, t.end)) tables.push(t);
    if (tables.length === 0) return 0;
    const kept: { start: number; end: number }[] = [];
    for (const r of old) kept.push({ start: r.offset, end: r.offset + r.bytes.length });
    next = withTables(kept, tables, size);
  }
  // One buffer for the file: the first segment's buffer is let go.
  let total = 0;
  for (const m of next) total += m.end - m.start;
  const buffer = new Uint8Array(total);
  let oldTotal = 0;
  for (const o of old) oldTotal += o.bytes.length;
  const ranges: { readonly offset: number; readonly bytes: Uint8Array }[] = [];
  let at = 0;
  for (const m of next) {
    const r = { offset: m.start, bytes: buffer.subarray(at, at + m.end - m.start) };
    at += m.end - m.start;
    // Every byte already passed is in the head (complete once ranges exist), an old range, or `bytes`.
    copyOverlap(r, cur.head, 0);
    for (const o of old) copyOverlap(r, o.bytes, o.offset);
    copyOverlap(r, bytes, from);
    ranges.push(r);
  }
  cur.ranges = ranges;
  return buffer.length - oldTotal;
}

/** Whether [start, end) of the file is already held, in the head or one of the ranges. */
function isHeld(
  head: Uint8Array,
  ranges: readonly { readonly offset: number; readonly bytes: Uint8Array }[],
  start: number,
  end: number,
): boolean {
  if (start >= 0 && end <= head.length) return true;
  for (const r of ranges) if (start >= r.offset && end <= r.offset + r.bytes.length) return true;
  return false;
}

/**
 * A file announced to the pass, reduced to what the pass needs: the tar entry itself is not held, so a
 * layer's entries die young instead of living until its last byte.
 */
interface Pending {
  readonly dataOffset: number;
  readonly size: number;
  /** Kept entire (keptWhole), not just its head or its ELF ranges. */
  readonly whole: boolean;
}

/**
 * One pass over a layer's decoded stream, fed chunk by chunk: for every regular file, what `keep` keeps.
 * Files are announced with `add` in the order of their content (tar order) no later than the chunk holding
 * their first content byte is pushed, so the layer indexer can feed it while its tar parser discovers entries
 * and the layer is decoded once instead of twice.
 */
export class LayerPrefetch {
  /** Files announced and not yet reached, from `next` on: dropped once the stream has passed them. */
  private readonly files: Pending[] = [];
  /** ELF files' ranges and whole files; every other file's head goes to `heads`. */
  private readonly out = new Map<number, SparseFile>();
  private readonly heads = new HeadsBuilder();
  /** The head being filled, when it is not kept whole: copied into `heads` once the file is done. */
  private readonly scratch = new Uint8Array(HEAD);
  private next = 0;
  private pos = 0;
  private cur: Capture | undefined;
  /** What is kept so far, counted against maxBytes: its bytes and KEPT_FILE_OVERHEAD a file. */
  private held = 0;
  private over = false;

  /** `maxBytes`: past this cost (bytes and overhead) the pass gives up and keeps nothing (the layer is read again later). */
  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {}

  /** Whether the kept bytes went past `maxBytes`: nothing is kept then. */
  get overflowed(): boolean {
    return this.over;
  }

  /** Count `bytes` more as kept; false (and everything dropped) when that passes the bound. */
  private hold(bytes: number): boolean {
    this.held += bytes;
    if (this.held <= this.maxBytes) return true;
    this.over = true;
    this.out.clear();
    this.heads.clear();
    this.cur = undefined;
    return false;
  }

  add(entry: TarEntry): void {
    if (entry.kind !== 'file' || entry.size <= 0) return;
    const whole = keptWhole(entry.path) && entry.size <= MAX_BUFFERED_FILE;
    this.files.push({ dataOffset: entry.dataOffset, size: entry.size, whole });
  }

  push(chunk: Uint8Array): void {
    if (this.over) return;
    const files = this.files;
    let at = 0;
    while (at < chunk.length) {
      let cur = this.cur;
      if (!cur) {
        const abs = this.pos + at;
        while (this.next < files.length && files[this.next]!.dataOffset < abs) this.next++;
        const f = files[this.next];
        if (!f) break;
        if (f.dataOffset > abs) {
          at = Math.min(chunk.length, f.dataOffset - this.pos);
          continue;
        }
        const whole = f.whole;
        const headLength = whole ? f.size : Math.min(f.size, HEAD);
        if (!this.hold(headLength + KEPT_FILE_OVERHEAD)) return;
        cur = this.cur = {
          file: f,
          pos: 0,
          head: whole ? new Uint8Array(headLength) : this.scratch.subarray(0, headLength),
          elf: whole ? false : undefined,
          ranges: undefined,
          plan: undefined,
        };
        this.next++;
      }
      const size = cur.file.size;
      // While the head fills, stop at its end: whether and how it grows depends on what it holds.
      const limit = cur.pos < cur.head.length ? cur.head.length : size;
      const take = Math.min(chunk.length - at, limit - cur.pos);
      const bytes = chunk.subarray(at, at + take);
      if (cur.pos < cur.head.length) cur.head.set(bytes, cur.pos);
      for (const r of cur.ranges ?? []) copyOverlap(r, bytes, cur.pos);
      cur.pos += take;
      at += take;
      if (cur.pos === cur.head.length && cur.ranges === undefined) {
        if (cur.elf === undefined) {
          cur.elf = hasElfMagic(cur.head) && size <= MAX_BUFFERED_FILE;
          if (cur.elf) {
            const length = headerLength(cur.head, size);
            if (!this.hold(Math.max(0, length - cur.head.length))) return;
            growHead(cur, length);
          }
        }
        if (cur.elf && cur.pos === cur.head.length) {
          const kept = keptRanges(cur.head, size);
          let keptBytes = 0;
          for (const r of kept) keptBytes += r.end - r.start;
          // The head is dropped once its bytes are in the ranges: what it held is no longer counted.
          if (!this.hold(keptBytes - cur.head.length)) return;
          const ranges: { readonly offset: number; readonly bytes: Uint8Array }[] = [];
          for (const r of kept) ranges.push({ offset: r.start, bytes: new Uint8Array(r.end - r.start) });
          cur.ranges = ranges;
          // What already passed, the head, goes into the ranges that cover it.
          for (const r of cur.ranges) copyOverlap(r, cur.head, 0);
          cur.plan = dynamicPlan(cur.head, size);
        }
      }
      if (cur.plan && cur.ranges && cur.pos >= cur.plan.dynamic.end) {
        if (!this.hold(addTables(cur, bytes, cur.pos - take))) return;
      }
      // The file is done once its last kept byte has passed: the loop then skips to the next file's content.
      const last = cur.ranges ? rangesEnd(cur.ranges) : cur.head.length;
      if (cur.pos >= last && (cur.elf === false || cur.ranges !== undefined)) {
        if (cur.ranges) this.out.set(cur.file.dataOffset, { size, ranges: cur.ranges });
        else if (cur.file.whole)
          this.out.set(cur.file.dataOffset, { size, ranges: [{ offset: 0, bytes: cur.head }] });
        else this.heads.add(cur.file.dataOffset, size, cur.head);
        this.cur = undefined;
      }
    }
    this.pos += chunk.length;
    if (this.next === files.length || this.next > 4096) {
      files.splice(0, this.next);
      this.next = 0;
    }
  }

  /** What was kept, by each file's content offset in the layer. */
  finish(): KeptFiles {
    return new KeptFiles(this.out, this.heads.finish());
  }
}

/**
 * One pass over a layer's decoded stream: for every regular file, what `keep` keeps. `entries`
 * are the layer's tar entries (any order); the stream is the whole uncompressed layer.
 */
export async function prefetchLayer(
  decoded: AsyncIterable<Uint8Array>,
  entries: EntryTable | readonly TarEntry[],
): Promise<KeptFiles> {
  const prefetch = new LayerPrefetch();
  // Only files with content are kept (LayerPrefetch.add): a table makes objects of those rows alone.
  const files =
    entries instanceof EntryTable
      ? entries.filesWithContent()
      : entries.filter((e) => e.kind === 'file' && e.size > 0);
  for (const entry of files.sort((a, b) => a.dataOffset - b.dataOffset)) prefetch.add(entry);
  for await (const chunk of decoded) prefetch.push(chunk);
  return prefetch.finish();
}

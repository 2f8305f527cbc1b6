/**
 * Random reads inside a compressed layer cost a decode from the layer's start, and the linkage
 * emulation reads every ELF file's headers, dynamic section and symbol tables piecemeal. So, once per
 * layer, one decoding pass keeps what those reads need: the first bytes of every file (to tell ELF
 * from the rest) and, of each ELF file, its first loadable segment (ELF and program headers, .dynsym,
 * .dynstr, version and hash tables sit there), PT_INTERP and PT_DYNAMIC. Reads inside those ranges are
 * then served from memory; anything else falls back to a decoding read.
 */
import type { TarEntry } from '../model/tar-entry';
import { hasElfMagic } from '../model/content-kind';

/** Bytes kept of every file: enough for any magic number. */
const HEAD = 64;
/** A first segment larger than this (no -z separate-code) is kept only up to here. */
const MAX_FIRST_SEGMENT = 8 * 1024 * 1024;
/** Files larger than this are not buffered during the pass; their reads decode on demand. */
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

/** The ranges of an ELF file the loader emulation reads; the whole head when it is not a sane ELF. */
export function elfRanges(bytes: Uint8Array): { offset: number; length: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const is64 = bytes[4] === 2;
  const le = bytes[5] !== 2;
  const u16 = (o: number) => (o + 2 <= bytes.length ? view.getUint16(o, le) : 0);
  const u32 = (o: number) => (o + 4 <= bytes.length ? view.getUint32(o, le) : 0);
  const u64 = (o: number) => (o + 8 <= bytes.length ? Number(view.getBigUint64(o, le)) : 0);
  const phoff = is64 ? u64(32) : u32(28);
  const phentsize = u16(is64 ? 54 : 42);
  const phnum = Math.min(u16(is64 ? 56 : 44), 256);
  const ranges = [{ offset: 0, length: Math.max(HEAD, phoff + phentsize * phnum) }];
  let firstLoad = true;
  for (let i = 0; i < phnum; i++) {
    const p = phoff + i * phentsize;
    const type = u32(p);
    const offset = is64 ? u64(p + 8) : u32(p + 4);
    const filesz = is64 ? u64(p + 32) : u32(p + 16);
    if (type === 1 && firstLoad) {
      firstLoad = false;
      ranges.push({ offset, length: Math.min(filesz, MAX_FIRST_SEGMENT) });
    } else if (type === 2 || type === 3) ranges.push({ offset, length: filesz });
  }
  return ranges.map((r) => ({
    offset: Math.min(r.offset, bytes.length),
    length: Math.max(0, Math.min(r.length, bytes.length - r.offset)),
  }));
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

/** The ELF reader reads in aligned blocks of this size: kept ranges are widened to whole blocks. */
const BLOCK = 8192;

function keep(bytes: Uint8Array, size: number, elf: boolean): SparseFile {
  if (!elf) return { size, ranges: [{ offset: 0, bytes: bytes.slice(0, HEAD) }] };
  const widened = elfRanges(bytes)
    .map((r) => ({
      start: Math.floor(r.offset / BLOCK) * BLOCK,
      end: Math.min(bytes.length, Math.ceil((r.offset + r.length) / BLOCK) * BLOCK),
    }))
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of widened) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return { size, ranges: merged.map((r) => ({ offset: r.start, bytes: bytes.slice(r.start, r.end) })) };
}

interface Capture {
  readonly entry: TarEntry;
  buffer: Uint8Array;
  fill: number;
  elf: boolean | undefined;
  readonly whole?: boolean;
}

/**
 * One pass over a layer's decoded stream, fed chunk by chunk: for every regular file, what `keep` keeps.
 * Files are announced with `add` in the order of their content (tar order) no later than the chunk holding
 * their first content byte is pushed, so the layer indexer can feed it while its tar parser discovers entries
 * and the layer is decoded once instead of twice.
 */
export class LayerPrefetch {
  private readonly files: TarEntry[] = [];
  private readonly out = new Map<number, SparseFile>();
  private next = 0;
  private pos = 0;
  private cur: Capture | undefined;

  add(entry: TarEntry): void {
    if (entry.kind === 'file' && entry.size > 0) this.files.push(entry);
  }

  push(chunk: Uint8Array): void {
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
        const whole = keptWhole(f.path) && f.size <= MAX_BUFFERED_FILE;
        cur = this.cur = {
          entry: f,
          buffer: new Uint8Array(whole ? f.size : Math.min(f.size, HEAD)),
          fill: 0,
          elf: whole ? false : undefined,
          whole,
        };
        this.next++;
      }
      const take = Math.min(chunk.length - at, cur.buffer.length - cur.fill);
      cur.buffer.set(chunk.subarray(at, at + take), cur.fill);
      cur.fill += take;
      at += take;
      if (cur.elf === undefined && cur.fill >= Math.min(4, cur.entry.size)) {
        cur.elf = hasElfMagic(cur.buffer);
        if (cur.elf && cur.entry.size > cur.buffer.length && cur.entry.size <= MAX_BUFFERED_FILE) {
          const whole = new Uint8Array(cur.entry.size);
          whole.set(cur.buffer.subarray(0, cur.fill));
          cur.buffer = whole;
        }
      }
      if (cur.fill === cur.buffer.length) {
        // Done with this file; the loop jumps to the next file's content, skipping the rest of this one.
        this.out.set(
          cur.entry.dataOffset,
          cur.whole
            ? { size: cur.entry.size, ranges: [{ offset: 0, bytes: cur.buffer }] }
            : keep(cur.buffer, cur.entry.size, cur.elf === true && cur.buffer.length === cur.entry.size),
        );
        this.cur = undefined;
      }
    }
    this.pos += chunk.length;
  }

  /** What was kept, by each file's content offset in the layer. */
  finish(): Map<number, SparseFile> {
    return this.out;
  }
}

/**
 * One pass over a layer's decoded stream: for every regular file, what `keep` keeps. `entries`
 * are the layer's tar entries (any order); the stream is the whole uncompressed layer.
 */
export async function prefetchLayer(
  decoded: AsyncIterable<Uint8Array>,
  entries: readonly TarEntry[],
): Promise<Map<number, SparseFile>> {
  const prefetch = new LayerPrefetch();
  for (const entry of [...entries].sort((a, b) => a.dataOffset - b.dataOffset)) prefetch.add(entry);
  for await (const chunk of decoded) prefetch.push(chunk);
  return prefetch.finish();
}

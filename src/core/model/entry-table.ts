/**
 * A layer's tar entries as columns instead of objects: a `TarEntry` object and its path string cost
 * ~200 bytes, a row here ~75 (the path as UTF-8, offsets, sizes, mtime, mode, owner, kind), so a layer of
 * millions of entries stays small. What few entries carry (link targets, devices, xattrs, sparse sizes,
 * ids past 32 bits) lives in one side map, only for the rows that have it. `entry(row)` makes the
 * `TarEntry` a caller asks for; the columns are plain typed arrays, so a layer worker hands them to the
 * archive worker as transferables (`columns`, `fromColumns`).
 */
import type { EntryKind, TarEntry } from './tar-entry';

const KINDS: readonly EntryKind[] = ['file', 'dir', 'symlink', 'hardlink', 'char', 'block', 'fifo', 'other'];
const KIND_CODE = new Map(KINDS.map((kind, code) => [kind, code]));
const UINT32_MAX = 0xffff_ffff;
const [SLASH, DOT, W, H] = [0x2f, 0x2e, 0x77, 0x68];

/** The fields of the rows that have them. */
export interface EntryExtras {
  linkTarget?: string;
  devMajor?: number;
  devMinor?: number;
  xattrs?: Readonly<Record<string, Uint8Array>>;
  /** Only where it differs from size (GNU sparse files). */
  realSize?: number;
  /** Only where the mode does not fit 16 bits (the tar reader keeps permission bits only). */
  mode?: number;
  /** Only where the id does not fit 32 bits unsigned (negative, fractional or huge). */
  uid?: number;
  gid?: number;
}

/** The table as plain data: what crosses a worker boundary (`transferables` lists its buffers). */
export interface EntryColumns {
  readonly count: number;
  /** Every path as UTF-8, back to back; row i is bytes pathStarts[i] to pathStarts[i + 1]. */
  readonly pathBytes: Uint8Array;
  readonly pathStarts: Uint32Array;
  readonly kinds: Uint8Array;
  readonly modes: Uint16Array;
  readonly uids: Uint32Array;
  readonly gids: Uint32Array;
  /** Owner names, each once; unames and gnames index it. */
  readonly owners: readonly string[];
  readonly unames: Uint32Array;
  readonly gnames: Uint32Array;
  readonly sizes: Float64Array;
  readonly mtimes: Float64Array;
  readonly dataOffsets: Float64Array;
  readonly headerOffsets: Float64Array;
  readonly extras: ReadonlyMap<number, EntryExtras>;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Paths longer than this are decoded by TextDecoder, whatever they hold. */
const SHORT_PATH = 256;

/**
 * One plain array of each length up to SHORT_PATH, reused for every path of that length: a path's bytes
 * are copied into it and made a string in one call, which gives a flat string (adding characters one by one
 * leaves a chain of string pieces that a path table would keep) and costs half what the same call on the
 * typed array costs, and less than TextDecoder in Chromium. Made when first needed.
 */
const scratch: number[][] = [];

function scratchOf(length: number): number[] {
  for (let n = scratch.length; n <= length; n++) scratch.push(new Array<number>(n).fill(0));
  return scratch[length]!;
}

function decodePath(bytes: Uint8Array, start: number, end: number): string {
  const length = end - start;
  if (length > SHORT_PATH) return decoder.decode(bytes.subarray(start, end));
  const codes = scratchOf(length);
  for (let i = 0; i < length; i++) {
    const byte = bytes[start + i]!;
    if (byte >= 0x80) return decoder.decode(bytes.subarray(start, end));
    codes[i] = byte;
  }
  return String.fromCharCode.apply(null, codes);
}

let emptyTable: EntryTable | undefined;

export class EntryTable implements Iterable<TarEntry> {
  private constructor(private readonly c: EntryColumns) {}

  static fromColumns(columns: EntryColumns): EntryTable {
    return new EntryTable(columns);
  }

  static from(entries: Iterable<TarEntry>): EntryTable {
    const builder = new EntryTableBuilder();
    for (const entry of entries) builder.add(entry);
    return builder.finish();
  }

  /** A layer that could not be read counts as empty. */
  static get empty(): EntryTable {
    return (emptyTable ??= EntryTable.from([]));
  }

  get length(): number {
    return this.c.count;
  }

  /** The columns, for postMessage; their buffers are `transferables`. */
  get columns(): EntryColumns {
    return this.c;
  }

  get transferables(): ArrayBuffer[] {
    const c = this.c;
    const arrays = [c.pathBytes, c.pathStarts, c.kinds, c.modes, c.uids, c.gids, c.unames, c.gnames];
    const wide = [c.sizes, c.mtimes, c.dataOffsets, c.headerOffsets];
    return [...arrays, ...wide].map((a) => a.buffer as ArrayBuffer);
  }

  path(row: number): string {
    const { pathBytes, pathStarts } = this.c;
    return decodePath(pathBytes, pathStarts[row]!, pathStarts[row + 1]!);
  }

  kind(row: number): EntryKind {
    return KINDS[this.c.kinds[row]!]!;
  }

  /**
   * Whether the path's last name starts with ".wh." (a whiteout or an opaque marker), read in the row's
   * bytes: a pass looking for markers then makes no string of any other path.
   */
  nameStartsWithWhiteout(row: number): boolean {
    const { pathBytes, pathStarts } = this.c;
    const start = pathStarts[row]!;
    let at = pathStarts[row + 1]!;
    while (at > start && pathBytes[at - 1] !== SLASH) at--;
    return (
      pathStarts[row + 1]! - at >= 4 &&
      pathBytes[at] === DOT &&
      pathBytes[at + 1] === W &&
      pathBytes[at + 2] === H &&
      pathBytes[at + 3] === DOT
    );
  }

  size(row: number): number {
    return this.c.sizes[row]!;
  }

  realSize(row: number): number {
    return this.c.extras.get(row)?.realSize ?? this.c.sizes[row]!;
  }

  /** The fields `entry` gives, one column each: a reader of a few of them makes no entry object. */
  mode(row: number): number {
    return this.c.extras.get(row)?.mode ?? this.c.modes[row]!;
  }

  uid(row: number): number {
    return this.c.extras.get(row)?.uid ?? this.c.uids[row]!;
  }

  gid(row: number): number {
    return this.c.extras.get(row)?.gid ?? this.c.gids[row]!;
  }

  mtime(row: number): number {
    return this.c.mtimes[row]!;
  }

  linkTarget(row: number): string {
    return this.c.extras.get(row)?.linkTarget ?? '';
  }

  xattrs(row: number): TarEntry['xattrs'] {
    return this.c.extras.get(row)?.xattrs;
  }

  /** The row as the tar reader reported it; `path` saves decoding it when the caller knows it. */
  entry(row: number, path?: string): TarEntry {
    const c = this.c;
    const extra = c.extras.get(row);
    return {
      path: path ?? this.path(row),
      kind: KINDS[c.kinds[row]!]!,
      mode: extra?.mode ?? c.modes[row]!,
      uid: extra?.uid ?? c.uids[row]!,
      gid: extra?.gid ?? c.gids[row]!,
      size: c.sizes[row]!,
      mtime: c.mtimes[row]!,
      linkTarget: extra?.linkTarget ?? '',
      uname: c.owners[c.unames[row]!]!,
      gname: c.owners[c.gnames[row]!]!,
      devMajor: extra?.devMajor ?? 0,
      devMinor: extra?.devMinor ?? 0,
      xattrs: extra?.xattrs,
      dataOffset: c.dataOffsets[row]!,
      headerOffset: c.headerOffsets[row]!,
      realSize: extra?.realSize ?? c.sizes[row]!,
    };
  }

  /** The regular files that have content, as entries: the only rows a content pass looks at. */
  filesWithContent(): TarEntry[] {
    const files: TarEntry[] = [];
    const { kinds, sizes } = this.c;
    const file = KIND_CODE.get('file');
    for (let row = 0; row < this.c.count; row++) {
      if (kinds[row] === file && sizes[row]! > 0) files.push(this.entry(row));
    }
    return files;
  }

  *[Symbol.iterator](): Iterator<TarEntry> {
    for (let row = 0; row < this.c.count; row++) yield this.entry(row);
  }

  /** Every entry as an object (tests and small layers; a big layer is visited with the iterator). */
  toArray(): TarEntry[] {
    return [...this];
  }
}

function grow<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(array: T, need: number): T {
  if (need <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(need, array.length * 2));
  next.set(array);
  return next;
}

function isUint32(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= UINT32_MAX;
}

/** Appends entries as the tar reader reports them; `finish` trims the columns to size. */
export class EntryTableBuilder {
  private count = 0;
  private pathBytes = new Uint8Array(1024);
  private pathEnd = 0;
  private pathStarts = new Uint32Array(65);
  private kinds = new Uint8Array(64);
  private modes = new Uint16Array(64);
  private uids = new Uint32Array(64);
  private gids = new Uint32Array(64);
  private unames = new Uint32Array(64);
  private gnames = new Uint32Array(64);
  private sizes = new Float64Array(64);
  private mtimes = new Float64Array(64);
  private dataOffsets = new Float64Array(64);
  private headerOffsets = new Float64Array(64);
  private readonly owners: string[] = [];
  private readonly ownerIds = new Map<string, number>();
  private readonly extras = new Map<number, EntryExtras>();

  get length(): number {
    return this.count;
  }

  private owner(name: string): number {
    let id = this.ownerIds.get(name);
    if (id === undefined) {
      id = this.owners.length;
      this.owners.push(name);
      this.ownerIds.set(name, id);
    }
    return id;
  }

  add(entry: TarEntry): void {
    const row = this.count++;
    const need = this.count;
    this.kinds = grow(this.kinds, need);
    this.modes = grow(this.modes, need);
    this.uids = grow(this.uids, need);
    this.gids = grow(this.gids, need);
    this.unames = grow(this.unames, need);
    this.gnames = grow(this.gnames, need);
    this.sizes = grow(this.sizes, need);
    this.mtimes = grow(this.mtimes, need);
    this.dataOffsets = grow(this.dataOffsets, need);
    this.headerOffsets = grow(this.headerOffsets, need);
    this.pathStarts = grow(this.pathStarts, need + 1);
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
    this.pathBytes = grow(this.pathBytes, this.pathEnd + entry.path.length * 3);
    this.pathEnd += encoder.encodeInto(entry.path, this.pathBytes.subarray(this.pathEnd)).written;
    this.pathStarts[row + 1] = this.pathEnd;
    const extra: EntryExtras = {};
    this.kinds[row] = KIND_CODE.get(entry.kind) ?? KIND_CODE.get('other')!;
    if (entry.mode >= 0 && entry.mode <= 0xffff && Number.isInteger(entry.mode)) this.modes[row] = entry.mode;
    else extra.mode = entry.mode;
    this.unames[row] = this.owner(entry.uname);
    this.gnames[row] = this.owner(entry.gname);
    this.sizes[row] = entry.size;
    this.mtimes[row] = entry.mtime;
    this.dataOffsets[row] = entry.dataOffset;
    this.headerOffsets[row] = entry.headerOffset;
    if (entry.linkTarget !== '') extra.linkTarget = entry.linkTarget;
    if (entry.devMajor !== 0) extra.devMajor = entry.devMajor;
    if (entry.devMinor !== 0) extra.devMinor = entry.devMinor;
    if (entry.xattrs !== undefined) extra.xattrs = entry.xattrs;
    if (entry.realSize !== entry.size) extra.realSize = entry.realSize;
    if (isUint32(entry.uid)) this.uids[row] = entry.uid;
    else extra.uid = entry.uid;
    if (isUint32(entry.gid)) this.gids[row] = entry.gid;
    else extra.gid = entry.gid;
    for (const _ in extra) {
      this.extras.set(row, extra);
      break;
    }
  }

  finish(): EntryTable {
    const n = this.count;
    return EntryTable.fromColumns({
      count: n,
      pathBytes: this.pathBytes.slice(0, this.pathEnd),
      pathStarts: this.pathStarts.slice(0, n + 1),
      kinds: this.kinds.slice(0, n),
      modes: this.modes.slice(0, n),
      uids: this.uids.slice(0, n),
      gids: this.gids.slice(0, n),
      owners: this.owners,
      unames: this.unames.slice(0, n),
      gnames: this.gnames.slice(0, n),
      sizes: this.sizes.slice(0, n),
      mtimes: this.mtimes.slice(0, n),
      dataOffsets: this.dataOffsets.slice(0, n),
      headerOffsets: this.headerOffsets.slice(0, n),
      extras: this.extras,
    });
  }
}

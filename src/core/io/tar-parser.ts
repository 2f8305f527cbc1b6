// Hand-written: no maintained JS tar reader streams push-mode chunks by offset and keeps going past the end marker.
/**
 * A push-mode streaming tar parser: feed it chunks of any size (7 bytes or 8 MiB), it reports each entry with
 * its offsets and, when asked, the entry's content. It never holds more than one header block and one PAX/GNU
 * long-name body. The end marker (two zero blocks) stops the listing, but the caller keeps feeding (and
 * hashing) to the end: estargz puts its TOC after the marker (docs/archive-formats.md#end-of-archive).
 */
import type { EntryKind, TarEntry } from '../model/tar-entry';
import {
  BLOCK,
  checksumMatches,
  cString,
  decodeName,
  headerFormat,
  isZeroBlock,
  readNumber,
} from './tar-header';
import { normalizeTarPath } from '../model/path';
import { PaxState } from './pax-records';
import { PaxValues } from './pax-values';
import { TarFormatError } from './tar-format-error';

export { TarFormatError };

export interface TarSink {
  /** Called for every entry; return true to receive its content through onData. */
  onEntry(entry: TarEntry): boolean;
  onData?(entry: TarEntry, chunk: Uint8Array): void;
  onEntryEnd?(entry: TarEntry): void;
  /**
   * Names that were unsafe ("../x") or invalid and were neutralized; `escaped` tells which name became which
   * path, so a caller can name its sentence.
   */
  onWarning?(message: string, escaped?: { readonly name: string; readonly path: string }): void;
}

/** Meta bodies (PAX, GNU long names) above this are hostile, not real. */
const MAX_META_BODY = 8 * 1024 * 1024;
/**
 * Names and link targets longer than this are hostile: Linux's PATH_MAX is 4096, and every
 * ancestor of a path is kept, so the cost of a name grows with the square of its length.
 */
export const MAX_NAME_LENGTH = 65_536;

type Meta = 'pax' | 'global' | 'longname' | 'longlink';

/** GNU sparse headers: whether an extension block follows the header, and follows an extension block. */
const GNU_IS_EXTENDED = 482;
const GNU_EXTENSION_IS_EXTENDED = 504;

export class TarParser {
  /** Bytes consumed so far (offset in the uncompressed stream). */
  position = 0;
  /** True once the two-zero-block end marker (or a clean end) was seen. */
  ended = false;
  entryCount = 0;
  private readonly header = new Uint8Array(BLOCK);
  private headerFill = 0;
  private zeroBlocks = 0;
  private skip = 0;
  private dataLeft = 0;
  private padLeft = 0;
  private current: TarEntry | undefined;
  private capture = false;
  private meta: Meta | undefined;
  private metaBody: Uint8Array | undefined;
  private metaFill = 0;
  /** Offset of the meta header whose body is being read, for the sentence when it is malformed. */
  private metaOffset = 0;
  private readonly pax = new PaxState();
  private longName: string | undefined;
  private longLink: string | undefined;
  /** An old GNU sparse (`S`) header waiting for the extension blocks that continue its map. */
  private sparse: { readonly block: Uint8Array; readonly size: number; readonly offset: number } | undefined;
  /** Offset of the first PAX/GNU meta header that belongs to the next entry. */
  private metaStart: number | undefined;

  /** User and group names repeat on every entry ("root"): one string each, not one per entry. */
  private readonly ownerNames = new Map<string, string>();

  constructor(private readonly sink: TarSink) {}

  private ownerName(name: string): string {
    const known = this.ownerNames.get(name);
    if (known !== undefined) return known;
    // A hostile layer may name a new owner on every entry: those stay separate strings.
    if (this.ownerNames.size < 1024) this.ownerNames.set(name, name);
    return name;
  }

  push(chunk: Uint8Array): void {
    let pos = 0;
    const n = chunk.length;
    while (pos < n && !this.ended) {
      if (this.dataLeft > 0) {
        const take = Math.min(this.dataLeft, n - pos);
        const piece = chunk.subarray(pos, pos + take);
        if (this.meta) this.appendMeta(piece);
        else if (this.capture && this.current) this.sink.onData?.(this.current, piece);
        this.dataLeft -= take;
        pos += take;
        this.position += take;
        if (this.dataLeft === 0) this.finishData();
        continue;
      }
      if (this.padLeft > 0) {
        const take = Math.min(this.padLeft, n - pos);
        this.padLeft -= take;
        pos += take;
        this.position += take;
        continue;
      }
      const take = Math.min(BLOCK - this.headerFill, n - pos);
      this.header.set(chunk.subarray(pos, pos + take), this.headerFill);
      this.headerFill += take;
      pos += take;
      this.position += take;
      if (this.headerFill === BLOCK) {
        this.headerFill = 0;
        this.readHeader(this.position - BLOCK);
      }
    }
  }

  /**
   * Skip the rest of the current entry's content without reading it (ranged reads of the outer
   * archive jump over layer blobs). Returns how many bytes the caller must skip in its source.
   */
  skipRemaining(): number {
    if (this.meta || this.capture) return 0;
    const skipped = this.dataLeft + this.padLeft;
    this.position += skipped;
    this.dataLeft = 0;
    this.padLeft = 0;
    if (skipped > 0) this.finishData();
    return skipped;
  }

  /** The stream ended; throws when it ended inside an entry. */
  end(): void {
    if (this.ended) return;
    if (this.dataLeft > 0 || this.headerFill > 0 || this.sparse) {
      const where = this.current ? ` inside ${this.current.path}` : '';
      throw new TarFormatError(`The tar data ends early${where}, at byte ${this.position}.`, this.position);
    }
    // A tar without the end marker (some writers stop after the last entry) is still complete.
    this.ended = true;
  }

  private readHeader(offset: number): void {
    const block = this.header;
    if (this.sparse) {
      this.readSparseExtension(block, offset);
      return;
    }
    if (isZeroBlock(block)) {
      this.zeroBlocks++;
      this.ended = this.zeroBlocks >= 2;
      return;
    }
    // One lone zero block between entries is not an end marker; GNU tar reads past it too.
    this.zeroBlocks = 0;
    if (!checksumMatches(block)) {
      throw new TarFormatError(
        this.entryCount === 0 && offset === 0
          ? 'This is not a tar archive (the first header has no valid checksum).'
          : `The tar header at byte ${offset} is corrupt (bad checksum).`,
        offset,
        'bad-checksum',
      );
    }
    const type = String.fromCharCode(block[156] ?? 0);
    const size = readNumber(block, 124, 12);
    if (!Number.isFinite(size) || size < 0) {
      throw new TarFormatError(`The tar header at byte ${offset} has an invalid size.`, offset, 'bad-size');
    }
    const metaKind: Meta | undefined =
      type === 'x' || type === 'X'
        ? 'pax'
        : type === 'g'
          ? 'global'
          : type === 'L'
            ? 'longname'
            : type === 'K'
              ? 'longlink'
              : undefined;
    if (metaKind) {
      if (size > MAX_META_BODY) {
        throw new TarFormatError(
          `The tar extended header at byte ${offset} claims ${size} bytes; that is not a real header.`,
          offset,
        );
      }
      this.meta = metaKind;
      this.metaOffset = offset;
      this.metaBody = new Uint8Array(size);
      this.metaFill = 0;
      this.startData(size);
      return;
    }
    if (type === 'S' && block[GNU_IS_EXTENDED] !== 0) {
      this.sparse = { block: block.slice(), size, offset };
      return;
    }
    this.emitEntry(block, type, size, offset, offset + BLOCK);
  }

  /**
   * A GNU sparse header holds four map entries; more follow in extension blocks (21 entries each, byte 504 says
   * whether another follows) between the header and the data. The data, already compacted, starts after them.
   * The map itself is not needed: the entry's real size is in the header.
   */
  private readSparseExtension(block: Uint8Array, offset: number): void {
    const sparse = this.sparse;
    if (!sparse || block[GNU_EXTENSION_IS_EXTENDED] !== 0) return;
    this.sparse = undefined;
    this.emitEntry(sparse.block, 'S', sparse.size, sparse.offset, offset + BLOCK);
  }

  private emitEntry(
    block: Uint8Array,
    type: string,
    storedSize: number,
    headerOffset: number,
    dataOffset: number,
  ): void {
    const format = headerFormat(block);
    const pax = new PaxValues(this.pax.takeForEntry(), headerOffset);
    let name = cString(block, 0, 100);
    // USTAR prefix; in GNU headers bytes 345+ hold atime/ctime/sparse data and are never a prefix.
    if (format === 'ustar') {
      const prefix = cString(block, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    if (this.longName !== undefined) name = this.longName;
    name = pax.nonEmpty('GNU.sparse.name') ?? pax.nonEmpty('path') ?? name;
    const linkTarget = pax.nonEmpty('linkpath') ?? this.longLink ?? cString(block, 157, 100);

    const kind = entryKind(type, name);
    const size = pax.integer('size') ?? storedSize;
    // GNU sparse: the old `S` type keeps the real size at 483, PAX sparse 0.x and 1.0 in these records.
    const realSize =
      pax.integer('GNU.sparse.realsize') ??
      pax.integer('GNU.sparse.size') ??
      (type === 'S' ? numberOr0(readNumber(block, 483, 12)) : size);

    if (name.length > MAX_NAME_LENGTH || linkTarget.length > MAX_NAME_LENGTH) {
      throw new TarFormatError(
        `The tar entry at byte ${headerOffset} has a name or link target of ${Math.max(name.length, linkTarget.length)} characters; strata reads up to ${MAX_NAME_LENGTH} (Linux allows 4096).`,
        headerOffset,
      );
    }
    const { path, escaped } = normalizeTarPath(name);
    if (escaped)
      this.sink.onWarning?.(
        `The entry name "${name}" tries to leave the root; it was kept inside as ${path}.`,
        { name, path },
      );
    const xattrs = pax.xattrs();
    const entry: TarEntry = {
      path,
      kind,
      mode: readNumber(block, 100, 8) & 0o7777,
      uid: pax.integer('uid') ?? numberOr0(readNumber(block, 108, 8)),
      gid: pax.integer('gid') ?? numberOr0(readNumber(block, 116, 8)),
      size: kind === 'file' ? size : 0,
      mtime: pax.time('mtime') ?? numberOr0(readNumber(block, 136, 12)),
      linkTarget:
        kind === 'hardlink' ? normalizeTarPath(linkTarget).path : kind === 'symlink' ? linkTarget : '',
      uname: this.ownerName(pax.string('uname') ?? cString(block, 265, 32)),
      gname: this.ownerName(pax.string('gname') ?? cString(block, 297, 32)),
      devMajor: kind === 'char' || kind === 'block' ? numberOr0(readNumber(block, 329, 8)) : 0,
      devMinor: kind === 'char' || kind === 'block' ? numberOr0(readNumber(block, 337, 8)) : 0,
      xattrs,
      dataOffset,
      headerOffset: this.metaStart ?? headerOffset,
      realSize: kind === 'file' ? realSize : 0,
    };
    this.longName = undefined;
    this.longLink = undefined;
    this.metaStart = undefined;
    this.entryCount++;
    this.current = entry;
    this.capture = this.sink.onEntry(entry);
    // Links, directories, devices and FIFOs are header-only whatever their size field says (as Go's
    // archive/tar reads them, which wrote most layers).
    this.startData(HEADER_ONLY.has(kind) ? 0 : size);
  }

  private startData(size: number): void {
    if (this.meta && this.metaStart === undefined) this.metaStart = this.position - BLOCK;
    this.dataLeft = size;
    this.padLeft = (BLOCK - (size % BLOCK)) % BLOCK;
    if (size === 0) this.finishData();
  }

  private appendMeta(piece: Uint8Array): void {
    this.metaBody?.set(piece, this.metaFill);
    this.metaFill += piece.length;
  }

  private finishData(): void {
    if (this.meta) {
      const body = this.metaBody ?? new Uint8Array(0);
      if (this.meta === 'pax') this.pax.addLocal(body, this.metaOffset);
      else if (this.meta === 'global') this.pax.addGlobal(body, this.metaOffset);
      else {
        let end = body.indexOf(0);
        if (end < 0) end = body.length;
        const text = decodeName(body.subarray(0, end));
        if (this.meta === 'longname') this.longName = text;
        else this.longLink = text;
      }
      this.meta = undefined;
      this.metaBody = undefined;
      return;
    }
    if (this.current) {
      if (this.capture) this.sink.onEntryEnd?.(this.current);
      this.current = undefined;
      this.capture = false;
    }
  }
}

function entryKind(type: string, name: string): EntryKind {
  switch (type) {
    case '0':
    case '\u0000':
    case '7':
    case 'S':
      // V7 archives mark directories only by the trailing slash.
      return name.endsWith('/') && type !== 'S' ? 'dir' : 'file';
    case '1':
      return 'hardlink';
    case '2':
      return 'symlink';
    case '3':
      return 'char';
    case '4':
      return 'block';
    case '5':
    case 'D':
      return 'dir';
    case '6':
      return 'fifo';
    default:
      return 'other';
  }
}

const HEADER_ONLY = new Set<EntryKind>(['dir', 'symlink', 'hardlink', 'char', 'block', 'fifo']);

function numberOr0(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

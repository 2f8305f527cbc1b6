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
  parsePax,
  paxString,
  readNumber,
} from './tar-header';
import { normalizeTarPath } from '../model/path';

export class TarFormatError extends Error {
  override name = 'TarFormatError';
  constructor(
    message: string,
    readonly offset: number,
    /** Which of the common faults this is, so a caller can name its sentence; absent for the rare ones. */
    readonly fault?: 'bad-checksum' | 'bad-size',
  ) {
    super(message);
  }
}

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
  private pax = new Map<string, Uint8Array>();
  private globalPax = new Map<string, Uint8Array>();
  private longName: string | undefined;
  private longLink: string | undefined;
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
    if (this.dataLeft > 0 || this.headerFill > 0) {
      const where = this.current ? ` inside ${this.current.path}` : '';
      throw new TarFormatError(`The tar data ends early${where}, at byte ${this.position}.`, this.position);
    }
    // A tar without the end marker (some writers stop after the last entry) is still complete.
    this.ended = true;
  }

  private readHeader(offset: number): void {
    const block = this.header;
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
      this.metaBody = new Uint8Array(size);
      this.metaFill = 0;
      this.startData(size);
      return;
    }
    this.emitEntry(block, type, size, offset);
  }

  private emitEntry(block: Uint8Array, type: string, storedSize: number, headerOffset: number): void {
    const format = headerFormat(block);
    const pax = new Map([...this.globalPax, ...this.pax]);
    let name = cString(block, 0, 100);
    // USTAR prefix; in GNU headers bytes 345+ hold atime/ctime/sparse data and are never a prefix.
    if (format === 'ustar') {
      const prefix = cString(block, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    if (this.longName !== undefined) name = this.longName;
    const paxPath = paxString(pax.get('path'));
    if (paxPath !== undefined && paxPath !== '') name = paxPath;
    const sparseName = paxString(pax.get('GNU.sparse.name'));
    if (sparseName) name = sparseName;
    let linkTarget = this.longLink ?? cString(block, 157, 100);
    const paxLink = paxString(pax.get('linkpath'));
    if (paxLink !== undefined && paxLink !== '') linkTarget = paxLink;

    const kind = entryKind(type, name);
    let size = storedSize;
    const paxSize = paxInteger(pax, 'size', headerOffset);
    if (paxSize !== undefined) size = paxSize;
    let realSize = size;
    if (type === 'S') realSize = numberOr0(readNumber(block, 483, 12));
    const paxReal =
      paxInteger(pax, 'GNU.sparse.realsize', headerOffset) ??
      paxInteger(pax, 'GNU.sparse.size', headerOffset);
    if (paxReal !== undefined) realSize = paxReal;

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
    const xattrs = readXattrs(pax);
    const entry: TarEntry = {
      path,
      kind,
      mode: readNumber(block, 100, 8) & 0o7777,
      uid: paxInteger(pax, 'uid', headerOffset) ?? numberOr0(readNumber(block, 108, 8)),
      gid: paxInteger(pax, 'gid', headerOffset) ?? numberOr0(readNumber(block, 116, 8)),
      size: kind === 'file' ? size : 0,
      mtime: paxTime(pax, 'mtime') ?? numberOr0(readNumber(block, 136, 12)),
      linkTarget:
        kind === 'hardlink' ? normalizeTarPath(linkTarget).path : kind === 'symlink' ? linkTarget : '',
      uname: this.ownerName(paxString(pax.get('uname')) ?? cString(block, 265, 32)),
      gname: this.ownerName(paxString(pax.get('gname')) ?? cString(block, 297, 32)),
      devMajor: kind === 'char' || kind === 'block' ? numberOr0(readNumber(block, 329, 8)) : 0,
      devMinor: kind === 'char' || kind === 'block' ? numberOr0(readNumber(block, 337, 8)) : 0,
      xattrs,
      dataOffset: headerOffset + BLOCK,
      headerOffset: this.metaStart ?? headerOffset,
      realSize: kind === 'file' ? realSize : 0,
    };
    this.pax = new Map();
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
      if (this.meta === 'pax') for (const [k, v] of parsePax(body)) this.pax.set(k, v);
      else if (this.meta === 'global') {
        for (const [k, v] of parsePax(body)) {
          if (v.length === 0) this.globalPax.delete(k);
          else this.globalPax.set(k, v);
        }
      } else {
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

/** PAX times are decimal seconds with an optional fraction (POSIX pax "Extended Header Keywords"). */
const PAX_TIME = /^-?\d{1,20}(\.\d{1,18})?$/;
/** PAX sizes and ids are decimal integers, nothing else (no "1e3", "0x10", "2047.5"). */
const PAX_INTEGER = /^\d{1,16}$/;

/** A PAX time, or undefined when absent or not a time (the header's own field is used then). */
function paxTime(pax: Map<string, Uint8Array>, key: string): number | undefined {
  const text = paxString(pax.get(key));
  return text !== undefined && PAX_TIME.test(text) ? Number(text) : undefined;
}

/**
 * A PAX size or id. Anything but a safe decimal integer makes the entry unreadable: a wrong size
 * would misplace every header after it.
 */
function paxInteger(pax: Map<string, Uint8Array>, key: string, offset: number): number | undefined {
  const text = paxString(pax.get(key));
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!PAX_INTEGER.test(text) || !Number.isSafeInteger(n)) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw new TarFormatError(
      `The tar entry at byte ${offset} has a PAX ${key} of "${shown}", which is not a whole number.`,
      offset,
    );
  }
  return n;
}

function readXattrs(pax: Map<string, Uint8Array>): Record<string, Uint8Array> | undefined {
  let out: Record<string, Uint8Array> | undefined;
  for (const [key, value] of pax) {
    if (key.startsWith('SCHILY.xattr.')) {
      out ??= {};
      out[key.slice('SCHILY.xattr.'.length)] = value;
    } else if (key.startsWith('LIBARCHIVE.xattr.')) {
      out ??= {};
      out[decodeXattrName(key.slice('LIBARCHIVE.xattr.'.length))] = base64Decode(paxString(value) ?? '');
    }
  }
  return out;
}

/** libarchive percent-encodes xattr names; a malformed escape is kept as written. */
function decodeXattrName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Decode(text: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of text) {
    const v = B64.indexOf(ch);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

// Hand-written: no JS library reads Berkeley DB files; rpm's Packages needs only the hash pages' values.
/**
 * The values of a Berkeley DB hash database, read without libdb (db_page.h; go-rpmdb pkg/bdb), as rpm
 * on RHEL/CentOS 5-8 and Amazon Linux 2 keeps `Packages`: key = header instance (u32 in the writer's
 * byte order), value = header blob.
 *
 * The byte order of every integer is the writer's: the meta page's magic 0x00061561 read the other way
 * round means the file is big-endian. Values live inline on the hash page (H_KEYDATA) or on a chain of
 * overflow pages (H_OFFPAGE); go-rpmdb reads only the latter, but with 64 KiB pages rpm headers fit
 * inline, so both are handled.
 */
import { packageError } from './package-sentences';

const HASH_MAGIC = 0x00061561;
const PAGE_HEADER = 26;
const P_HASH_UNSORTED = 2;
const P_OVERFLOW = 7;
const P_HASH = 13;
const H_KEYDATA = 1;
const H_OFFPAGE = 3;

export function isBerkeleyHash(bytes: Uint8Array): boolean {
  if (bytes.length < 26) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (
    (view.getUint32(12, true) === HASH_MAGIC || view.getUint32(12, false) === HASH_MAGIC) && bytes[25] === 8
  );
}

export interface BdbRecord {
  readonly key: Uint8Array;
  readonly value: Uint8Array;
}

export function readBerkeleyHash(bytes: Uint8Array): BdbRecord[] | Error {
  if (bytes.length < 512) return packageError('bdb-short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = view.getUint32(12, true) === HASH_MAGIC;
  if (!le && view.getUint32(12, false) !== HASH_MAGIC) {
    return packageError('bdb-no-magic');
  }
  if (bytes[24] !== 0) return packageError('bdb-encrypted');
  const pageSize = view.getUint32(20, le);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    return packageError('bdb-page-size', { size: pageSize });
  }
  const lastPage = Math.min(view.getUint32(32, le), Math.floor(bytes.length / pageSize) - 1);
  const records: BdbRecord[] = [];
  for (let pgno = 1; pgno <= lastPage; pgno++) {
    const page = pgno * pageSize;
    const type = bytes[page + 25];
    if (type !== P_HASH && type !== P_HASH_UNSORTED) continue;
    const entries = view.getUint16(page + 20, le);
    const offsets: number[] = [];
    for (let i = 0; i < entries; i++) offsets.push(view.getUint16(page + PAGE_HEADER + 2 * i, le));
    // Items alternate key, data; an item ends where the previous one (stored higher up) starts.
    for (let i = 0; i + 1 < entries; i += 2) {
      const key = item(bytes, view, le, page, pageSize, offsets, i);
      const value = item(bytes, view, le, page, pageSize, offsets, i + 1);
      if (key instanceof Error) return key;
      if (value instanceof Error) return value;
      if (key !== undefined && value !== undefined) records.push({ key, value });
    }
  }
  return records;
}

function item(
  bytes: Uint8Array,
  view: DataView,
  le: boolean,
  page: number,
  pageSize: number,
  offsets: readonly number[],
  index: number,
): Uint8Array | Error | undefined {
  const start = offsets[index] ?? 0;
  const end = index === 0 ? pageSize : (offsets[index - 1] ?? pageSize);
  if (start < PAGE_HEADER || end > pageSize || start >= end) return undefined;
  const at = page + start;
  switch (bytes[at]) {
    case H_KEYDATA:
      return bytes.subarray(at + 1, page + end);
    case H_OFFPAGE:
      return readOverflow(bytes, view, le, pageSize, view.getUint32(at + 4, le), view.getUint32(at + 8, le));
    default:
      return undefined;
  }
}

/** An overflow chain: each page holds `hf_offset` bytes after its header, linked by next_pgno. */
function readOverflow(
  bytes: Uint8Array,
  view: DataView,
  le: boolean,
  pageSize: number,
  first: number,
  total: number,
): Uint8Array | Error {
  // A chain cannot hold more than the file: a larger length is a damaged (or hostile) item.
  if (total > bytes.length) {
    return packageError('bdb-item-too-large', { page: first, total });
  }
  const out = new Uint8Array(total);
  let filled = 0;
  let pgno = first;
  const seen = new Set<number>();
  while (filled < total) {
    const page = pgno * pageSize;
    if (pgno === 0 || seen.has(pgno) || page + pageSize > bytes.length || bytes[page + 25] !== P_OVERFLOW) {
      return packageError('bdb-overflow-broken', { page: first, at: pgno });
    }
    seen.add(pgno);
    const length = Math.min(view.getUint16(page + 22, le), total - filled);
    out.set(bytes.subarray(page + PAGE_HEADER, page + PAGE_HEADER + length), filled);
    filled += length;
    pgno = view.getUint32(page + 16, le);
  }
  return out;
}

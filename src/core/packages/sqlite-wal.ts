/**
 * Folds an SQLite write-ahead log into the database image (https://sqlite.org/fileformat2.html, section 4),
 * because sql.js opens one in-memory file and cannot read a `-wal` beside it, yet rpm leaves
 * committed transactions in `rpmdb.sqlite-wal` until the next checkpoint.
 *
 * WAL: 32-byte header {magic, version, page size, checkpoint seq, salt1, salt2, checksum1, checksum2}
 * (big-endian), then frames of a 24-byte header {page number, database size after commit (0 unless a
 * commit frame), salt1, salt2, checksum1, checksum2} and one page. A frame counts only if its salts
 * match the header and the running checksum holds; only frames up to the last commit frame count;
 * the last such frame of a page wins.
 */
import { packageError } from './package-sentences';
const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

export interface WalResult {
  /** The database with the committed frames applied (the input itself when nothing applied). */
  readonly database: Uint8Array;
  readonly framesApplied: number;
}

export function applySqliteWal(database: Uint8Array, wal: Uint8Array): WalResult | Error {
  if (wal.length < WAL_HEADER) return { database, framesApplied: 0 };
  const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
  const magic = view.getUint32(0);
  if (magic !== MAGIC_LE && magic !== MAGIC_BE) {
    return packageError('wal-no-magic');
  }
  const pageSize = view.getUint32(8);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    return packageError('wal-page-size', { size: pageSize });
  }
  const bigEndianSums = magic === MAGIC_BE;
  let sums = checksum(wal, 0, 24, bigEndianSums, [0, 0]);
  if (sums[0] !== view.getUint32(24) || sums[1] !== view.getUint32(28)) {
    // A header that fails its checksum means the log is empty to SQLite (walIndexRecover).
    return { database, framesApplied: 0 };
  }
  const salt1 = view.getUint32(16);
  const salt2 = view.getUint32(20);
  const pending = new Map<number, number>();
  const committed = new Map<number, number>();
  let committedSize = 0;
  for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
    if (view.getUint32(at + 8) !== salt1 || view.getUint32(at + 12) !== salt2) break;
    sums = checksum(wal, at, 8, bigEndianSums, sums);
    sums = checksum(wal, at + FRAME_HEADER, pageSize, bigEndianSums, sums);
    if (sums[0] !== view.getUint32(at + 16) || sums[1] !== view.getUint32(at + 20)) break;
    pending.set(view.getUint32(at), at + FRAME_HEADER);
    const sizeAfterCommit = view.getUint32(at + 4);
    if (sizeAfterCommit !== 0) {
      for (const [page, offset] of pending) committed.set(page, offset);
      pending.clear();
      committedSize = sizeAfterCommit;
    }
  }
  if (committed.size === 0) return { database, framesApplied: 0 };
  // Every page comes from the database or a frame: a larger size is a damaged (or hostile) WAL.
  if (committedSize * pageSize > database.length + wal.length) {
    return packageError('wal-too-many-pages', { pages: committedSize });
  }
  const out = new Uint8Array(committedSize * pageSize);
  out.set(database.subarray(0, Math.min(database.length, out.length)));
  for (const [page, offset] of committed) {
    if (page >= 1 && page <= committedSize)
      out.set(wal.subarray(offset, offset + pageSize), (page - 1) * pageSize);
  }
  // File format versions 2/2 mean "WAL mode"; 1/1 lets the single in-memory file open on its own.
  out[18] = 1;
  out[19] = 1;
  return { database: out, framesApplied: committed.size };
}

/** SQLite's WAL checksum over 32-bit words (walChecksumBytes), continuing from `start`. */
function checksum(
  bytes: Uint8Array,
  offset: number,
  length: number,
  bigEndian: boolean,
  start: readonly [number, number],
): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, length);
  let [s0, s1] = start;
  for (let i = 0; i < length; i += 8) {
    s0 = (s0 + view.getUint32(i, !bigEndian) + s1) >>> 0;
    s1 = (s1 + view.getUint32(i + 4, !bigEndian) + s0) >>> 0;
  }
  return [s0, s1];
}

// Hand-written: no JS library reads rpm's ndb backend; its slot and blob layout is small and fixed.
/**
 * rpm's ndb backend `Packages.db` (SLE 15, BCI, openSUSE; rpm lib/backend/ndb/rpmpkg.c, go-rpmdb
 * pkg/ndb), little-endian. The slot table fills `slotnpages` × 4096 bytes from offset 0 (its first two
 * slots overlap the 32-byte file header); each used slot points at a blob of 16-byte blocks:
 * 'BlbS', pkgidx, generation, bloblen, then the header blob.
 */
import { packageError } from './package-sentences';
const PAGE = 4096;
const SLOT = 16;
const BLOCK = 16;
const BLOB_HEAD = 16;
const MAGIC_FILE = 0x506d7052; // 'RpmP'
const MAGIC_SLOT = 0x746f6c53; // 'Slot'
const MAGIC_BLOB = 0x53626c42; // 'BlbS'

export function isNdb(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 32 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === MAGIC_FILE
  );
}

export interface NdbBlob {
  readonly pkgIndex: number;
  readonly blob: Uint8Array;
}

export function readNdb(bytes: Uint8Array): NdbBlob[] | Error {
  if (!isNdb(bytes)) return packageError('ndb-no-magic');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== 0) return packageError('ndb-version', { version });
  const slotEnd = Math.min(view.getUint32(12, true) * PAGE, bytes.length);
  const blobs: NdbBlob[] = [];
  // The first two slots are the file header (rpmpkg.c: SLOT_START 2).
  for (let at = 2 * SLOT; at + SLOT <= slotEnd; at += SLOT) {
    if (view.getUint32(at, true) !== MAGIC_SLOT) continue;
    const pkgIndex = view.getUint32(at + 4, true);
    if (pkgIndex === 0) continue;
    const start = view.getUint32(at + 8, true) * BLOCK;
    if (start + BLOB_HEAD > bytes.length) {
      return packageError('ndb-slot-past-end', { n: pkgIndex });
    }
    if (view.getUint32(start, true) !== MAGIC_BLOB || view.getUint32(start + 4, true) !== pkgIndex) {
      return packageError('ndb-blob-header', { n: pkgIndex });
    }
    const length = view.getUint32(start + 12, true);
    if (start + BLOB_HEAD + length > bytes.length) {
      return packageError('ndb-blob-past-end', { n: pkgIndex });
    }
    blobs.push({ pkgIndex, blob: bytes.subarray(start + BLOB_HEAD, start + BLOB_HEAD + length) });
  }
  return blobs;
}

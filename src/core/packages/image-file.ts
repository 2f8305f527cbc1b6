/** Whole-file reads through ImageFs, for the package databases (which are parsed as a whole). */
import type { ImageFs } from '../model/image-fs';
import { PackageDbError, packageSaid } from './package-sentences';

/**
 * The most bytes one whole-file read keeps (docs/limits.md). The largest package databases of real
 * images are a few hundred MiB (a Fedora rpmdb.sqlite with thousands of packages ~200 MiB).
 */
export const MAX_WHOLE_FILE_BYTES = 1024 * 1024 * 1024;

/** A file too large to read whole: its sentence names the path and the limit (kept as data for the page). */
export class ImageFileTooLargeError extends PackageDbError {
  override name = 'ImageFileTooLargeError';
  constructor(
    readonly path: string,
    readonly limit: number,
  ) {
    super(packageSaid('too-large', { path, limit: limit.toLocaleString('en') }));
  }
}

/**
 * The file's bytes, read in the pieces the reader returns. The declared size is never allocated up
 * front: a sparse entry may declare terabytes over a few stored bytes, and its reads end at what the
 * layer holds. Pieces are joined once, when the reads are done.
 */
export async function readImageFile(
  fs: ImageFs,
  path: string,
  limit = MAX_WHOLE_FILE_BYTES,
): Promise<Uint8Array | undefined> {
  const real = await fs.realpath(path);
  if (real === undefined) return undefined;
  const node = await fs.lstat(real);
  if (node?.kind !== 'file') return undefined;
  const pieces: Uint8Array[] = [];
  let filled = 0;
  // ImageFs.read may return less than asked (a layer reader that serves bounded chunks): keep reading.
  while (filled < node.size) {
    const want = Math.min(node.size - filled, limit + 1 - filled);
    const piece = await fs.read(real, filled, want);
    if (piece === undefined) return filled === 0 ? undefined : join(pieces, filled);
    if (piece.length === 0) break;
    pieces.push(piece);
    filled += piece.length;
    if (filled > limit) {
      throw new ImageFileTooLargeError(path, limit);
    }
  }
  return join(pieces, filled);
}

function join(pieces: readonly Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const whole = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    whole.set(piece, at);
    at += piece.length;
  }
  return whole;
}
/** The first bytes of a file, enough for its magic. */
export async function readImageFileHead(
  fs: ImageFs,
  path: string,
  length: number,
): Promise<Uint8Array | undefined> {
  const real = await fs.realpath(path);
  if (real === undefined) return undefined;
  const node = await fs.lstat(real);
  if (node?.kind !== 'file') return undefined;
  return fs.read(real, 0, Math.min(length, node.size));
}

const utf8 = new TextDecoder('utf-8');

export async function readImageText(fs: ImageFs, path: string): Promise<string | undefined> {
  const bytes = await readImageFile(fs, path);
  return bytes === undefined ? undefined : utf8.decode(bytes);
}

/** Whole-file reads through ImageFs, for the package databases (which are parsed as a whole). */
import type { ImageFs } from '../model/image-fs';

export async function readImageFile(fs: ImageFs, path: string): Promise<Uint8Array | undefined> {
  const real = await fs.realpath(path);
  if (real === undefined) return undefined;
  const node = await fs.lstat(real);
  if (node?.kind !== 'file') return undefined;
  if (node.size === 0) return new Uint8Array(0);
  return fs.read(real, 0, node.size);
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

/** Whole-file reads through ImageFs, for the package databases (which are parsed as a whole). */
import type { ImageFs } from '../model/image-fs';

export async function readImageFile(fs: ImageFs, path: string): Promise<Uint8Array | undefined> {
  const real = await fs.realpath(path);
  if (real === undefined) return undefined;
  const node = await fs.lstat(real);
  if (node?.kind !== 'file') return undefined;
  const first = await fs.read(real, 0, node.size);
  if (first === undefined || first.length >= node.size) return first;
  // ImageFs.read may return less than asked (a layer reader that serves bounded chunks): keep reading.
  const whole = new Uint8Array(node.size);
  whole.set(first);
  let filled = first.length;
  while (filled < node.size) {
    const more = await fs.read(real, filled, node.size - filled);
    if (more === undefined || more.length === 0) return whole.subarray(0, filled);
    whole.set(more, filled);
    filled += more.length;
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

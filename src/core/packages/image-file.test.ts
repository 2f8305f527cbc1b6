import { describe, expect, it } from 'vitest';
import type { ImageFs } from '../model/image-fs';
import { ImageFileTooLargeError, readImageFile, readImageText } from './image-file';
import { createMemoryImageFs } from '../testing/memory-image-fs';

/** An ImageFs whose reads return at most 7 bytes, as a chunked layer reader may. */
function chunky(fs: ImageFs): ImageFs {
  return { ...fs, read: (path, offset, length) => fs.read(path, offset, Math.min(length, 7)) };
}

describe('whole-file reads through ImageFs', () => {
  const fs = createMemoryImageFs([
    { path: '/var/lib/dpkg/status', kind: 'file', content: 'Package: a\nStatus: install ok installed\n' },
    { path: '/etc/link', kind: 'symlink', linkTarget: '../var/lib/dpkg/status' },
  ]);

  it('keeps reading when a read returns fewer bytes than asked, and follows symlinks', async () => {
    expect(await readImageText(chunky(fs), '/etc/link')).toBe('Package: a\nStatus: install ok installed\n');
  });

  it('gives undefined for a directory or a missing path, and empty bytes for an empty file', async () => {
    expect(await readImageFile(fs, '/var/lib')).toBeUndefined();
    expect(await readImageFile(fs, '/nope')).toBeUndefined();
    const empty = createMemoryImageFs([{ path: '/e', kind: 'file', content: '' }]);
    expect(await readImageFile(empty, '/e')).toEqual(new Uint8Array(0));
  });

  it('reads what a sparse entry stores, never allocating the size it declares', async () => {
    // A GNU sparse entry may declare a petabyte over 9 stored bytes: the reader ends at the stored ones.
    const sparse = createMemoryImageFs([{ path: '/db', kind: 'file', content: 'rpm bytes', size: 2 ** 50 }]);
    expect(new TextDecoder().decode(await readImageFile(chunky(sparse), '/db'))).toBe('rpm bytes');
  });

  it('refuses a file whose real bytes pass the limit, with a sentence naming it', async () => {
    const big = createMemoryImageFs([{ path: '/db', kind: 'file', content: 'x'.repeat(100) }]);
    await expect(readImageFile(chunky(big), '/db', 50)).rejects.toThrow(ImageFileTooLargeError);
    await expect(readImageFile(big, '/db', 50)).rejects.toThrow(
      '/db holds more than 50 bytes, more than a package database this tool reads; it was not read.',
    );
    expect(await readImageFile(big, '/db', 100)).toHaveLength(100);
  });
});

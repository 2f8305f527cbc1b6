import { describe, expect, it } from 'vitest';
import type { ImageFs } from '../model/image-fs';
import { readImageFile, readImageText } from './image-file';
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
});

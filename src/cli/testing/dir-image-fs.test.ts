import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dirImageFs } from './dir-image-fs';

describe('dirImageFs', () => {
  let outside: string;
  let root: string;

  beforeAll(() => {
    outside = mkdtempSync(join(tmpdir(), 'strata-dirfs-'));
    root = join(outside, 'root');
    mkdirSync(join(root, 'usr/lib'), { recursive: true });
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(outside, 'secret'), 'outside the image');
    writeFileSync(join(root, 'usr/lib/libz.so.1.2.13'), 'zlib bytes');
    writeFileSync(join(root, 'etc/secret'), 'inside the image');
    symlinkSync('usr/lib', join(root, 'lib'));
    symlinkSync('libz.so.1.2.13', join(root, 'usr/lib/libz.so.1'));
    symlinkSync('/etc/secret', join(root, 'usr/lib/absolute'));
    symlinkSync('../../../../secret', join(root, 'usr/lib/climbing'));
    symlinkSync('loop-b', join(root, 'usr/lib/loop-a'));
    symlinkSync('loop-a', join(root, 'usr/lib/loop-b'));
    symlinkSync('/lib/libz.so.1', join(root, 'etc/zlink'));
  });

  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('resolves symlinks inside the root, through directory links', async () => {
    const fs = dirImageFs(root);
    expect(await fs.realpath('/lib/libz.so.1')).toBe('/usr/lib/libz.so.1.2.13');
    expect(await fs.realpath('/etc/zlink')).toBe('/usr/lib/libz.so.1.2.13');
    // ".." is physical, as in the kernel: /lib is /usr/lib, so /lib/.. is /usr.
    expect(await fs.realpath('/lib/../etc')).toBeUndefined();
    expect(await fs.realpath('/lib/../../etc')).toBe('/etc');
    expect(new TextDecoder().decode(await fs.read('/lib/libz.so.1', 5, 100))).toBe('bytes');
  });

  it('never leaves the root: absolute targets and ".." stay inside', async () => {
    const fs = dirImageFs(root);
    expect(new TextDecoder().decode(await fs.read('/usr/lib/absolute', 0, 100))).toBe('inside the image');
    expect(await fs.realpath('/usr/lib/climbing')).toBeUndefined();
    expect(await fs.read('/../secret', 0, 100)).toBeUndefined();
    expect(new TextDecoder().decode(await fs.read('/../etc/secret', 0, 100))).toBe('inside the image');
  });

  it('loops and missing paths are undefined, lstat keeps the final symlink', async () => {
    const fs = dirImageFs(root);
    expect(await fs.realpath('/usr/lib/loop-a')).toBeUndefined();
    expect(await fs.read('/usr/lib/loop-a', 0, 1)).toBeUndefined();
    expect(await fs.lstat('/nope')).toBeUndefined();
    const link = await fs.lstat('/lib/libz.so.1');
    expect([link?.kind, link?.linkTarget, link?.path]).toEqual([
      'symlink',
      'libz.so.1.2.13',
      '/lib/libz.so.1',
    ]);
    expect((await fs.lstat('/lib'))?.kind).toBe('symlink');
    expect((await fs.lstat('/lib/'))?.kind).toBe('symlink');
  });

  it('lists directories sorted, reads only files, caps reads at the end of the file', async () => {
    const fs = dirImageFs(root);
    expect(await fs.list('/lib')).toEqual([
      'absolute',
      'climbing',
      'libz.so.1',
      'libz.so.1.2.13',
      'loop-a',
      'loop-b',
    ]);
    expect(await fs.list('/etc/secret')).toBeUndefined();
    expect(await fs.read('/usr', 0, 10)).toBeUndefined();
    expect((await fs.read('/usr/lib/libz.so.1.2.13', 8, 1 << 30))?.length).toBe(2);
    expect((await fs.read('/usr/lib/libz.so.1.2.13', 100, 10))?.length).toBe(0);
  });

  it('does not block on a FIFO', async () => {
    try {
      execFileSync('mkfifo', [join(root, 'etc/fifo')]);
    } catch {
      return;
    }
    const fs = dirImageFs(root);
    expect(await fs.read('/etc/fifo', 0, 10)).toBeUndefined();
    expect((await fs.lstat('/etc/fifo'))?.kind).toBe('fifo');
  });
});

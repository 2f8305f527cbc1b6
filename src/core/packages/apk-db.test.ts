import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseApkInstalled } from './apk-db';
import { createMemoryImageFs } from '../testing/memory-image-fs';
import { buildOwnerIndex } from './owner-index';
import { dumpPackageDb } from './package-dump';
import { detectPackageDbs, readPackageDbs } from './package-dbs';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/packages');
const installed = readFileSync(join(FIXTURES, 'apk/installed'));

/** An Alpine-like tree: /lib is a real directory, /bin/sh a symlink to busybox. */
function alpineFs(extra: { path: string; kind: 'dir' | 'symlink'; linkTarget?: string }[] = []) {
  return createMemoryImageFs([
    { path: '/lib/apk/db/installed', kind: 'file', content: installed },
    { path: '/lib/ld-musl-x86_64.so.1', kind: 'file', content: 'ELF' },
    { path: '/lib/libc.musl-x86_64.so.1', kind: 'symlink', linkTarget: 'ld-musl-x86_64.so.1' },
    { path: '/lib/libz.so.1.3.1', kind: 'file', content: 'ELF' },
    { path: '/lib/libz.so.1', kind: 'symlink', linkTarget: 'libz.so.1.3.1' },
    { path: '/bin/busybox', kind: 'file', content: 'ELF' },
    { path: '/bin/sh', kind: 'symlink', linkTarget: '/bin/busybox' },
    { path: '/bin/ls', kind: 'symlink', linkTarget: '/bin/busybox' },
    { path: '/etc/passwd', kind: 'file', content: 'root:x:0:0:root:/root:/bin/sh\n' },
    ...extra,
  ]);
}

describe('apk installed database', () => {
  it('parses packages and F:/R: files without a leading slash (golden)', async () => {
    const db = parseApkInstalled(new TextDecoder().decode(installed));
    expect(db.packages.map((p) => p.name)).toEqual(['musl', 'busybox', 'zlib', 'alpine-baselayout-data']);
    await expect(dumpPackageDb(db)).toMatchFileSnapshot(join(FIXTURES, 'golden/apk-installed.txt'));
  });

  it('is detected by content and owns files like apk info --who-owns', async () => {
    const fs = alpineFs();
    expect(await detectPackageDbs(fs)).toEqual([{ path: '/lib/apk/db/installed', format: 'apk-installed' }]);
    const { dbs, errors } = await readPackageDbs(fs, { sqlite: {} });
    expect(errors).toEqual([]);
    const index = await buildOwnerIndex(fs, dbs);
    const owner = async (path: string) => (await index.ownerOf(path)).package;
    expect(await owner('/lib/libz.so.1')).toEqual({
      name: 'zlib',
      version: '1.3.1-r0',
      arch: 'x86_64',
      manager: 'apk',
    });
    expect((await owner('/bin/sh'))?.name).toBe('busybox');
    expect((await owner('/etc/passwd'))?.name).toBe('alpine-baselayout-data');
    // No package lists /bin/ls: busybox --install made it; its target names the owner.
    expect(await index.ownerOf('/bin/ls')).toMatchObject({
      match: 'symlink-target',
      package: { name: 'busybox' },
    });
    expect((await owner('/lib/apk/db/installed'))?.name).toBeUndefined();
  });

  it('canonicalises when the image links /usr/lib to /lib', async () => {
    const fs = alpineFs([{ path: '/usr/lib', kind: 'symlink', linkTarget: '../lib' }]);
    const { dbs } = await readPackageDbs(fs, { sqlite: {} });
    const index = await buildOwnerIndex(fs, dbs);
    expect(await index.ownerOf('/usr/lib/libz.so.1.3.1')).toMatchObject({
      canonicalPath: '/lib/libz.so.1.3.1',
      package: { name: 'zlib' },
      match: 'path',
    });
  });

  it('skips a record without a name and says so', () => {
    const db = parseApkInstalled('V:1.0\nA:x86_64\n\nP:ok\nV:1\n');
    expect(db.packages.map((p) => p.name)).toEqual(['ok']);
    expect(db.warnings).toEqual(['An apk record without a P: name line was skipped.']);
  });
});

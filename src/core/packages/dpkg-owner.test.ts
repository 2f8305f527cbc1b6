import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dirImageFs } from '../../cli/testing/dir-image-fs';
import { readDpkgDb } from './dpkg-db';
import { createMemoryImageFs, parseTreeManifest, type MemoryEntry } from '../testing/memory-image-fs';
import { formatDpkgS } from './owner-format';
import type { OwnerIndex } from './owner-index';
import { buildOwnerIndex } from './owner-index';
import { detectPackageDbs } from './package-dbs';
import type { PackageDb } from './package-types';
import type { ImageFs } from '../model/image-fs';

const DPKG = join(import.meta.dirname, '../../../fixtures/packages/dpkg');
const WORK = join(import.meta.dirname, '../../../fixtures/packages/.work');

/** The trimmed admin dir of the bookworm minbase+curl root, placed where dpkg keeps it, over its tree. */
function fixtureFs(): ImageFs {
  const entries: MemoryEntry[] = parseTreeManifest(readFileSync(join(DPKG, 'tree.txt'), 'utf8'));
  for (const name of ['status', 'diversions']) {
    entries.push({
      path: `/var/lib/dpkg/${name}`,
      kind: 'file',
      content: readFileSync(join(DPKG, 'admin', name)),
    });
  }
  for (const name of readdirSync(join(DPKG, 'admin/info'))) {
    entries.push({
      path: `/var/lib/dpkg/info/${name}`,
      kind: 'file',
      content: readFileSync(join(DPKG, 'admin/info', name)),
    });
  }
  return createMemoryImageFs(entries);
}

async function openDpkg(fs: ImageFs): Promise<{ db: PackageDb; index: OwnerIndex }> {
  const found = await detectPackageDbs(fs);
  expect(found).toEqual([{ path: '/var/lib/dpkg/status', format: 'dpkg-status' }]);
  const db = await readDpkgDb(fs, { path: '/var/lib/dpkg/status', format: 'dpkg-status' });
  if (db instanceof Error) throw db;
  return { db, index: await buildOwnerIndex(fs, db) };
}

/** dpkg orders several owners by its load order, which the database does not keep: compare them sorted. */
function sortOwners(block: string): string {
  return block
    .split('\n')
    .map((line) => {
      const match = /^(\S.*?): (\/.*)$/.exec(line);
      if (!match || line.startsWith('diversion by') || line.startsWith('dpkg-query:')) return line;
      return `${match[1]!.split(', ').sort().join(', ')}: ${match[2]!}`;
    })
    .join('\n');
}

function oracleBlocks(): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const block of readFileSync(join(DPKG, 'oracle-S.txt'), 'utf8').split(/^== /m).slice(1)) {
    const newline = block.indexOf('\n');
    blocks.set(block.slice(0, newline), block.slice(newline + 1).trimEnd());
  }
  return blocks;
}

describe('dpkg database of a Debian 12 minbase+curl root (trimmed copy)', () => {
  it('prints what dpkg-query -S printed for every sampled path', async () => {
    const { db, index } = await openDpkg(fixtureFs());
    const blocks = oracleBlocks();
    expect(blocks.size).toBeGreaterThan(60);
    for (const [path, expected] of blocks) {
      expect(sortOwners(formatDpkgS(path, index.listedAt(path), db.diversions)), path).toBe(
        sortOwners(expected),
      );
    }
  });

  it('finds owners through merged /usr, diversions and symlinks (golden)', async () => {
    const { index } = await openDpkg(fixtureFs());
    const lines: string[] = [];
    for (const path of readFileSync(join(DPKG, 'sample-paths.txt'), 'utf8').trim().split('\n')) {
      const r = await index.ownerOf(path);
      const owner =
        r.package === null ? '(not owned)' : `${r.package.name} ${r.package.version} ${r.package.arch}`;
      const more = r.owners.length > 1 ? ` +${r.owners.length - 1}` : '';
      const via = r.match === 'symlink-target' ? ` via ${r.targetPath ?? ''}` : '';
      lines.push(`${path} [${r.canonicalPath}] ${owner}${more}${via}`);
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(
      join(import.meta.dirname, '../../../fixtures/packages/golden/dpkg-owners.txt'),
    );
  });

  it('names the owners the traps of docs/package-databases.md#dpkg are about', async () => {
    const { index } = await openDpkg(fixtureFs());
    const owner = async (path: string): Promise<string | null> =>
      (await index.ownerOf(path)).package?.name ?? null;
    // libc6 lists /lib/…; the file is at /usr/lib/… behind the /lib -> usr/lib symlink.
    expect(await owner('/usr/lib/x86_64-linux-gnu/libc.so.6')).toBe('libc6');
    // libcurl4 lists /usr/lib/…; the loader reports /lib/….
    expect(await owner('/lib/x86_64-linux-gnu/libcurl.so.4')).toBe('libcurl4');
    // dash diverts /bin/sh to /bin/sh.distrib and keeps /bin/sh; nobody else ships /bin/sh.
    expect(await owner('/bin/sh')).toBe('dash');
    expect(await owner('/usr/bin/sh')).toBe('dash');
    expect(await owner('/bin/sh.distrib')).toBeNull();
    expect(await owner('/etc/ld.so.cache')).toBeNull();
    expect(await index.ownerOf('/usr/bin/awk')).toMatchObject({
      package: { name: 'mawk', manager: 'dpkg' },
      match: 'symlink-target',
      targetPath: '/usr/bin/mawk',
    });
  });
});

const ROOT = join(WORK, 'dpkg-root');
describe.skipIf(!existsSync(join(ROOT, 'var/lib/dpkg/status')))(
  'the whole mmdebstrap root (fixtures/packages/.work, made by make-dpkg-fixtures.sh)',
  () => {
    it('agrees with dpkg-query -S on every file and owns more after canonicalisation', async () => {
      const { db, index } = await openDpkg(dirImageFs(ROOT));
      const oracle = new Map<string, string>();
      for (const line of readFileSync(join(WORK, 'dpkg-S-all.txt'), 'utf8').split('\n')) {
        const match = /^(.+?): (\/.*)$/.exec(line);
        if (match && !line.startsWith('diversion by'))
          oracle.set(match[2]!, match[1]!.split(', ').sort().join(', '));
      }
      const files = readFileSync(join(WORK, 'dpkg-all-files.txt'), 'utf8').trim().split('\n');
      let rawOwned = 0;
      let canonicalOwned = 0;
      for (const path of files) {
        const listers = index.listedAt(path);
        const ours = formatDpkgS(path, listers, []).split('\n').at(-1)!;
        expect(sortOwners(ours), path).toBe(
          oracle.has(path)
            ? `${oracle.get(path)!}: ${path}`
            : `dpkg-query: no path found matching pattern ${path}`,
        );
        if (listers.length > 0) rawOwned++;
        if ((await index.ownerOf(path)).match === 'path') canonicalOwned++;
      }
      expect(rawOwned).toBe(oracle.size);
      expect(canonicalOwned).toBeGreaterThan(rawOwned);
      console.log(
        `dpkg root: ${files.length} files, dpkg -S owns ${rawOwned}, canonical ${canonicalOwned}, packages ${db.packages.length}`,
      );
    });
  },
);

import { describe, expect, it } from 'vitest';
import { dir, device, file, hardlink, symlink } from '../layers/layer-builders';
import { EntryTable } from './entry-table';
import type { TarEntry } from './tar-entry';

const odd: TarEntry = {
  ...file('/srv/数据/ünïcödé-ƒile', 4096),
  uid: -2,
  gid: 2 ** 40,
  mode: 0o4755,
  mtime: -1.5,
  uname: 'nobody',
  gname: 'nogroup',
  xattrs: { 'user.x': new Uint8Array([1, 2, 3]) },
  realSize: 1 << 20,
};

const entries: TarEntry[] = [
  dir('/etc', { mode: 0o700, uid: 1000, gid: 1000 }),
  file('/etc/os-release', 12, { mtime: 1_700_000_000 }),
  symlink('/etc/localtime', '../usr/share/zoneinfo/UTC'),
  hardlink('/etc/motd.hardlink', '/etc/os-release'),
  device('/dev/null', 'char', { dev: [1, 3] }),
  device('/run/fifo', 'fifo'),
  odd,
  file(`/${'d/'.repeat(300)}f`, 1),
];

describe('EntryTable', () => {
  it('gives back every field of every entry as the tar reader reported it', () => {
    const table = EntryTable.from(entries);
    expect(table.length).toBe(entries.length);
    expect(table.toArray()).toEqual(entries);
    expect(table.entry(6, '/given')).toEqual({ ...odd, path: '/given' });
    expect([table.kind(4), table.size(1), table.realSize(6), table.path(6)]).toEqual([
      'char',
      12,
      1 << 20,
      '/srv/数据/ünïcödé-ƒile',
    ]);
  });

  it('crosses a structured clone as columns, with its buffers transferred', () => {
    const table = EntryTable.from(entries);
    const buffers = table.transferables;
    const copy = structuredClone(table.columns, { transfer: buffers });
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true);
    expect(EntryTable.fromColumns(copy).toArray()).toEqual(entries);
  });

  it('gives each path of an all-ASCII table and of a mixed one', () => {
    const ascii = entries.filter((e) => e !== odd);
    const table = EntryTable.from(ascii);
    expect(ascii.map((_, row) => table.path(row))).toEqual(ascii.map((e) => e.path));
    const mixed = EntryTable.from([...ascii, odd, file('/z', 1)]);
    expect([mixed.path(0), mixed.path(ascii.length), mixed.path(ascii.length + 1)]).toEqual([
      '/etc',
      odd.path,
      '/z',
    ]);
  });

  it('is empty for no entries', () => {
    expect(EntryTable.empty.length).toBe(0);
    expect([...EntryTable.empty]).toEqual([]);
  });
});

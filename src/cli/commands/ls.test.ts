import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntryJson } from './ls-entries';
import { formatPermissions } from '../../core';
import { runCli } from '../testing/run-cli';

const T3 = join(import.meta.dirname, '../../../fixtures/archives/podman-docker-archive.tar');

const run = runCli;

const lines = (...rows: string[]): string => rows.join('\n') + '\n';

describe('strata ls', () => {
  it('lists /etc at layer 4 (before the hand-made layer), with what layer 4 removed', async () => {
    const { code, out, err } = await run(['ls', '--layer', '4', '--removed', T3, '/etc']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(
      lines(
        'MODE        OWNER  SIZE  LAYER  CHANGE     NAME',
        '-rw-r--r--  0:0    6 B   L1     unchanged  added.txt',
        '-rw-r--r--  0:0    10 B  L0     unchanged  conf',
        'drwxr-xr-x  0:0    2 B   L4     unchanged  d/',
        '-rw-r--r--  0:0    2 B   L3     removed    f',
        '-rwxr-xr-x  0:0    0 B   L2     unchanged  hostname',
        '-rwxr-xr-x  0:0    0 B   L2     unchanged  hosts',
        'lrwxrwxrwx  0:0    0 B   L0     unchanged  link -> motd',
        '-rw-r--r--  0:0    3 B   L0     unchanged  motd',
        'hrw-r--r--  0:0    3 B   L0     unchanged  motd.hardlink => /etc/motd',
        '-rw-r--r--  0:0    40 B  L0     unchanged  os-release',
        '-rwxr-xr-x  0:0    0 B   L2     unchanged  resolv.conf',
      ),
    );
  });

  it('lists /etc at the top layer: file→dir, symlink→file, chmod, new hardlink, non-ASCII name', async () => {
    const { code, out } = await run(['ls', T3, '/etc']);
    expect(code).toBe(0);
    expect(out).toBe(
      lines(
        'MODE        OWNER  SIZE  LAYER  CHANGE     NAME',
        'drwxr-xr-x  0:0    10 B  L5     modified   conf/',
        '-rwxr-xr-x  0:0    0 B   L2     unchanged  hostname',
        '-rwxr-xr-x  0:0    0 B   L2     unchanged  hosts',
        '-rw-r--r--  0:0    11 B  L5     modified   link',
        '-rw-r--r--  0:0    3 B   L5     modified   motd',
        'hrw-r--r--  0:0    3 B   L0     unchanged  motd.hardlink => /etc/motd',
        'hrw-r--r--  0:0    3 B   L5     added      motd.hardlink2 => /etc/motd',
        '-rw-------  0:0    40 B  L5     modified   os-release',
        '-rwxr-xr-x  0:0    0 B   L2     unchanged  resolv.conf',
        '-rw-r--r--  0:0    8 B   L5     added      ünïcödé-名前.txt',
      ),
    );
  });

  it('walks a tree with --recursive, like ls -lR', async () => {
    const { out } = await run(['ls', '-R', '--layer', '0', T3, '/opt']);
    expect(out).toBe(
      lines(
        '/opt:',
        'MODE        OWNER  SIZE  LAYER  CHANGE  NAME',
        'drwxr-xr-x  0:0    4 B   L0     added   data/',
        '',
        '/opt/data:',
        'MODE        OWNER  SIZE  LAYER  CHANGE  NAME',
        '-rw-r--r--  0:0    2 B   L0     added   a',
        '-rw-r--r--  0:0    2 B   L0     added   b',
      ),
    );
  });

  it('prints the agreed JSON fields, the opaque dir holding only the new file', async () => {
    const { out } = await run(['ls', '--json', '--recursive', T3, '/opt']);
    const rows = JSON.parse(out) as EntryJson[];
    expect(rows).toEqual([
      {
        path: '/opt/data',
        type: 'dir',
        mode: '0755',
        uid: 0,
        gid: 0,
        size: 0,
        linkTarget: '',
        layer: 5,
        change: 'unchanged',
      },
      {
        path: '/opt/data/c',
        type: 'file',
        mode: '0644',
        uid: 0,
        gid: 0,
        size: 2,
        linkTarget: '',
        layer: 5,
        change: 'added',
      },
    ]);
  });

  it('shows one entry for a file path, and a symlink itself unless the path ends in /', async () => {
    expect((await run(['ls', '--layer', '0', T3, '/etc/link'])).out).toContain('link -> motd');
    expect((await run(['ls', '--layer', '0', '--json', T3, '/tmp'])).out).toBe('[]\n');
    const sticky = JSON.parse((await run(['ls', '--json', T3, '/'])).out) as EntryJson[];
    expect(sticky.find((e) => e.path === '/tmp')?.mode).toBe('1777');
    expect(sticky.find((e) => e.path === '/dev-test')?.type).toBe('char');
  });

  it('exits 1 for a path the layer does not have and 2 for a layer the image does not have', async () => {
    expect(await run(['ls', '--layer', '0', T3, '/etc/added.txt'])).toEqual({
      code: 1,
      out: '',
      err: 'strata ls: /etc/added.txt: no such path in the image at layer 0.\n',
    });
    expect((await run(['ls', '--layer', '1', T3, '/etc/added.txt'])).code).toBe(0);
    expect((await run(['ls', '--layer', 'top', T3])).code).toBe(2);
    expect((await run(['ls', T3, '/', 'extra'])).code).toBe(2);
  });

  it('spells modes the way ls -l does', () => {
    expect(formatPermissions('dir', 0o1777)).toBe('drwxrwxrwt');
    expect(formatPermissions('file', 0o4755)).toBe('-rwsr-xr-x');
    expect(formatPermissions('file', 0o2644)).toBe('-rw-r-Sr--');
    expect(formatPermissions('symlink', 0o777)).toBe('lrwxrwxrwx');
  });
});

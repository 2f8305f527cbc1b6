import { describe, expect, it } from 'vitest';
import { buildLayerStack } from './layer-stack';
import { formatChanges } from './format-changes';
import { dir, file, hardlink, opaque, symlink, whiteout, device } from './layer-builders';
import type { TarEntry } from '../model/tar-entry';

function dump(...layers: TarEntry[][]): string {
  return formatChanges(buildLayerStack(layers));
}

/** The lines of layer 1 in the dump of a two-layer stack. */
function layer1(lower: TarEntry[], upper: TarEntry[]): string[] {
  return dump(lower, upper)
    .split('\n')
    .filter((l) => l.startsWith('L1'));
}

function finalPaths(...layers: TarEntry[][]): string[] {
  const stack = buildLayerStack(layers);
  const paths: string[] = [];
  stack.forEachFinal((node) => paths.push(node.path));
  return paths.sort();
}

const base = [
  dir('/etc'),
  file('/etc/motd', 3),
  dir('/etc/d'),
  file('/etc/d/x', 2),
  dir('/etc/d/sub'),
  file('/etc/d/sub/y', 4),
];

describe('merged tree rules (docs/archive-formats.md#layer-changes)', () => {
  it('a whiteout of a directory removes it and everything under it', () => {
    expect(dump(base, [dir('/etc'), whiteout('/etc/d')])).toBe(
      [
        'L0 +6 ~0 -0 (+9 B ~0 B -0 B)',
        'L0 A /etc (dir, 0755, 0:0)',
        'L0 A /etc/d (dir, 0755, 0:0)',
        'L0 A /etc/d/sub (dir, 0755, 0:0)',
        'L0 A /etc/d/sub/y (file 4 B, 0644, 0:0)',
        'L0 A /etc/d/x (file 2 B, 0644, 0:0)',
        'L0 A /etc/motd (file 3 B, 0644, 0:0)',
        'L1 +0 ~0 -4 (+0 B ~0 B -6 B)',
        'L1 R /etc/d (dir)',
        'L1 R /etc/d/sub (dir)',
        'L1 R /etc/d/sub/y (file 4 B)',
        'L1 R /etc/d/x (file 2 B)',
        '',
      ].join('\n'),
    );
  });

  it('applies whiteouts before entries even when the marker comes after its siblings (two passes)', () => {
    // containers/storage wrote etc/.wh.f after etc/d/z: position in the tar must not matter.
    const upper = [
      dir('/etc'),
      dir('/etc/d'),
      file('/etc/d/z', 2),
      whiteout('/etc/motd'),
      whiteout('/etc/d'),
    ];
    expect(layer1(base, upper)).toEqual([
      'L1 +1 ~0 -4 (+2 B ~0 B -9 B)',
      'L1 R /etc/d/sub (dir)',
      'L1 R /etc/d/sub/y (file 4 B)',
      'L1 R /etc/d/x (file 2 B)',
      'L1 A /etc/d/z (file 2 B, 0644, 0:0)',
      'L1 R /etc/motd (file 3 B)',
    ]);
  });

  it('an opaque marker hides lower children only, even when it comes after the new ones', () => {
    const upper = [dir('/etc/d'), file('/etc/d/new', 1), opaque('/etc/d')];
    expect(finalPaths(base, upper)).toEqual(['/etc', '/etc/d', '/etc/d/new', '/etc/motd']);
    expect(layer1(base, upper)).toEqual([
      'L1 +1 ~0 -3 (+1 B ~0 B -6 B)',
      'L1 A /etc/d/new (file 1 B, 0644, 0:0)',
      'L1 R /etc/d/sub (dir)',
      'L1 R /etc/d/sub/y (file 4 B)',
      'L1 R /etc/d/x (file 2 B)',
    ]);
  });

  it('a whiteout never hides an entry of its own layer', () => {
    expect(finalPaths([dir('/a')], [file('/a/f', 1), whiteout('/a/f')])).toEqual(['/a', '/a/f']);
    expect(finalPaths([dir('/a')], [file('/a/f', 1)], [whiteout('/a/f')])).toEqual(['/a']);
  });

  it('rm -rf then recreate: old children removed, the directory itself not modified', () => {
    const upper = [dir('/etc'), whiteout('/etc/d'), dir('/etc/d'), file('/etc/d/z', 5)];
    const lines = layer1(base, upper);
    expect(lines).toEqual([
      'L1 +1 ~0 -3 (+5 B ~0 B -6 B)',
      'L1 R /etc/d/sub (dir)',
      'L1 R /etc/d/sub/y (file 4 B)',
      'L1 R /etc/d/x (file 2 B)',
      'L1 A /etc/d/z (file 5 B, 0644, 0:0)',
    ]);
  });

  it('re-emitted parents are not changes; chmod-only and chown-only directories are', () => {
    const upper = [
      dir('/etc'),
      dir('/etc/d', { mode: 0o700 }),
      dir('/etc/d/sub', { uid: 1000, gid: 1000 }),
      file('/etc/motd', 3, { mode: 0o600 }),
    ];
    expect(layer1(base, upper)).toEqual([
      'L1 +0 ~3 -0 (+0 B ~3 B -0 B)',
      'L1 M /etc/d [mode 0755→0700]',
      'L1 M /etc/d/sub [owner 0:0→1000:1000]',
      'L1 M /etc/motd [content 3 B, mode 0644→0600]',
    ]);
  });

  it('names xattr, mtime and link target changes, and a rewrite that changed nothing visible', () => {
    const cap = { 'security.capability': new Uint8Array([1, 0, 0, 2]) };
    const lower = [dir('/d'), file('/empty', 0), file('/touched', 0), symlink('/l', 'a'), file('/cap', 0)];
    const upper = [
      dir('/d', { xattrs: { 'user.comment': new TextEncoder().encode('test') } }),
      file('/empty', 0),
      file('/touched', 0, { mtime: 5 }),
      symlink('/l', 'b'),
      file('/cap', 0, { xattrs: cap }),
    ];
    expect(layer1(lower, upper)).toEqual([
      'L1 +0 ~5 -0 (+0 B ~0 B -0 B)',
      'L1 M /cap [xattrs]',
      'L1 M /d [xattrs]',
      'L1 M /empty [rewritten]',
      'L1 M /l -> b [linkTarget a→b]',
      'L1 M /touched [mtime 0→5]',
    ]);
  });

  it('a symlink replaced by a file, a file replaced by a directory, a directory replaced by a file', () => {
    const lower = [symlink('/s', 'motd'), file('/f', 1), dir('/d'), file('/d/in', 7)];
    const upper = [file('/s', 4), dir('/f'), file('/f/child', 1), file('/d', 2)];
    expect(layer1(lower, upper)).toEqual([
      'L1 +1 ~3 -1 (+1 B ~6 B -7 B)',
      'L1 M /d [content 0→2 B, type dir→file, mode 0755→0644]',
      'L1 R /d/in (file 7 B)',
      'L1 M /f [type file→dir, mode 0644→0755]',
      'L1 A /f/child (file 1 B, 0644, 0:0)',
      'L1 M /s [content 0→4 B, type symlink→file, mode 0777→0644]',
    ]);
  });

  it('of duplicate paths in one layer the last wins, and the first copy is waste of that layer', () => {
    const stack = buildLayerStack([[file('/x', 10, { mode: 0o600 }), file('/x', 3)]]);
    expect(stack.stat(0, '/x')).toMatchObject({ size: 3, mode: 0o644 });
    expect(stack.trueWaste().largest).toEqual([
      { path: '/x', size: 10, writtenBy: 0, hiddenBy: 0, how: 'overwritten' },
    ]);
  });

  it('creates implicit parent directories', () => {
    const stack = buildLayerStack([[file('/usr/lib/x.so', 8)]]);
    expect(stack.stat(0, '/usr/lib')).toMatchObject({ kind: 'dir', implicit: true, mode: 0o755 });
    expect(formatChanges(stack)).toBe(
      [
        'L0 +3 ~0 -0 (+8 B ~0 B -0 B)',
        'L0 A /usr (dir, implicit)',
        'L0 A /usr/lib (dir, implicit)',
        'L0 A /usr/lib/x.so (file 8 B, 0644, 0:0)',
        '',
      ].join('\n'),
    );
  });

  it('hides meta whiteouts and estargz debris, and rejects a bare .wh.', () => {
    const layer = [
      dir('/etc'),
      file('/etc/.wh..wh.plnk', 0),
      file('/etc/.wh.', 0),
      file('/stargz.index.json', 100),
      file('/.prefetch.landmark', 1),
      file('/.no.prefetch.landmark', 1),
    ];
    expect(dump(layer)).toBe(
      [
        'L0 +1 ~0 -0 (+0 B ~0 B -0 B)',
        'L0 A /etc (dir, 0755, 0:0)',
        'L0 ! /etc/.wh.: A whiteout marker without a name (".wh.") is invalid and was ignored.',
        '',
      ].join('\n'),
    );
  });

  it('resolves hardlinks in the current layer first, then below, else broken; later rewrites do not follow', () => {
    const stack = buildLayerStack([
      [file('/etc/motd', 3)],
      [
        hardlink('/etc/motd.hardlink', '/etc/motd'),
        file('/own', 5),
        hardlink('/own.link', '/own'),
        hardlink('/nowhere', '/missing'),
      ],
      [file('/etc/motd', 9)],
    ]);
    expect(formatChanges(stack)).toBe(
      [
        'L0 +2 ~0 -0 (+3 B ~0 B -0 B)',
        'L0 A /etc (dir, implicit)',
        'L0 A /etc/motd (file 3 B, 0644, 0:0)',
        'L1 +4 ~0 -0 (+5 B ~0 B -0 B)',
        'L1 A /etc/motd.hardlink => /etc/motd@L0 (hardlink 3 B, 0644, 0:0)',
        'L1 A /nowhere => /missing (broken) (hardlink 0 B, 0644, 0:0)',
        'L1 A /own (file 5 B, 0644, 0:0)',
        'L1 A /own.link => /own@L1 (hardlink 5 B, 0644, 0:0)',
        'L2 +0 ~1 -0 (+0 B ~9 B -0 B)',
        'L2 M /etc/motd [content 3→9 B]',
        'L1 ! /nowhere: The hardlink target /missing is not in this layer or below it.',
        '',
      ].join('\n'),
    );
    expect(stack.stat(2, '/etc/motd.hardlink')?.size).toBe(3);
    // The old motd is still reachable through the link, so it is not waste.
    expect(stack.trueWaste().trueWastedBytes).toBe(0);
  });

  it('marks link cycles broken and forgets a link replaced later in its own layer', () => {
    const stack = buildLayerStack([
      [
        hardlink('/a', '/b'),
        hardlink('/b', '/a'),
        hardlink('/self', '/self'),
        hardlink('/x', '/a'),
        file('/x', 1),
      ],
    ]);
    expect(stack.stat(0, '/a')?.hardlink).toEqual({ state: 'broken', path: '/b' });
    expect(stack.stat(0, '/self')?.hardlink).toEqual({ state: 'broken', path: '/self' });
    expect(stack.stat(0, '/x')).toMatchObject({ kind: 'file', hardlink: undefined, size: 1 });
  });

  it('keeps long and non-ASCII names and devices', () => {
    const long = `/opt/${'d'.repeat(120)}/${'f'.repeat(150)}.txt`;
    const stack = buildLayerStack([
      [
        dir('/opt'),
        file(long, 1),
        file('/opt/ünïcödé-名前.txt', 2),
        device('/dev-test', 'char', { dev: [1, 3] }),
      ],
    ]);
    expect(stack.stat(0, long)?.size).toBe(1);
    expect(stack.listDir(0, '/opt')?.entries.map((e) => e.name)).toEqual([
      'd'.repeat(120),
      'ünïcödé-名前.txt',
    ]);
    expect(formatChanges(stack)).toContain('L0 A /dev-test (char 1,3, 0644, 0:0)');
  });
});

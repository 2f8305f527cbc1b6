import { describe, expect, it } from 'vitest';
import type { TarEntry } from '../model/tar-entry';
import { buildLayerStack, compareTrees, LayerRangeError, type LayerStack } from './layer-stack';
import { classify, toNode } from './classify';
import { formatChangeSet } from './format-changes';
import { device, dir, file, hardlink, symlink, whiteout } from './layer-builders';
import { SearchQueryError } from './search';
import { seededRandom } from '../testing/seeded-random';

/** The image fixtures/make-fixtures.sh makes: base, COPY, RUN, RUN rm/recreate, a hand-made layer. */
const layers: TarEntry[][] = [
  [
    dir('/etc'),
    file('/etc/motd', 3),
    hardlink('/etc/motd.hardlink', '/etc/motd'),
    symlink('/etc/link', 'motd'),
    dir('/bin'),
    file('/bin/busybox', 1000, { mode: 0o755 }),
    dir('/tmp', { mode: 0o1777 }),
  ],
  [dir('/etc'), file('/etc/added.txt', 4)],
  [dir('/etc'), dir('/etc/d'), file('/etc/d/x', 2), file('/etc/f', 2)],
  [dir('/etc'), dir('/etc/d'), file('/etc/d/z', 2), whiteout('/etc/f'), whiteout('/etc/d')],
  [dir('/etc'), file('/etc/motd', 5, { mode: 0o600 }), whiteout('/etc/added.txt'), dir('/app')],
];
const stack = buildLayerStack(layers);

describe('layer stack queries', () => {
  it('sees a range of layers as one step', () => {
    expect(formatChangeSet(stack.changesBetween(2, 4), 'L2-4')).toEqual([
      'L2-4 +3 ~1 -1 (+2 B ~5 B -4 B)',
      'L2-4 A /app (dir, 0755, 0:0)',
      'L2-4 R /etc/added.txt (file 4 B)',
      'L2-4 A /etc/d (dir, 0755, 0:0)',
      'L2-4 A /etc/d/z (file 2 B, 0644, 0:0)',
      'L2-4 M /etc/motd [content 3→5 B, mode 0644→0600]',
    ]);
    // A file added and removed inside the range is no change at all.
    expect(stack.changesBetween(2, 3).added.map((c) => c.path)).toEqual(['/etc/d', '/etc/d/z']);
    expect(() => stack.changesBetween(3, 1)).toThrow(LayerRangeError);
    expect(() => stack.changes(5)).toThrow('Layer 5 does not exist: this image has layers 0 to 4.');
  });

  it('pages a directory with change kinds, totals, sorting and removed children', () => {
    const page = stack.listDir(3, '/etc', { includeRemoved: true, sort: 'name' })!;
    expect(page.entries.map((e) => `${e.name} ${e.change} ${e.kind} ${e.totalSize}`)).toEqual([
      'added.txt unchanged file 4',
      'd unchanged dir 2',
      'f removed file 2',
      'link unchanged symlink 0',
      'motd unchanged file 3',
      'motd.hardlink unchanged hardlink 0',
    ]);
    // /etc/d was whited out and re-created with equal metadata: not a change of its own; its children tell.
    expect(
      stack.listDir(3, '/etc/d', { includeRemoved: true })!.entries.map((e) => `${e.name} ${e.change}`),
    ).toEqual(['x removed', 'z added']);
    const bySize = stack.listDir(0, '/', { sort: 'size', descending: true, offset: 0, limit: 2 })!;
    expect(bySize.total).toBe(3);
    expect(bySize.entries.map((e) => `${e.path} ${e.totalSize}`)).toEqual(['/bin 1000', '/etc 3']);
    expect(
      stack.listDir(4, '/etc', { filter: { changes: ['modified'] } })!.entries.map((e) => e.name),
    ).toEqual(['motd']);
    expect(stack.listDir(4, '/etc/motd')).toBeUndefined();
    expect(stack.totalSize(4, '/')).toBe(1000 + 5 + 2);
  });

  it('tells the history of one path', () => {
    expect(stack.history('/etc/motd').map((e) => `L${e.layer} ${e.change} ${e.details.join(',')}`)).toEqual([
      'L0 added ',
      'L4 modified content,mode',
    ]);
    expect(stack.history('/etc/d/x').map((e) => `L${e.layer} ${e.change}`)).toEqual([
      'L2 added',
      'L3 removed',
    ]);
    expect(stack.history('/nowhere')).toEqual([]);
  });

  it('searches one layer or every path ever seen', () => {
    const at = (layer: number | 'all', text: string, mode: 'substring' | 'glob' | 'regex'): string[] =>
      stack.search(layer, { text, mode }, 10).hits.map((h) => `${h.path}${h.inFinal ? '' : ' (gone)'}`);
    expect(at(4, 'MOTD', 'substring')).toEqual(['/etc/motd', '/etc/motd.hardlink']);
    expect(at('all', '/etc/**/?', 'glob')).toEqual([
      '/etc/d',
      '/etc/d/x (gone)',
      '/etc/d/z',
      '/etc/f (gone)',
    ]);
    expect(at(2, '^/etc/[df]$', 'regex')).toEqual(['/etc/d', '/etc/f (gone)']);
    expect(stack.search(4, { text: 'e', mode: 'substring' }, 2)).toMatchObject({ truncated: true });
    expect(() => stack.search(4, { text: '(', mode: 'regex' }, 5)).toThrow(SearchQueryError);
  });

  it('serves an ImageFs view with symlinks, hardlinks and injected content reads', async () => {
    const reads: string[] = [];
    const fs = stack.imageFs(4, (layer, entry, offset, length) => {
      reads.push(`L${layer} ${entry.path} ${offset}+${length}`);
      return Promise.resolve(new Uint8Array(length));
    });
    expect(await fs.realpath('/etc/link')).toBe('/etc/motd');
    expect(await fs.realpath('/etc/../etc/./link')).toBe('/etc/motd');
    expect(await fs.realpath('/etc/motd/x')).toBeUndefined();
    expect(await fs.lstat('/etc/link')).toMatchObject({ kind: 'symlink', linkTarget: 'motd', layer: 0 });
    expect(await fs.lstat('/etc/motd.hardlink')).toMatchObject({ kind: 'file', size: 3, layer: 0 });
    expect(await fs.list('/etc')).toEqual(['d', 'link', 'motd', 'motd.hardlink']);
    expect(await fs.list('/etc/motd')).toBeUndefined();
    expect((await fs.read('/etc/link', 1, 100))?.length).toBe(4);
    expect((await fs.read('/etc/motd.hardlink', 0, 100))?.length).toBe(3);
    expect(reads).toEqual(['L4 /etc/motd 1+4', 'L0 /etc/motd 0+3']);
    expect(
      await buildLayerStack([[symlink('/a', 'b'), symlink('/b', '/a')]])
        .imageFs(0)
        .realpath('/a'),
    ).toBeUndefined();
  });

  it("lists regular files whose peek gives read's bytes at once when the reader holds them", async () => {
    const calls: string[] = [];
    const bytes = (length: number) => new Uint8Array(length).fill(7);
    const read = (layer: number, entry: TarEntry, offset: number, length: number) => {
      calls.push(`read L${layer} ${entry.path} ${offset}+${length}`);
      return Promise.resolve(bytes(length));
    };
    const peek = (layer: number, entry: TarEntry, offset: number, length: number) => {
      calls.push(`peek L${layer} ${entry.path} ${offset}+${length}`);
      return entry.path === '/etc/d/z' ? undefined : bytes(length);
    };
    const files = stack.imageFs(4, Object.assign(read.bind(null), { peek })).regularFiles!(new Set(), 100)!;
    const byPath = new Map(files.map((f) => [f.path, f]));
    // A hardlink's bytes are its target's, from the layer that wrote them, by peek as by read; both clip to the file.
    const hard = byPath.get('/etc/motd.hardlink')!;
    expect(hard.peek!(1, 100)).toEqual(await hard.read(1, 100));
    // Not held: peek says so, and read still answers.
    const z = byPath.get('/etc/d/z')!;
    expect(z.peek!(0, 2)).toBeUndefined();
    expect(await z.read(0, 2)).toEqual(bytes(2));
    expect(calls).toEqual([
      'peek L0 /etc/motd 1+2',
      'read L0 /etc/motd 1+2',
      'peek L3 /etc/d/z 0+2',
      'read L3 /etc/d/z 0+2',
    ]);
    // A reader without peek: a file's peek gives nothing, so a caller reads.
    const plain = stack.imageFs(4, read).regularFiles!(new Set(), 100)!;
    expect(plain.every((f) => f.peek?.(0, 4) === undefined)).toBe(true);
  });

  it('compares a derived image with its base on their final trees', () => {
    const base = buildLayerStack(layers.slice(0, 2));
    const derived = buildLayerStack(layers);
    expect(formatChangeSet(compareTrees(base, derived), 'cmp')).toEqual([
      'cmp +3 ~1 -1 (+2 B ~5 B -4 B)',
      'cmp A /app (dir, 0755, 0:0)',
      'cmp R /etc/added.txt (file 4 B)',
      'cmp A /etc/d (dir, 0755, 0:0)',
      'cmp A /etc/d/z (file 2 B, 0644, 0:0)',
      'cmp M /etc/motd [content 3→5 B, mode 0644→0600]',
    ]);
    expect(compareTrees(derived, derived).added).toEqual([]);
  });
});

describe('comparing two final trees', () => {
  /** A few paths and a few values of every field compareTrees looks at, so that most pairs differ in one. */
  function randomImage(next: () => number): TarEntry[][] {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const path = (): string =>
      Array.from({ length: 1 + Math.floor(next() * 3) }, () => `/${pick(['a', 'b', 'c'])}`).join('');
    const options = () => ({
      mode: pick([0o644, 0o755]),
      uid: pick([0, 0, 1]),
      gid: pick([0, 0, 2]),
      mtime: pick([0, 0, 5]),
      ...(next() < 0.1 && { xattrs: { 'user.k': new Uint8Array([pick([1, 2])]) } }),
    });
    return Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
      Array.from({ length: 1 + Math.floor(next() * 8) }, () => {
        const roll = next();
        const p = path();
        if (roll < 0.35) return file(p, pick([0, 3, 4]), options());
        if (roll < 0.6) return dir(p, options());
        if (roll < 0.7) return symlink(p, pick(['x', 'y']), options());
        if (roll < 0.8) return hardlink(p, pick(['/a', '/b']));
        if (roll < 0.85) return device(p, 'char', { ...options(), dev: [1, pick([3, 5])] });
        return whiteout(p);
      }),
    );
  }

  /** Every path of both trees made into nodes and classified: what compareTrees must equal. */
  function compareNaively(a: LayerStack, b: LayerStack): string[] {
    const lines: string[] = [];
    const nodeOf = (stack: LayerStack, path: string) => {
      const id = stack.table.idOf(path);
      const version = id === undefined ? undefined : stack.table.versionAt(id, stack.topLayer);
      return version?.present === true ? toNode(path, version) : undefined;
    };
    const paths = new Set([...a.table.paths, ...b.table.paths]);
    paths.delete('/');
    for (const path of [...paths].sort()) {
      const result = classify(nodeOf(a, path), nodeOf(b, path), 'compare');
      if (result) lines.push(`${result.change} ${path} ${result.details.join(',')}`);
    }
    return lines;
  }

  it('finds what making and classifying every node finds, for 500 random pairs', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const next = seededRandom(seed);
      const a = buildLayerStack(randomImage(next));
      const b = buildLayerStack(randomImage(next));
      const set = compareTrees(a, b);
      const lines = [...set.added, ...set.modified, ...set.removed]
        .map((c) => `${c.change} ${c.path} ${c.details.join(',')}`)
        .sort((x, y) => (x.split(' ')[1]! < y.split(' ')[1]! ? -1 : 1));
      expect({ seed, lines }).toEqual({ seed, lines: compareNaively(a, b) });
    }
  });

  it('sees a hardlink change through its target, though the link entries are alike', () => {
    const a = buildLayerStack([[file('/a', 3, { mtime: 1 }), hardlink('/l', '/a')]]);
    const b = buildLayerStack([[file('/a', 4, { mtime: 1 }), hardlink('/l', '/a')]]);
    expect(compareTrees(a, b).modified.map((c) => `${c.path} ${c.details.join(',')}`)).toEqual([
      '/a content',
      '/l content',
    ]);
  });
});

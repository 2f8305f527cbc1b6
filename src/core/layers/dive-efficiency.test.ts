import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EntryKind, TarEntry } from '../model/tar-entry';
import { computeDiveFigures } from './dive-efficiency';
import { buildLayerStack } from './layer-stack';
import { formatChanges } from './format-changes';
import { dir, file, opaque, whiteout } from './layer-builders';
import { seededRandom } from '../testing/seeded-random';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/archives/', import.meta.url));
const DIVE_IMAGE = `${CORPUS}test-docker-image.tar`;

/**
 * A test-only tar walker, enough for dive's fixture (ustar, PAX path/linkpath/size, GNU L/K): the
 * real streaming reader lives in core/io and is tested there.
 */
function walkTar(bytes: Uint8Array): { entry: TarEntry; data: Uint8Array }[] {
  const text = (from: number, length: number): string => {
    const slice = bytes.subarray(from, from + length);
    const end = slice.indexOf(0);
    return new TextDecoder().decode(end < 0 ? slice : slice.subarray(0, end));
  };
  const octal = (from: number, length: number): number => parseInt(text(from, length).trim() || '0', 8);
  const kinds: Record<string, EntryKind> = {
    '0': 'file',
    '': 'file',
    '1': 'hardlink',
    '2': 'symlink',
    '3': 'char',
    '4': 'block',
    '5': 'dir',
    '6': 'fifo',
  };
  const out: { entry: TarEntry; data: Uint8Array }[] = [];
  let pax = new Map<string, string>();
  let offset = 0;
  let headerOffset = 0;
  while (offset + 512 <= bytes.length && bytes[offset] !== 0) {
    const type = text(offset + 156, 1);
    let size = octal(offset + 124, 12);
    if (pax.has('size')) size = Number(pax.get('size'));
    const body = bytes.subarray(offset + 512, offset + 512 + size);
    const next = offset + 512 + Math.ceil(size / 512) * 512;
    if (type === 'x' || type === 'L' || type === 'K') {
      if (type === 'x') {
        const records = new TextDecoder().decode(body);
        for (let at = 0; at < records.length;) {
          const space = records.indexOf(' ', at);
          const length = Number(records.slice(at, space));
          const [key, ...value] = records.slice(space + 1, at + length - 1).split('=');
          pax.set(key!, value.join('='));
          at += length;
        }
      } else {
        pax.set(type === 'L' ? 'path' : 'linkpath', text(offset + 512, size));
      }
      offset = next;
      continue;
    }
    const prefix = text(offset + 257, 6) === 'ustar' ? text(offset + 345, 155) : '';
    const raw = pax.get('path') ?? (prefix === '' ? text(offset, 100) : `${prefix}/${text(offset, 100)}`);
    const clean = `/${raw
      .split('/')
      .filter((p) => p !== '' && p !== '.')
      .join('/')}`;
    const linkRaw = pax.get('linkpath') ?? text(offset + 157, 100);
    const kind = kinds[type] ?? 'other';
    const entry: TarEntry = {
      path: clean,
      kind,
      mode: octal(offset + 100, 8) & 0o7777,
      uid: octal(offset + 108, 8),
      gid: octal(offset + 116, 8),
      size,
      mtime: octal(offset + 136, 12),
      linkTarget: kind === 'hardlink' ? `/${linkRaw.replace(/^\.?\//, '')}` : linkRaw,
      uname: text(offset + 265, 32),
      gname: text(offset + 297, 32),
      devMajor: octal(offset + 329, 8),
      devMinor: octal(offset + 337, 8),
      xattrs: undefined,
      dataOffset: offset + 512,
      headerOffset,
      realSize: size,
    };
    out.push({ entry, data: body });
    pax = new Map();
    offset = next;
    headerOffset = next;
  }
  return out;
}

function readDockerArchive(path: string): TarEntry[][] {
  const outer = walkTar(new Uint8Array(readFileSync(path)));
  const byName = new Map(outer.map((item) => [item.entry.path, item.data]));
  const manifest = JSON.parse(new TextDecoder().decode(byName.get('/manifest.json'))) as {
    Layers: string[];
  }[];
  return manifest[0]!.Layers.map((layer) => walkTar(byName.get(`/${layer}`)!).map((item) => item.entry));
}

const hasCorpus = existsSync(DIVE_IMAGE);
if (!hasCorpus) {
  console.warn(
    `Skipping the dive fixture tests: ${DIVE_IMAGE} is absent (the shared corpus is not checked out).`,
  );
}

describe.skipIf(!hasCorpus)("dive's test-docker-image.tar (../shared/corpus)", () => {
  const layers = hasCorpus ? readDockerArchive(DIVE_IMAGE) : [];

  it("reproduces dive's golden numbers exactly", () => {
    const figures = computeDiveFigures(layers);
    expect(figures.efficiency).toBe(0.9844212134184309);
    expect(figures.sizeBytes).toBe(1220598);
    expect(figures.userSizeBytes).toBe(66237);
    expect(figures.wastedBytes).toBe(32025);
    expect(figures.userWastedPercent).toBe(0.4834911001404049);
    expect(figures.inefficiencies).toEqual([
      { path: '/root/example/somefile1.txt', count: 2, cumulativeSize: 12810 },
      { path: '/root/saved.txt', count: 2, cumulativeSize: 12810 },
      { path: '/root/example/somefile3.txt', count: 2, cumulativeSize: 6405 },
    ]);
  });

  it('lists what each Dockerfile step changed (Dockerfile.test-image)', () => {
    const stack = buildLayerStack(layers);
    const dump = formatChanges(stack)
      .split('\n')
      .filter((line) => !line.startsWith('L0 A '));
    expect(dump.join('\n')).toBe(
      [
        'L0 +415 ~0 -0 (+1154361 B ~0 B -0 B)',
        'L1 +1 ~0 -0 (+6405 B ~0 B -0 B)',
        'L1 A /somefile.txt (file 6405 B, 0664, 0:0)',
        'L2 +3 ~0 -0 (+0 B ~0 B -0 B)',
        'L2 A /root/example (dir, 0755, 0:0)',
        'L2 A /root/example/really (dir, 0755, 0:0)',
        'L2 A /root/example/really/nested (dir, 0755, 0:0)',
        'L3 +1 ~0 -0 (+6405 B ~0 B -0 B)',
        'L3 A /root/example/somefile1.txt (file 6405 B, 0644, 0:0)',
        'L4 +0 ~1 -0 (+0 B ~6405 B -0 B)',
        'L4 M /root/example/somefile1.txt [content 6405 B, mode 0644→0444]',
        'L5 +1 ~0 -0 (+6405 B ~0 B -0 B)',
        'L5 A /root/example/somefile2.txt (file 6405 B, 0644, 0:0)',
        'L6 +1 ~0 -0 (+6405 B ~0 B -0 B)',
        'L6 A /root/example/somefile3.txt (file 6405 B, 0644, 0:0)',
        'L7 +1 ~0 -1 (+6405 B ~0 B -6405 B)',
        'L7 R /root/example/somefile3.txt (file 6405 B)',
        'L7 A /root/saved.txt (file 6405 B, 0644, 0:0)',
        'L8 +1 ~0 -0 (+6405 B ~0 B -0 B)',
        'L8 A /root/.saved.txt (file 6405 B, 0644, 0:0)',
        'L9 +0 ~0 -5 (+0 B ~0 B -12810 B)',
        'L9 R /root/example (dir)',
        'L9 R /root/example/really (dir)',
        'L9 R /root/example/really/nested (dir)',
        'L9 R /root/example/somefile1.txt (file 6405 B)',
        'L9 R /root/example/somefile2.txt (file 6405 B)',
        'L10 +3 ~0 -0 (+2187 B ~0 B -0 B)',
        'L10 A /root/.data (dir, 0755, 0:0)',
        'L10 A /root/.data/tag.sh (file 917 B, 0775, 0:0)',
        'L10 A /root/.data/test.sh (file 1270 B, 0755, 0:0)',
        'L11 +1 ~0 -0 (+6405 B ~0 B -0 B)',
        'L11 A /tmp/saved.again1.txt (file 6405 B, 0644, 0:0)',
        'L12 +1 ~0 -0 (+6405 B ~0 B -0 B)',
        'L12 A /root/.data/saved.again2.txt (file 6405 B, 0644, 0:0)',
        'L13 +0 ~1 -0 (+0 B ~6405 B -0 B)',
        'L13 M /root/saved.txt [content 6405 B, mode 0644→0755]',
        '',
      ].join('\n'),
    );
  });

  it('charges the true waste to the steps that wrote and hid it', () => {
    // Same total as dive's W here by coincidence: dive counts somefile1 and saved.txt twice (kept
    // copy included) and misses somefile2, which only the `rm -rf /root/example` step hid.
    const waste = buildLayerStack(layers).trueWaste(10);
    expect(waste.trueWastedBytes).toBe(5 * 6405);
    expect(waste.wastedWrittenBy).toEqual([0, 0, 0, 6405, 6405, 6405, 6405, 6405, 0, 0, 0, 0, 0, 0]);
    expect(waste.wastedHiddenBy).toEqual([0, 0, 0, 0, 6405, 0, 0, 6405, 0, 12810, 0, 0, 0, 6405]);
    expect(waste.largest.map((f) => `${f.path} L${f.writtenBy}→L${f.hiddenBy} ${f.how}`)).toEqual([
      '/root/example/somefile1.txt L3→L4 overwritten',
      '/root/example/somefile1.txt L4→L9 removed',
      '/root/example/somefile2.txt L5→L9 removed',
      '/root/example/somefile3.txt L6→L7 removed',
      '/root/saved.txt L7→L13 overwritten',
    ]);
  });
});

describe('dive-compatible efficiency on synthetic layers', () => {
  it('ignores opaque markers and charges a directory whiteout its lower size, like dive', () => {
    const lower = [dir('/d'), file('/d/a', 100), file('/d/b', 50), dir('/o'), file('/o/x', 10)];
    const upper = [whiteout('/d'), dir('/o'), opaque('/o'), file('/o/y', 5), file('/o/x', 10)];
    const figures = computeDiveFigures([lower, upper]);
    // /o/x twice: Cum 20, Min 10; the whiteout of /d: 150 once; E = (100+50+10+150+5)/(100+50+20+150+5).
    expect(figures.inefficiencies).toEqual([{ path: '/o/x', count: 2, cumulativeSize: 20 }]);
    expect(figures.wastedBytes).toBe(20);
    expect(figures.efficiency).toBe(315 / 325);
    expect(figures.userSizeBytes).toBe(15);
  });

  it('stops a layer at a whiteout of a path missing below, keeping its Min at -1 (dive quirk)', () => {
    const figures = computeDiveFigures([[file('/a', 10)], [whiteout('/nope'), file('/z', 4)]]);
    // "/.wh.nope" sorts before "/z": the visit stops there, so /z is never counted.
    expect(figures.efficiency).toBe((10 - 1) / 10);
    expect(figures.sizeBytes).toBe(14);
  });
});

describe("dive's figures walked in the layer stack's path table", () => {
  // Names whose order by name differs from the order of whole paths as strings ("a-b" < "a/…" < "a.b"
  // as strings; by name "a" comes first), and one outside ASCII.
  const NAMES = ['a', 'a.b', 'a-b', 'B', 'é'];

  function randomLayers(next: () => number): TarEntry[][] {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const path = (): string =>
      Array.from({ length: 1 + Math.floor(next() * 3) }, () => `/${pick(NAMES)}`).join('');
    return Array.from({ length: 1 + Math.floor(next() * 5) }, () => {
      // Most layers are plain (walked in the table); some carry whiteouts (their own tree).
      const markers = next() < 0.3;
      return Array.from({ length: 1 + Math.floor(next() * 12) }, () => {
        const roll = next();
        const p = path();
        if (markers && roll < 0.15) return whiteout(p);
        if (markers && roll < 0.2) return opaque(p);
        if (roll < 0.3) return dir(p);
        if (roll < 0.35) return dir('/');
        // Sizes from a few values, so that cumulative sizes tie and the order of equal ones shows.
        return file(p, pick([0, 3, 3, 7]));
      });
    });
  }

  it('gives the same figures, inefficiencies in the same order, as a tree of each layer (400 seeds)', () => {
    let walkedInTable = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const layers = randomLayers(seededRandom(seed));
      const stack = buildLayerStack(layers);
      const expected = computeDiveFigures(layers);
      expect({ seed, figures: stack.diveFigures() }).toEqual({ seed, figures: expected });
      if (layers.some((layer) => layer.every((entry) => !entry.path.includes('.wh.')))) walkedInTable++;
    }
    expect(walkedInTable).toBeGreaterThan(300);
  });

  it('orders paths made repeated in one layer as dive walks them: name by name, children first', () => {
    const names = ['/a-b', '/a/z', '/a.b', '/a/b/c', '/B'];
    const layers = [names.map((p) => file(p, 5)), [...names].reverse().map((p) => file(p, 5))];
    const paths = buildLayerStack(layers)
      .diveFigures()
      .inefficiencies.map((item) => item.path);
    expect(paths).toEqual(['/B', '/a/b/c', '/a/z', '/a-b', '/a.b']);
    expect(paths).toEqual(computeDiveFigures(layers).inefficiencies.map((item) => item.path));
  });
});

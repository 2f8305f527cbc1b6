import { describe, expect, it } from 'vitest';
import type { TarEntry } from '../model/tar-entry';
import { ChangeTree, LayerChangeTree, type TreeRequest } from '../session/files-view';
import { buildLayerStack, type LayerStack } from './layer-stack';
import { dir, file, opaque, symlink, whiteout } from './layer-builders';
import { seededRandom } from '../testing/seeded-random';

const NAMES = ['a', 'b', 'c'];

function randomLayer(next: () => number): TarEntry[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const path = (): string => {
    const depth = 1 + Math.floor(next() * 3);
    return Array.from({ length: depth }, () => `/${pick(NAMES)}`).join('');
  };
  const entries: TarEntry[] = [];
  const count = 1 + Math.floor(next() * 8);
  for (let i = 0; i < count; i++) {
    const roll = next();
    const p = path();
    if (roll < 0.35) entries.push(file(p, Math.floor(next() * 10)));
    else if (roll < 0.6) entries.push(dir(p, { mode: pick([0o755, 0o700]) }));
    else if (roll < 0.7) entries.push(symlink(p, 'x'));
    else if (roll < 0.9) entries.push(whiteout(p));
    else entries.push(opaque(p));
  }
  return entries;
}

type Model = Map<string, string>;

const isBelow = (path: string, parent: string): boolean => path.startsWith(`${parent}/`);

/**
 * The rules of docs/archive-formats.md#layer-changes written the slow, obvious way: a full copy of the tree
 * per layer.
 */
function applyNaively(lower: Model, entries: readonly TarEntry[]): Model {
  const tree = new Map(lower);
  for (const entry of entries) {
    const slash = entry.path.lastIndexOf('/');
    const dirPath = entry.path.slice(0, slash) || '/';
    const name = entry.path.slice(slash + 1);
    if (name === '.wh..wh..opq') {
      if (lower.get(dirPath) === 'dir' || dirPath === '/') {
        for (const p of [...tree.keys()])
          if (isBelow(p, dirPath === '/' ? '' : dirPath) && lower.has(p)) tree.delete(p);
      }
    } else if (name.startsWith('.wh.')) {
      const target = `${dirPath === '/' ? '' : dirPath}/${name.slice(4)}`;
      for (const p of [...tree.keys()])
        if ((p === target || isBelow(p, target)) && lower.has(p)) tree.delete(p);
    }
  }
  for (const entry of entries) {
    if (entry.path.slice(entry.path.lastIndexOf('/') + 1).startsWith('.wh.')) continue;
    const parts = entry.path.split('/').slice(1);
    for (let i = 1; i < parts.length; i++) {
      const ancestor = `/${parts.slice(0, i).join('/')}`;
      if (tree.get(ancestor) !== 'dir') tree.set(ancestor, 'dir');
    }
    if (entry.kind !== 'dir' && tree.get(entry.path) === 'dir') {
      for (const p of [...tree.keys()]) if (isBelow(p, entry.path)) tree.delete(p);
    }
    tree.set(entry.path, entry.kind);
  }
  return tree;
}

function snapshot(model: Model): string[] {
  return [...model].map(([p, kind]) => `${p} ${kind}`).sort();
}

describe('the layer stack agrees with a naive full-copy model', () => {
  it.each(Array.from({ length: 300 }, (_, seed) => seed))('seed %i', (seed) => {
    const next = seededRandom(seed);
    const layers = Array.from({ length: 2 + Math.floor(next() * 4) }, () => randomLayer(next));
    const stack = buildLayerStack(layers);
    let model: Model = new Map();
    layers.forEach((entries, layer) => {
      const before = model;
      model = applyNaively(before, entries);
      const seen: string[] = [];
      for (let id = 1; id < stack.table.size; id++) {
        const path = stack.table.paths[id]!;
        const node = stack.stat(layer, path);
        if (node !== undefined) seen.push(`${path} ${node.kind}`);
      }
      expect(seen.sort(), `layer ${layer}`).toEqual(snapshot(model));
      const changes = stack.changes(layer);
      const added = [...model.keys()].filter((p) => !before.has(p)).sort();
      const removed = [...before.keys()].filter((p) => !model.has(p)).sort();
      expect(
        changes.added.map((c) => c.path),
        `added in ${layer}`,
      ).toEqual(added);
      expect(
        changes.removed.map((c) => c.path),
        `removed in ${layer}`,
      ).toEqual(removed);
    });
  });
});

/** Every directory's page of both trees, by name and by size. */
function pagesOf(tree: ChangeTree | LayerChangeTree, stack: LayerStack, layer: number): unknown[] {
  const pages: unknown[] = [tree.counts];
  for (const path of stack.table.paths) {
    for (const sort of ['name', 'size'] as const) {
      const request: TreeRequest = { path, offset: 0, limit: 100, sort };
      pages.push(tree.page(stack, layer, request));
    }
  }
  return pages;
}

describe('the change tree over the path table pages as the change set does', () => {
  it.each(Array.from({ length: 200 }, (_, seed) => seed))('seed %i', (seed) => {
    const next = seededRandom(seed);
    const layers = Array.from({ length: 2 + Math.floor(next() * 4) }, () => randomLayer(next));
    const stack = buildLayerStack(layers);
    for (let from = 0; from < layers.length; from++) {
      for (let to = from; to < layers.length; to++) {
        const set = from === to ? stack.changes(from) : stack.changesBetween(from, to);
        expect(pagesOf(new LayerChangeTree(stack.changeDirs(from, to)), stack, to), `${from}..${to}`).toEqual(
          pagesOf(new ChangeTree(set), stack, to),
        );
      }
    }
  });
});

/** The views the worker serves, assembled under Node on the sample image (a real Debian image). */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEnv, openFileSource } from '../../cli/node-env';
import { nodeSqliteOptions } from '../../cli/sqlite-node';
import type { ImageRecord } from '../image/model';
import { dependentCounts, toGraphJson } from '../linkage/graph-export';
import { ArchiveSession } from '../session/archive-session';
import type { TreePage, TreeRow } from '../session/files-view';
import { ImageViews } from './image-views';
import { filterByContent } from './tree-by-content';
import type { ImageFs } from '../model/image-fs';

const SAMPLE = join(import.meta.dirname, '../../../public/samples/sample.tar');

describe('the views of the sample image', () => {
  let views: ImageViews;
  let image: ImageRecord;

  beforeAll(async () => {
    const session = await ArchiveSession.open(await openFileSource(SAMPLE), nodeEnv);
    image = session.info.images[0]!;
    views = new ImageViews(session, { sqlite: await nodeSqliteOptions() });
  });

  it('reads the package databases and builds the owner index once, for every view', async () => {
    expect(views.packages(image)).toBe(views.packages(image));
    const owners = await views.owners(image);
    const linkage = await views.linkage(image);
    expect(linkage.owners).toBe(owners);
    expect(await views.owners(image, image.layers.length - 1)).toBe(owners);
    expect((await views.packages(image)).view.managers).toEqual(['dpkg']);
  });

  it('counts dependents as the CLI does: distinct files that load a node', async () => {
    const { data, graph } = await views.linkage(image);
    const cli = new Map(
      toGraphJson(graph, { image: { id: image.id, names: [] } }).nodes.map((n) => [n.path, n]),
    );
    const resolved = data.nodes.filter((n) => n.kind !== 'missing');
    expect(resolved.length).toBe(cli.size);
    for (const node of resolved) expect(node.dependents, node.path).toBe(cli.get(node.path)!.dependents);
    const libc = data.nodes.find((n) => n.soname === 'libc.so.6')!;
    // libc has an entry point, but what others load is a library in the picture.
    expect(libc).toMatchObject({ kind: 'lib', pkg: 'libc6' });
    expect(libc.dependents).toBeGreaterThan(5);
  });

  it('lays the graph out only when asked, with another layout in place of the force layout', async () => {
    const at = image.layers.length - 2;
    let calls = 0;
    const other = new ImageViews(views.session, {
      layout: (count) => {
        calls++;
        return Array.from({ length: count }, (_, i) => ({ x: i, y: -i }));
      },
    });
    const { data } = await other.linkage(image, at);
    expect(data.layer).toBe(at);
    expect(calls).toBe(0);
    const layout = await other.forceLayout(image, at);
    expect(other.forceLayout(image, at)).toBe(other.forceLayout(image, at));
    expect([...layout.x]).toEqual(data.nodes.map((_, i) => i));
    expect([...layout.y]).toEqual(data.nodes.map((_, i) => -i));
    expect(calls).toBe(1);
  });

  it('reports progress by stage and stops when its only caller cancels', async () => {
    const fresh = new ImageViews(views.session);
    const stages = new Set<string>();
    const controller = new AbortController();
    const cancelled = fresh.linkage(image, null, {
      signal: controller.signal,
      onProgress: (p) => {
        stages.add(p.stage);
        if (p.stage === 'resolving' && p.done === 3) controller.abort();
      },
    });
    await expect(cancelled).rejects.toThrow('Cancelled.');
    expect([...stages]).toEqual(['finding', 'reading', 'resolving']);
    // A cancelled run is not kept: the next caller resolves the whole image.
    const seen: string[] = [];
    const { data } = await fresh.linkage(image, null, { onProgress: (p) => seen.push(p.stage) });
    expect(data.nodes.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe('owners');
  });

  it('gives the waste view one created-by per layer', () => {
    const waste = views.waste(image);
    expect(waste.createdBy).toHaveLength(image.layers.length);
    expect(waste.efficiency).toBeGreaterThan(0);
    expect(waste.efficiency).toBeLessThanOrEqual(1);
  });

  it("tells each layer's package changes", async () => {
    const layers = await views.layerPackages(image);
    expect(layers).toHaveLength(image.layers.length);
    expect(layers[0]!.installed).toContain('curl');
    expect(layers[0]!.packageCount).toBe(49);
  });
});

describe('dependents', () => {
  it('count a file that loads one library under two names once', () => {
    const counts = dependentCounts([
      { from: '/app', to: '/lib/libz.so.1.3' },
      { from: '/app', to: '/lib/libz.so.1.3' },
      { from: '/bin/gzip', to: '/lib/libz.so.1.3' },
    ]);
    expect(counts.get('/lib/libz.so.1.3')).toBe(2);
  });
});

describe('the content filter of a tree page', () => {
  const row = (path: string, kind: string, change: TreeRow['change'] = 'added'): TreeRow => ({
    path,
    name: path.slice(path.lastIndexOf('/') + 1),
    kind,
    mode: 0o755,
    uid: 0,
    gid: 0,
    size: 4,
    totalSize: 4,
    linkTarget: '',
    layer: 0,
    change,
    details: [],
    changedCount: 1,
    hasChildren: kind === 'dir',
  });
  const heads: Record<string, Uint8Array> = {
    '/bin/app': new Uint8Array([0x7f, 0x45, 0x4c, 0x46]),
    '/bin/run.sh': new TextEncoder().encode('#!/bin/sh\n'),
    '/etc/motd': new TextEncoder().encode('hello\n'),
  };
  const fs = { read: (path: string) => Promise.resolve(heads[path]) } as unknown as ImageFs;
  const whole: TreePage = {
    path: '/',
    total: 6,
    offset: 0,
    rows: [
      row('/bin', 'dir'),
      row('/bin/app', 'file'),
      row('/bin/run.sh', 'file'),
      row('/etc/motd', 'file'),
      row('/gone', 'file', 'removed'),
      row('/link', 'symlink'),
    ],
  };

  it('keeps directories and removed rows, and files whose first bytes match', async () => {
    const page = await filterByContent(whole, fs, ['elf', 'script'], { offset: 0, limit: 10 });
    expect(page.rows.map((r) => r.path)).toEqual(['/bin', '/bin/app', '/bin/run.sh', '/gone']);
    expect(page.total).toBe(4);
  });

  it('pages what it kept', async () => {
    const page = await filterByContent(whole, fs, ['text'], { offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, offset: 1, rows: [{ path: '/etc/motd' }] });
  });
});

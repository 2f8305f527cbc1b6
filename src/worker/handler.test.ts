/**
 * The worker's handlers through the real client, over a MessageChannel in this thread: every request
 * of the map is posted, structured-cloned and answered as in the page, with the worker's own
 * environment (DecompressionStream, hash-wasm), on the sample image.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { nodeSqliteOptions } from '../cli/sqlite-node';
import { buildDockerArchive } from '../core/testing/image-builder';
import { buildTar } from '../core/testing/tar-builder';
import { RequestError, WorkerClient, workerPort } from '../client/worker-client';
import type { GraphData, LddReport } from '../protocol/linkage';
import type { ArchiveSummary, ImageOverview, Progress, Request, Response } from '../protocol/messages';
import type { WasteSummary } from '../protocol/files';
import { ImageFileTooLargeError } from '../core';
import { toWire, WorkerHandler } from './handler';
import type { HandlerTable } from './handler-types';
import { webEnv } from './web-env';

const SAMPLE = join(import.meta.dirname, '../../public/samples/sample.tar');

async function connect() {
  const channel = new MessageChannel();
  const handler = new WorkerHandler(webEnv, (response) => channel.port1.postMessage(response), {
    sqlite: await nodeSqliteOptions(),
  });
  channel.port1.onmessage = (event: MessageEvent<Request>) => handler.handle(event.data);
  const client = new WorkerClient(workerPort(channel.port2));
  /** A request posted as is, past the client: its first response. */
  const raw = (request: Request) =>
    new Promise<Response>((resolve) => {
      channel.port2.addEventListener('message', (event: MessageEvent<Response>) => {
        if (event.data.id === request.id) resolve(event.data);
      });
      channel.port2.postMessage(request);
    });
  return {
    client,
    raw,
    close() {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

describe('the worker through its client', () => {
  let connection: Awaited<ReturnType<typeof connect>>;
  let summary: ArchiveSummary;
  let image: { archiveId: string; imageKey: string };
  const progress: Progress[] = [];

  beforeAll(async () => {
    connection = await connect();
    // A Blob in memory: Node cannot post a file-backed one across a MessageChannel.
    const file = new Blob([await readFile(SAMPLE)]);
    summary = await connection.client.request(
      { type: 'open', archiveId: 'f1', file, name: 'sample.tar' },
      { onProgress: (p) => progress.push(p) },
    );
    image = { archiveId: summary.archiveId, imageKey: summary.defaultImageKey! };
  });
  afterAll(() => connection.close());

  it('opens an archive under the id the page gave it, and indexes an image with progress', async () => {
    expect(summary).toMatchObject({ archiveId: 'f1', fileName: 'sample.tar', format: 'oci-layout' });
    expect(summary.images).toHaveLength(1);
    expect(progress.some((p) => p.phase === 'scanning')).toBe(true);
    const views: ImageOverview[] = [];
    const view = await connection.client.request(
      { type: 'index-image', ...image },
      { onProgress: (p) => p.view && views.push(p.view) },
    );
    expect(view.complete).toBe(true);
    expect(view.history.length).toBe(summary.images[0]!.historyCount);
    expect(views.length).toBeGreaterThan(0);
    expect(views.every((v) => !v.complete)).toBe(true);
    expect(await connection.client.request({ type: 'image-view', ...image })).toEqual(view);
  });

  it("answers the open with the shown image's rows before any layer is read", () => {
    const first = summary.firstView!;
    expect(first.imageKey).toBe(summary.defaultImageKey);
    expect(first.complete).toBe(false);
    expect(first.history.length).toBe(summary.images[0]!.historyCount);
    expect(first.history.filter((r) => r.layerIndex !== null).map((r) => r.state)).toEqual(
      Array.from({ length: summary.images[0]!.layerCount }, () => 'pending'),
    );
  });

  it('pages through the Env entries and labels of a config past the first ones of its view', async () => {
    const { client } = connection;
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const config = {
      config: {
        Env: Array.from({ length: 2500 }, (_, i) => `VAR_${i}=x`),
        Labels: Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`label.${i}`, `v${i}`])),
      },
    };
    const archive = buildDockerArchive([buildTar([{ name: 'a', data: 'a' }])], sha, config);
    const file = new Blob([new Uint8Array(archive)]);
    const wide = await client.request({ type: 'open', archiveId: 'wide', file, name: 'wide.tar' });
    const target = { archiveId: 'wide', imageKey: wide.defaultImageKey! };
    const view = await client.request({ type: 'image-view', ...target });
    expect(view.env).toMatchObject({ total: 2500 });
    expect(view.env.first).toHaveLength(100);
    const env = await client.request({
      type: 'config-list',
      ...target,
      list: 'env',
      offset: 100,
      limit: 400,
    });
    expect(env).toMatchObject({ list: 'env', offset: 100, total: 2500 });
    expect(env.items).toHaveLength(400);
    expect(env.items[0]).toBe('VAR_100=x');
    const last = await client.request({
      type: 'config-list',
      ...target,
      list: 'labels',
      offset: 1000,
      limit: 400,
    });
    expect(last).toMatchObject({ list: 'labels', offset: 1000, total: 1200 });
    expect(last.items).toHaveLength(200);
    expect(last.items.at(-1)).toEqual(['label.1199', 'v1199']);
    await client.request({ type: 'close', archiveId: 'wide' });
    await expect(
      client.request({ type: 'config-list', ...target, list: 'env', offset: 0, limit: 10 }),
    ).rejects.toMatchObject({ wire: { code: 'no-such-image' } });
  });

  it('answers the Files and Waste views', async () => {
    const { client } = connection;
    const tree = await client.request({
      type: 'tree',
      ...image,
      scope: { layer: 0, mode: 'merged' },
      request: { path: '/usr/bin', offset: 0, limit: 1000, sort: 'name' },
    });
    expect(tree.counts).toBeNull();
    expect(tree.page.rows.map((r) => r.name)).toContain('curl');
    const elf = await client.request({
      type: 'tree',
      ...image,
      scope: { layer: 0, mode: 'changes' },
      request: { path: '/usr/bin', offset: 0, limit: 1000, sort: 'name', filter: { content: ['elf'] } },
    });
    expect(elf.page.rows.map((r) => r.name)).toContain('curl');
    expect(elf.page.rows.length).toBeLessThan(tree.page.rows.length);
    const search = await client.request({
      type: 'search',
      ...image,
      layer: 'all',
      text: 'curl',
      mode: 'substring',
      limit: 10,
    });
    expect(search.hits.length).toBeGreaterThan(0);
    const history = await client.request({ type: 'path-history', ...image, path: '/usr/bin/curl' });
    expect(history[0]).toMatchObject({ change: 'added', kind: 'file' });
    const head = await client.request({
      type: 'read-file',
      ...image,
      layer: 0,
      path: '/usr/bin/curl',
      offset: 0,
      length: 4,
    });
    expect([...head.bytes]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
    const waste = await client.request({ type: 'waste', ...image });
    expect(waste.createdBy).toHaveLength(summary.images[0]!.layerCount);
    await expect(
      client.request({ type: 'search', ...image, layer: 'all', text: '(', mode: 'regex', limit: 10 }),
    ).rejects.toMatchObject({ wire: { code: 'bad-metadata' } });
  });

  it('answers the Packages view from one owner index', async () => {
    const { client } = connection;
    const packages = await client.request({ type: 'packages', ...image });
    expect(packages.managers).toEqual(['dpkg']);
    const curl = packages.packages.find((p) => p.name === 'curl')!;
    const files = await client.request({ type: 'package-files', ...image, name: 'curl', arch: curl.arch });
    expect(files).toContain('/usr/bin/curl');
    const owner = await client.request({ type: 'owner', ...image, path: '/usr/bin/curl' });
    expect(owner.owners.map((o) => o.name)).toEqual(['curl']);
    const owners = await client.request({ type: 'owners', ...image, paths: ['/usr/bin/curl', '/nowhere'] });
    expect(owners).toEqual({ '/usr/bin/curl': 'curl', '/nowhere': null });
    const layers = await client.request({ type: 'package-layers', ...image });
    expect(layers.some((l) => l.installed.includes('curl'))).toBe(true);
    const licenses = await client.request({ type: 'package-licenses', ...image });
    expect(licenses.packages.find((p) => p.name === 'zlib1g')?.licenses).toEqual(['Zlib']);
    const sbom = JSON.parse(await client.request({ type: 'sbom', ...image })) as {
      bomFormat: string;
      components: { name: string; licenses?: unknown }[];
    };
    expect(sbom.bomFormat).toBe('CycloneDX');
    expect(sbom.components.find((c) => c.name === 'zlib1g')?.licenses).toEqual([{ license: { id: 'Zlib' } }]);
  });

  it('answers the Linkage view, ldd and the blast radius', async () => {
    const { client } = connection;
    const graph = await client.request({ type: 'link-graph', ...image, layer: null });
    const curl = graph.nodes.find((n) => n.path === '/usr/bin/curl')!;
    expect(curl).toMatchObject({ kind: 'exe', pkg: 'curl' });
    const ldd = await client.request({ type: 'ldd', ...image, layer: null, path: '/usr/bin/curl' });
    expect(ldd.exitCode).toBe(0);
    expect(ldd.text).toContain('libcurl.so.4');
    const blast = await client.request({ type: 'blast-radius', query: 'libcurl.so.4' });
    expect(blast).toHaveLength(1);
    expect(blast[0]!.dependents.map((d) => d.path)).toContain('/usr/bin/curl');
  });

  it('answers the Compare view: an image against itself changes nothing', async () => {
    const view = await connection.client.request({ type: 'compare', old: image, new: image });
    expect(view.result.version).toBe(1);
    expect(view.result.layers.removed).toEqual([]);
    expect(view.result.packages.upgraded).toEqual([]);
    expect(view.summary).toBe(
      'size ±0 B (+0.0%) · packages +0 −0 ↑0 ↓0 · 0 new ELF objects · 0 new unresolved libraries',
    );
    expect(view.markdown.startsWith('### `localhost/strata-sample:1` → `localhost/strata-sample:1`')).toBe(
      true,
    );
    expect(view.graph).toEqual({ picture: null, exports: null, omittedNodes: 0 });
  });

  it('answers the Names view', async () => {
    const { client } = connection;
    const resolved = await client.request({
      type: 'resolve',
      name: 'debian',
      engine: 'docker',
      registriesConf: '',
    });
    expect(resolved.confError).toBeNull();
    expect(await client.request({ type: 'shared-layers', ...image })).toEqual([]);
  });

  it('rejects a request whose signal is already aborted, without posting it', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      connection.client.request({ type: 'waste', ...image }, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(RequestError);
  });

  it('carries an abort to the worker as a cancel message', async () => {
    const { client } = connection;
    const file = new Blob([await readFile(SAMPLE)]);
    const again = await client.request({ type: 'open', archiveId: 'f2', file, name: 'again.tar' });
    const controller = new AbortController();
    const indexing = client.request(
      { type: 'index-image', archiveId: 'f2', imageKey: again.defaultImageKey! },
      // The worker is indexing once it reports progress: stop it there.
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(indexing).rejects.toMatchObject({ wire: { code: 'cancelled', message: 'Cancelled.' } });
    await client.request({ type: 'close', archiveId: 'f2' });
  });

  it('says when the page and the worker disagree on the protocol', async () => {
    const response = await connection.raw({ type: 'close', archiveId: 'f1', id: 1_000_000, version: 0 });
    expect(response).toMatchObject({ type: 'error', id: 1_000_000, error: { code: 'protocol' } });
  });

  it('forgets a closed archive, with a sentence for the next request', async () => {
    const { client } = connection;
    expect(await client.request({ type: 'close', archiveId: image.archiveId })).toBeNull();
    await expect(client.request({ type: 'waste', ...image })).rejects.toMatchObject({
      wire: { code: 'no-such-image', message: 'That archive is no longer open; drop it again.' },
    });
  });
});

describe('errors on the wire', () => {
  it('names a file too large to read whole, with its limit as a number for the page', () => {
    const error = new ImageFileTooLargeError('/var/lib/rpm/rpmdb.sqlite', 1024);
    expect(toWire(error)).toEqual({
      code: 'absurd-size',
      message:
        '/var/lib/rpm/rpmdb.sqlite holds more than 1,024 bytes, more than a package database this tool reads; it was not read.',
      sentence: { name: 'file-too-large', params: { path: '/var/lib/rpm/rpmdb.sqlite', limit: 1024 } },
    });
  });
});

describe('the request map types both ends', () => {
  it('gives each request its own result type, without casts', () => {
    const client = new WorkerClient({ post: () => undefined, onResponse: () => undefined });
    const image = { archiveId: 'a', imageKey: 'k' };
    expectTypeOf(client.request({ type: 'waste', ...image })).resolves.toEqualTypeOf<WasteSummary>();
    expectTypeOf(
      client.request({ type: 'link-graph', ...image, layer: null }),
    ).resolves.toEqualTypeOf<GraphData>();
    expectTypeOf(
      client.request({ type: 'ldd', ...image, layer: 0, path: '/bin/sh' }),
    ).resolves.toEqualTypeOf<LddReport>();
    expectTypeOf(client.request({ type: 'close', archiveId: 'a' })).resolves.toEqualTypeOf<null>();
    // @ts-expect-error a request's body must be the map's: ldd needs a path
    void client.request({ type: 'ldd', ...image, layer: 0 });
    // @ts-expect-error a type the map does not have
    void client.request({ type: 'no-such-request' });
  });

  it('rejects a handler table that misses a request or answers the wrong type', () => {
    const good: HandlerTable<'close'> = { close: () => null };
    // @ts-expect-error close answers null, not a string
    const wrongResult: HandlerTable<'close'> = { close: () => 'closed' };
    // @ts-expect-error the table must have a handler for every request it names
    const missing: HandlerTable<'close' | 'waste'> = { close: () => null };
    expect([good, wrongResult, missing]).toHaveLength(3);
  });
});

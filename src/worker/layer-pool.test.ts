/**
 * The layer pool with its real job runner over MessageChannels in this thread (a port per layer worker):
 * the archive's layers are indexed on several workers at once with every diff_id verified, a corrupt layer
 * fails alone, the workers apply the session's decode limits, and cancelling terminates every worker.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  ArchiveSession,
  memorySource,
  memorySpill,
  pickImage,
  type DecodeLimits,
} from '../core';
import type { LayerJobRequest, LayerJobResponse, LayerStages } from './layer-job';
import { hashWorkerInThread } from './hash-worker-harness';
import { RemoteSha256 } from './remote-sha256';
import { LayerJobRunner } from './layer-job';
import { LayerPool, type LayerWorkerPort } from './layer-pool';
import { BUFFERS_IN_FLIGHT } from './stream-feed';
import { buildDockerArchive } from '../core/testing/image-builder';
import { buildTar } from '../core/testing/tar-builder';
import { webEnv } from './web-env';
import { ONE_SHOT_MAX_BYTES } from './web-sha256';

const FIXTURES = join(import.meta.dirname, '../../fixtures/archives');

/**
 * A layer worker in this thread, hashing on a hash worker of its own when asked; counts what is alive,
 * the most layers in flight at once, and keeps each finished layer's stage times.
 */
function harness(options: { hashWorker?: boolean } = {}) {
  const stats = {
    alive: 0,
    busy: 0,
    mostBusy: 0,
    stages: [] as LayerStages[],
    /** What the pool and the workers said, in order: `stream <id>`, `done <id>`. */
    events: [] as string[],
    /** Buffers of streamed layers posted to a worker and not yet taken by its indexer, at most. */
    mostUnconsumed: 0,
  };
  let unconsumed = 0;
  const spawn = (): LayerWorkerPort => {
    const channel = new MessageChannel();
    const hashWorker = options.hashWorker ? hashWorkerInThread() : undefined;
    const hashing = hashWorker ? new RemoteSha256(hashWorker.port) : undefined;
    const runner = new LayerJobRunner(
      webEnv,
      (response) => {
        if (response.type === 'consumed') unconsumed--;
        else if (response.type !== 'progress' && response.type !== 'spill-failed') stats.busy--;
        if (response.type === 'done') {
          stats.stages.push(response.stages);
          stats.events.push(`done ${response.id}`);
        }
        channel.port1.postMessage(response);
      },
      hashing,
    );
    channel.port1.onmessage = (event: MessageEvent<LayerJobRequest>) => {
      const message = event.data;
      if (message.type === 'chunk') {
        unconsumed++;
        stats.mostUnconsumed = Math.max(stats.mostUnconsumed, unconsumed);
      } else if (message.type !== 'end') {
        if (message.type === 'index-stream') stats.events.push(`stream ${message.id}`);
        stats.busy++;
        stats.mostBusy = Math.max(stats.mostBusy, stats.busy);
      }
      runner.handle(message);
    };
    stats.alive++;
    const port: LayerWorkerPort = {
      postMessage: (message, transfer) => channel.port2.postMessage(message, transfer ?? []),
      onmessage: null,
      terminate() {
        stats.alive--;
        channel.port1.close();
        channel.port2.close();
        hashWorker?.close();
      },
    };
    channel.port2.onmessage = (event: MessageEvent<LayerJobResponse>) => port.onmessage?.(event);
    return port;
  };
  return { stats, spawn };
}

async function open(
  file: string,
  pool: LayerPool,
  mangle?: (bytes: Uint8Array) => void,
  limits?: DecodeLimits,
) {
  const bytes = new Uint8Array(await readFile(join(FIXTURES, file)));
  mangle?.(bytes);
  const blob = new Blob([bytes]);
  const session = await ArchiveSession.open(memorySource(bytes, file), webEnv, {
    indexer: pool.indexerFor(blob),
    ...(limits ? { limits } : {}),
  });
  const pick = pickImage(session.info);
  if ('error' in pick) throw new Error(pick.error);
  return { session, image: pick.image };
}

describe('layer worker pool', () => {
  it('indexes the layers on several workers, every diff_id verified', async () => {
    const { stats, spawn } = harness();
    const pool = new LayerPool(spawn, 3);
    const { session, image } = await open('podman-oci-archive.tar', pool);
    let read = 0;
    await session.indexImage(image, { onBytes: (n) => (read = n) });
    const statuses = image.layers.map((layer) => session.status(layer));
    expect(statuses.map((s) => s.state)).toEqual(image.layers.map(() => 'done'));
    expect(statuses.every((s) => s.verified === true)).toBe(true);
    expect(stats.mostBusy).toBe(3);
    expect(read).toBe(statuses.reduce((sum, s) => sum + (s.index?.storedSize ?? 0), 0));
  });

  it('starts its workers before the first layer when warmed, and indexes on them', async () => {
    const { stats, spawn } = harness();
    const pool = new LayerPool(spawn, 2);
    pool.warm();
    expect(pool.workers).toBe(2);
    const { session, image } = await open('podman-oci-archive.tar', pool);
    await session.indexImage(image);
    expect(image.layers.every((layer) => session.status(layer).verified === true)).toBe(true);
    expect(stats.alive).toBe(2);
  });

  it('hashes on hash workers while the layer workers decode, every diff_id and digest verified', async () => {
    const { stats, spawn } = harness({ hashWorker: true });
    const pool = new LayerPool(spawn, 2);
    for (const file of ['podman-oci-archive.tar', 'podman-docker-archive.tar']) {
      const { session, image } = await open(file, pool);
      await session.indexImage(image);
      for (const layer of image.layers) {
        const status = session.status(layer);
        expect(status).toMatchObject({ state: 'done', verified: true });
        expect(status.warnings.filter((w) => w.includes('digest'))).toEqual([]);
      }
    }
    expect(stats.stages.length).toBeGreaterThan(2);
    // The fixtures' layers are small enough for WebCrypto (web-sha256.ts): the hash workers' share is
    // measured with the large layers of the next test.
    expect(stats.stages.every((s) => s.totalMs >= s.readMs)).toBe(true);
  });

  it('reports a wrong diff_id on both hashing paths: WebCrypto for a small layer, incremental for a large one', async () => {
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    const tarOf = (size: number) => buildTar([{ name: 'data.bin', data: new Uint8Array(randomBytes(size)) }]);
    const small = tarOf(64 * 1024);
    const large = tarOf(ONE_SHOT_MAX_BYTES + 1024 * 1024);
    // Plain and gzip layers, each small and large; random bytes do not shrink, so the gzip ones stay large.
    const layers = [small, large, gzipSync(small, { level: 1 }), gzipSync(large, { level: 1 })].map(
      (l) => new Uint8Array(l),
    );
    const decoded = new Map<Uint8Array, Uint8Array>(layers.map((l, i) => [l, i % 2 === 0 ? small : large]));
    const digested: number[] = [];
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    vi.spyOn(crypto.subtle, 'digest').mockImplementation((algorithm, data) => {
      digested.push(data.byteLength);
      return digest(algorithm, data);
    });
    try {
      for (const wrong of [false, true]) {
        // The config's diff_ids: each layer's decoded digest, or one that is not.
        const diffId = (l: Uint8Array) => (wrong ? 'f'.repeat(64) : sha(decoded.get(l) ?? l));
        const bytes = new Uint8Array(buildDockerArchive(layers, diffId));
        const { stats, spawn } = harness({ hashWorker: true });
        const pool = new LayerPool(spawn, 2);
        const blob = new Blob([bytes]);
        const session = await ArchiveSession.open(memorySource(bytes, 'image.tar'), webEnv, {
          indexer: pool.indexerFor(blob),
        });
        const pick = pickImage(session.info);
        if ('error' in pick) throw new Error(pick.error);
        await session.indexImage(pick.image);
        const statuses = pick.image.layers.map((layer) => session.status(layer));
        for (const [i, status] of statuses.entries()) {
          const actual = `sha256:${sha(i % 2 === 0 ? small : large)}`;
          expect(status).toMatchObject({ state: 'done', verified: !wrong });
          expect(status.index?.diffId).toBe(actual);
          expect(status.index?.digest).toBe(`sha256:${sha(layers[i]!)}`);
          const mismatch = status.warningSentences?.find((w) => w?.name === 'layer-diff-id-mismatch');
          expect(mismatch?.params).toEqual(
            wrong ? { diffId: actual, expected: `sha256:${'f'.repeat(64)}` } : undefined,
          );
        }
        // The large layers were hashed on the hash workers.
        expect(stats.stages.filter((stage) => stage.hashMs > 0)).toHaveLength(2);
      }
    } finally {
      vi.restoreAllMocks();
    }
    // WebCrypto digested the small layer (plain: its stored bytes read from the File; gzip: its stored and
    // its decoded bytes), never a large one.
    expect(digested.filter((n) => n > 4096).every((n) => n <= ONE_SHOT_MAX_BYTES)).toBe(true);
    expect(digested).toContain(small.length);
    expect(digested).toContain(layers[2]!.length);
  });

  it('a corrupt layer fails alone; the others are read and verified', async () => {
    const { spawn } = harness();
    const pool = new LayerPool(spawn, 2);
    const plain = await open('podman-docker-archive.tar', pool);
    const victim = plain.image.layers[2]!;
    const entry = plain.session.scan.resolve(victim.blobPath!)!;
    const { session, image } = await open('podman-docker-archive.tar', pool, (bytes) => {
      // A tar header in the middle of the layer made into garbage.
      bytes.fill(0x41, entry.offset + 512, entry.offset + 1024);
    });
    await session.indexImage(image);
    const states = image.layers.map((layer) => session.status(layer));
    expect(states[2]!.state === 'failed' || states[2]!.verified === false).toBe(true);
    for (const [i, status] of states.entries()) {
      if (i !== 2) expect(status).toMatchObject({ state: 'done', verified: true });
    }
  });

  it("applies the session's decode limits on the workers, as in the session's own thread", async () => {
    const { spawn } = harness();
    const pool = new LayerPool(spawn, 2);
    const plain = await open('podman-oci-archive.tar', pool);
    await plain.session.indexImage(plain.image);
    const sizes = plain.image.layers.map((layer) => plain.session.status(layer).index?.size ?? 0);
    // A limit just under the largest layer: that layer stops with the sentence, the others are read.
    const largest = Math.max(...sizes);
    const limits: DecodeLimits = { maxLayerBytes: largest - 1, maxRatio: 5_000, ratioAfterBytes: 1024 ** 3 };
    const { session, image } = await open('podman-oci-archive.tar', pool, undefined, limits);
    await session.indexImage(image);
    const statuses = image.layers.map((layer) => session.status(layer));
    for (const [i, status] of statuses.entries()) {
      if (sizes[i] === largest) {
        expect(status.state).toBe('failed');
        expect(status.error).toMatch(/^This layer decodes to more than .* GiB, the limit for one layer/);
      } else {
        expect(status).toMatchObject({ state: 'done', verified: true });
      }
    }
  });

  it('cancelling terminates every worker and leaves the layers pending', async () => {
    const { stats, spawn } = harness();
    const pool = new LayerPool(spawn, 2);
    const { session, image } = await open('podman-oci-archive.tar', pool);
    const controller = new AbortController();
    // The first bytes a worker reports: layers are in flight on the workers.
    const run = session.indexImage(image, { signal: controller.signal, onBytes: () => controller.abort() });
    await expect(run).rejects.toBeInstanceOf(AbortedError);
    expect(stats.mostBusy).toBeGreaterThan(0);
    expect(stats.alive).toBe(0);
    expect(pool.workers).toBe(0);
    expect(image.layers.some((layer) => session.status(layer).state === 'pending')).toBe(true);
  });

  describe('docker save | gzip: layers streamed from the one pass', () => {
    /** Two layers over the pass's in-memory size for metadata (4 MiB), gzipped whole. */
    function packedArchive(): Uint8Array<ArrayBuffer> {
      const layers = [0, 1].map((n) =>
        buildTar([{ name: `data${n}.bin`, data: new Uint8Array(randomBytes(5 * 1024 * 1024)) }]),
      );
      const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
      return new Uint8Array(gzipSync(buildDockerArchive(layers, sha), { level: 1 }));
    }

    /** Both layers of packedArchive indexed, every diff_id verified; the session closed. */
    async function expectBothVerified(session: ArchiveSession): Promise<void> {
      const pick = pickImage(session.info);
      if ('error' in pick) throw new Error(pick.error);
      await session.indexImage(pick.image);
      expect(pick.image.layers.map((layer) => session.status(layer))).toMatchObject([
        { state: 'done', verified: true },
        { state: 'done', verified: true },
      ]);
      await session.close();
    }

    it('indexes a layer on its worker while the pass is still reading the outer stream', async () => {
      const { stats, spawn } = harness({ hashWorker: true });
      // One worker: the second layer waits for it, and the pass, holding only a bounded queue, waits too.
      const pool = new LayerPool(spawn, 1);
      const packed = packedArchive();
      const session = await ArchiveSession.open(memorySource(packed, 'image.tar.gz'), webEnv, {
        indexer: pool.indexerFor(new Blob([packed])),
        onProgress: () => stats.events.push('pass'),
      });
      const firstDone = stats.events.findIndex((e) => e.startsWith('done'));
      expect(stats.events.filter((e) => e.startsWith('stream'))).toEqual(['stream 1', 'stream 2']);
      expect(firstDone).toBeGreaterThan(0);
      expect(stats.events.slice(firstDone).filter((e) => e === 'pass').length).toBeGreaterThan(0);
      expect(stats.mostUnconsumed).toBeLessThanOrEqual(BUFFERS_IN_FLIGHT);

      await expectBothVerified(session);
    });

    it('a layer worker that cannot write its part of the spill gives the spill up, not the layer', async () => {
      const { spawn } = harness();
      const pool = new LayerPool(spawn, 2);
      const packed = packedArchive();
      const shared: number[] = [];
      // A spill that lets the layer workers write their layers; in Node they have no storage to write to.
      const env = {
        ...webEnv,
        createSpill: async (name: string) => ({
          ...(await memorySpill()(name)),
          share: (offset: number) => (shared.push(offset), { file: 'spill.tar', offset }),
        }),
      };
      const session = await ArchiveSession.open(memorySource(packed, 'image.tar.gz'), env, {
        indexer: pool.indexerFor(new Blob([packed])),
      });
      expect(shared).toHaveLength(2);
      expect(session.scan.randomAccess).toBe(false);
      expect(session.scan.unreadableBecause).toBeTruthy();
      await expectBothVerified(session);
    });

    it('cancelling the pass terminates the worker of the layer in flight', async () => {
      const { stats, spawn } = harness();
      const pool = new LayerPool(spawn, 2);
      const packed = packedArchive();
      const controller = new AbortController();
      const opening = ArchiveSession.open(memorySource(packed, 'image.tar.gz'), webEnv, {
        indexer: pool.indexerFor(new Blob([packed])),
        signal: controller.signal,
        onProgress: () => {
          if (stats.busy > 0) controller.abort();
        },
      });
      await expect(opening).rejects.toBeInstanceOf(AbortedError);
      expect(stats.mostBusy).toBeGreaterThan(0);
      expect(pool.workers).toBe(0);
    });
  });
});

/**
 * The layer pool with its real job runner over MessageChannels in this thread (a port per layer worker):
 * the archive's layers are indexed on several workers at once with every diff_id verified, a corrupt layer
 * fails alone, the workers apply the session's decode limits, and cancelling terminates every worker.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AbortedError, ArchiveSession, memorySource, pickImage, type DecodeLimits } from '../core';
import type { LayerJobRequest, LayerJobResponse, LayerStages } from './layer-job';
import { hashWorkerInThread } from './hash-worker-harness';
import { RemoteSha256 } from './remote-sha256';
import { LayerJobRunner } from './layer-job';
import { LayerPool, type LayerWorkerPort } from './layer-pool';
import { webEnv } from './web-env';

const FIXTURES = join(import.meta.dirname, '../../fixtures/archives');

/**
 * A layer worker in this thread, hashing on a hash worker of its own when asked; counts what is alive,
 * the most layers in flight at once, and keeps each finished layer's stage times.
 */
function harness(options: { hashWorker?: boolean } = {}) {
  const stats = { alive: 0, busy: 0, mostBusy: 0, stages: [] as LayerStages[] };
  const spawn = (): LayerWorkerPort => {
    const channel = new MessageChannel();
    const hashWorker = options.hashWorker ? hashWorkerInThread() : undefined;
    const hashing = hashWorker ? new RemoteSha256(hashWorker.port) : undefined;
    const runner = new LayerJobRunner(
      webEnv,
      (response) => {
        if (response.type !== 'progress') stats.busy--;
        if (response.type === 'done') stats.stages.push(response.stages);
        channel.port1.postMessage(response);
      },
      hashing,
    );
    channel.port1.onmessage = (event: MessageEvent<LayerJobRequest>) => {
      stats.busy++;
      stats.mostBusy = Math.max(stats.mostBusy, stats.busy);
      runner.handle(event.data);
    };
    stats.alive++;
    const port: LayerWorkerPort = {
      postMessage: (message) => channel.port2.postMessage(message),
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
    expect(stats.stages.every((s) => s.hashMs > 0 && s.totalMs >= s.readMs)).toBe(true);
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
});

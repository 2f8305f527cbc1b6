/**
 * What the page's layer workers keep while they index (the loader's byte ranges of every ELF file, the heads of
 * the rest, the package databases whole), and that the page then resolves the linkage graph without decoding
 * a layer again. The sample's layer is indexed as stored (gzip), re-wrapped as zstd and uncompressed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeEnv, openFileSource } from '../cli/node-env';
import { WorkerClient, workerPort } from '../client/worker-client';
import {
  ArchiveSession,
  elfRanges,
  EntryTable,
  readSparse,
  unpackKept,
  type CoreEnv,
  type Decoder,
  type SparseFile,
} from '../core';
import type { Request } from '../protocol/messages';
import { WorkerHandler } from './handler';
import {
  LayerJobRunner,
  type LayerJobRequest,
  type LayerJobResponse,
  type LayerTableWire,
} from './layer-job';
import { LayerPool, type LayerWorkerPort } from './layer-pool';
import { webEnv } from './web-env';

const SAMPLE = join(import.meta.dirname, '../../public/samples/sample.tar');

/** The sample's largest layer blob as stored, and decoded. */
async function sampleLayer(): Promise<{ stored: Uint8Array<ArrayBuffer>; decoded: Uint8Array<ArrayBuffer> }> {
  const source = await openFileSource(SAMPLE);
  const session = await ArchiveSession.open(source, nodeEnv);
  const blobs = session.info.images[0]!.layers.map((l) => session.scan.resolve(l.blobPath!)!);
  const largest = blobs.reduce((a, b) => (b.size > a.size ? b : a));
  const archive = await readFile(SAMPLE);
  const stored = new Uint8Array(archive.subarray(largest.offset, largest.offset + largest.size));
  await session.close();
  await source.close();
  return { stored, decoded: new Uint8Array(gunzipSync(stored)) };
}

/** A zstd frame of raw (stored) blocks: valid zstd that any decoder reads, made without an encoder. */
function zstdRaw(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const block = 128 * 1024;
  // Magic, frame header descriptor 0 (a window descriptor follows), window 2^17; then block header + bytes.
  const out: Uint8Array[] = [Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38])];
  for (let at = 0; at < bytes.length || at === 0; at += block) {
    const piece = bytes.subarray(at, at + block);
    const header = (piece.length << 3) | (at + block >= bytes.length ? 1 : 0);
    out.push(Uint8Array.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), piece);
  }
  return new Uint8Array(Buffer.concat(out));
}

/** One layer indexed by the job runner, over a MessageChannel as between threads (buffers transferred). */
function runJob(
  blob: Blob,
  keepLimit: number | undefined,
): Promise<Extract<LayerJobResponse, { type: 'done' }>> {
  const channel = new MessageChannel();
  const runner = new LayerJobRunner(webEnv, (response, transfer) =>
    channel.port1.postMessage(response, transfer ?? []),
  );
  return new Promise((resolve, reject) => {
    channel.port2.onmessage = (event: MessageEvent<LayerJobResponse>) => {
      const response = event.data;
      if (response.type === 'progress' || response.type === 'consumed') return;
      channel.port1.close();
      channel.port2.close();
      if (response.type === 'done') resolve(response);
      else reject(new Error(response.message));
    };
    runner.handle({
      type: 'index',
      id: 1,
      file: blob,
      offset: 0,
      size: blob.size,
      ...(keepLimit !== undefined && { keepLimit }),
    });
  });
}

/** Every read the loader emulation makes of each ELF file, and each file's head, served with a full read's bytes. */
function expectServesFullReads(
  index: LayerTableWire,
  kept: ReadonlyMap<number, SparseFile>,
  decoded: Uint8Array,
): number {
  let elfFiles = 0;
  for (const entry of EntryTable.fromColumns(index.entries)) {
    if (entry.kind !== 'file' || entry.size === 0) continue;
    const bytes = decoded.subarray(entry.dataOffset, entry.dataOffset + entry.size);
    const file = kept.get(entry.dataOffset);
    expect(file, entry.path).toBeDefined();
    const head = Math.min(entry.size, 64);
    const reads = bytes[0] === 0x7f && bytes[1] === 0x45 ? elfRanges(bytes) : [{ offset: 0, length: head }];
    if (reads.length > 1) elfFiles++;
    for (const r of reads) {
      const got = readSparse(file!, r.offset, r.length);
      expect(got && Buffer.from(got).equals(bytes.subarray(r.offset, r.offset + r.length)), entry.path).toBe(
        true,
      );
    }
  }
  return elfFiles;
}

describe('a layer worker keeps what the loader reads', async () => {
  const { stored, decoded } = await sampleLayer();

  it.each([
    ['gzip', stored],
    ['zstd', zstdRaw(decoded)],
    ['none', decoded],
  ] as const)(
    'from a layer of compression %s: the same bytes as a full read, transferred',
    async (compression, bytes) => {
      const done = await runJob(new Blob([bytes]), Number.POSITIVE_INFINITY);
      expect(done.index.compression).toBe(compression);
      expect(done.kept).toBeDefined();
      const elfFiles = expectServesFullReads(done.index, unpackKept(done.kept!), decoded);
      expect(elfFiles).toBeGreaterThan(20);
    },
  );

  it('keeps nothing past its limit, and nothing when not asked; the index is the same', async () => {
    const blob = new Blob([stored]);
    const full = await runJob(blob, Number.POSITIVE_INFINITY);
    const capped = await runJob(blob, 1024 * 1024);
    const plain = await runJob(blob, undefined);
    expect(full.kept!.bytes.length).toBeGreaterThan(1024 * 1024);
    expect(capped.kept).toBeUndefined();
    expect(plain.kept).toBeUndefined();
    expect(capped.index.diffId).toBe(full.index.diffId);
    expect(plain.index.entries.count).toBe(full.index.entries.count);
  });
});

/** The session's decoders, counted: a decode in the archive's worker after indexing is a layer read again. */
function countingEnv(): { env: CoreEnv; decodes: () => number } {
  let count = 0;
  const counted =
    (decoder: Decoder): Decoder =>
    (input) => {
      count++;
      return decoder(input);
    };
  return {
    env: {
      ...webEnv,
      gunzip: counted(webEnv.gunzip),
      gunzipPortable: counted(webEnv.gunzipPortable),
      unzstd: counted(webEnv.unzstd),
    },
    decodes: () => count,
  };
}

/** The page's worker with its layer pool, every thread here over MessageChannels; `keep`: whether workers keep. */
function pageWorker(env: CoreEnv, keep: boolean) {
  const ports: MessagePort[] = [];
  const spawn = (): LayerWorkerPort => {
    const channel = new MessageChannel();
    ports.push(channel.port1, channel.port2);
    const runner = new LayerJobRunner(webEnv, (response, transfer) =>
      channel.port1.postMessage(response, transfer ?? []),
    );
    channel.port1.onmessage = (event: MessageEvent<LayerJobRequest>) => {
      if (event.data.type !== 'index') {
        runner.handle(event.data);
        return;
      }
      const { keepLimit, ...job } = event.data;
      runner.handle(keep && keepLimit !== undefined ? { ...job, keepLimit } : job);
    };
    const port: LayerWorkerPort = {
      postMessage: (message) => channel.port2.postMessage(message),
      onmessage: null,
      terminate: () => undefined,
    };
    channel.port2.onmessage = (event: MessageEvent<LayerJobResponse>) => port.onmessage?.(event);
    return port;
  };
  const pool = new LayerPool(spawn, 2);
  const channel = new MessageChannel();
  ports.push(channel.port1, channel.port2);
  const handler = new WorkerHandler(
    env,
    (response) => channel.port1.postMessage(response),
    {},
    (file) => pool.indexerFor(file),
  );
  channel.port1.onmessage = (event: MessageEvent<Request>) => handler.handle(event.data);
  return {
    client: new WorkerClient(workerPort(channel.port2)),
    close: () => ports.forEach((p) => p.close()),
  };
}

describe('the page resolves the linkage graph from what its layer workers kept', () => {
  async function linkAfterReady(keep: boolean): Promise<{ decodes: number; objects: number }> {
    const { env, decodes } = countingEnv();
    const { client, close } = pageWorker(env, keep);
    try {
      const file = new Blob([await readFile(SAMPLE)]);
      const summary = await client.request({ type: 'open', archiveId: 'a', file, name: 'sample.tar' });
      const image = { archiveId: 'a', imageKey: summary.defaultImageKey! };
      await client.request({ type: 'index-image', ...image });
      // Straight after "ready", as a click on Linkage would.
      const graph = await client.request({ type: 'link-graph', ...image, layer: null });
      return { decodes: decodes(), objects: graph.nodes.length };
    } finally {
      close();
    }
  }

  it('without decoding any layer a second time', async () => {
    const kept = await linkAfterReady(true);
    expect(kept.objects).toBeGreaterThan(50);
    expect(kept.decodes).toBe(0);
    // The same page whose layer workers keep nothing decodes the layers again to resolve.
    const notKept = await linkAfterReady(false);
    expect(notKept.objects).toBe(kept.objects);
    expect(notKept.decodes).toBeGreaterThan(0);
  });
});

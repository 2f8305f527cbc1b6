/**
 * Hashing on a hash worker, with the real runner over a MessageChannel in this thread: digests equal
 * node:crypto's whatever the chunking, the caller's chunks are left whole, the buffers in flight stay
 * bounded, and a hash worker that fails turns into a sentence.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HashResponse } from './hash-job';
import { hashWorkerInThread as hashWorker } from './hash-worker-harness';
import { BUFFERS_PER_STREAM, HASH_BUFFER_BYTES, RemoteSha256 } from './remote-sha256';

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function feed(hasher: ReturnType<RemoteSha256['create']>, bytes: Uint8Array, chunk: number) {
  for (let at = 0; at < bytes.length; at += chunk) await hasher.update(bytes.subarray(at, at + chunk));
}

describe('sha256 on a hash worker', () => {
  it("gives node:crypto's digests for two interleaved streams, whatever the chunk sizes", async () => {
    const worker = hashWorker();
    const remote = new RemoteSha256(worker.port);
    const big = new Uint8Array(randomBytes(3 * HASH_BUFFER_BYTES + 12345));
    const small = new Uint8Array(randomBytes(70_000));
    for (const chunk of [7, 65_536, HASH_BUFFER_BYTES, 5 * HASH_BUFFER_BYTES]) {
      const a = remote.create();
      const b = remote.create();
      await Promise.all([feed(a, big, chunk), feed(b, small, Math.max(1, chunk >> 4))]);
      expect(await a.digestHex()).toBe(sha256(big));
      expect(await b.digestHex()).toBe(sha256(small));
    }
    const empty = remote.create();
    expect(await empty.digestHex()).toBe(sha256(new Uint8Array(0)));
    expect(remote.hashMs).toBeGreaterThan(0);
    worker.close();
  });

  it("leaves the caller's chunk whole and keeps at most a few buffers in flight", async () => {
    const worker = hashWorker();
    const remote = new RemoteSha256(worker.port);
    const bytes = new Uint8Array(randomBytes((BUFFERS_PER_STREAM + 3) * HASH_BUFFER_BYTES));
    const hasher = remote.create();
    worker.hold();
    let settled = false;
    const update = Promise.resolve(hasher.update(bytes)).then(() => (settled = true));
    // The hash worker answers nothing: the update waits once its buffers are all out.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    expect(worker.stats.updates).toBe(BUFFERS_PER_STREAM);
    worker.release();
    await update;
    expect(bytes.byteLength).toBe((BUFFERS_PER_STREAM + 3) * HASH_BUFFER_BYTES);
    expect(await hasher.digestHex()).toBe(sha256(bytes));
    worker.close();
  });

  it('turns a hash worker that fails into a sentence', async () => {
    const worker = hashWorker();
    const remote = new RemoteSha256(worker.port);
    const hasher = remote.create();
    await hasher.update(new Uint8Array(10));
    worker.port.onmessage?.(
      new MessageEvent<HashResponse>('message', {
        data: { type: 'failed', message: 'The layer could not be hashed (out of memory).' },
      }),
    );
    await expect(hasher.digestHex()).rejects.toThrow('The layer could not be hashed (out of memory).');
    worker.close();
  });
});

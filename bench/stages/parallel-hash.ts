/**
 * What hashing on a second thread would give the page: the main thread reads, gunzips
 * (DecompressionStream) and parses the tar, and posts copies of the stored and decoded chunks to a
 * hash worker, waiting only when more than 32 MB are unacknowledged. Each blob ends when both
 * digests are back, as a layer's diff_id check would. Chromium only (the stage page).
 */
import { readRange, TarParser, type ByteSource, type CoreEnv } from '../../src/core';
import type { HashReply, HashRequest } from './hash-worker';
import type { BlobRange } from './stages';

const MAX_IN_FLIGHT = 32e6;

export interface ParallelHashTime {
  readonly ms: number;
  readonly bytes: number;
  /** Time the page's thread spent waiting for the hasher: in-flight bound, then the final digests. */
  readonly waitMs: number;
  /** Time spent in postMessage (structured clone of each chunk). */
  readonly postMs: number;
}

export async function timeParallelHash(
  source: ByteSource,
  blobs: readonly BlobRange[],
  env: CoreEnv,
  compressed: boolean,
): Promise<ParallelHashTime> {
  const worker = new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' });
  let inFlight = 0;
  // Two senders can wait at once (the gunzip pump posts stored chunks while the loop below posts
  // decoded ones), so every waiter is woken on each acknowledgement.
  let waiters: (() => void)[] = [];
  let digests: (() => void) | undefined;
  worker.onmessage = (event: MessageEvent<HashReply>) => {
    if (event.data.kind === 'ack') {
      inFlight -= event.data.bytes;
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    } else {
      digests?.();
    }
  };
  let waitMs = 0;
  let postMs = 0;
  const post = async (kind: 'stored' | 'decoded', chunk: Uint8Array) => {
    const waiting = performance.now();
    while (inFlight > MAX_IN_FLIGHT) await new Promise<void>((resolve) => waiters.push(resolve));
    const posting = performance.now();
    waitMs += posting - waiting;
    inFlight += chunk.length;
    const request: HashRequest = { kind, chunk };
    worker.postMessage(request);
    postMs += performance.now() - posting;
  };
  try {
    const started = performance.now();
    let bytes = 0;
    for (const blob of blobs) {
      async function* stored(): AsyncGenerator<Uint8Array> {
        for await (const chunk of readRange(source, blob.offset, blob.size)) {
          await post('stored', chunk);
          yield chunk;
        }
      }
      const parser = new TarParser({ onEntry: () => false });
      for await (const chunk of compressed ? env.gunzip(stored()) : stored()) {
        if (compressed) await post('decoded', chunk);
        if (!parser.ended) parser.push(chunk);
        bytes += chunk.length;
      }
      parser.end();
      const done = new Promise<void>((resolve) => (digests = resolve));
      const end: HashRequest = { kind: 'end' };
      const waiting = performance.now();
      worker.postMessage(end);
      await done;
      waitMs += performance.now() - waiting;
    }
    return { ms: performance.now() - started, bytes, waitMs, postMs };
  } finally {
    worker.terminate();
  }
}

/**
 * sha256 in the browser, two ways. WebCrypto's `crypto.subtle.digest` is BoringSSL, which uses the CPU's SHA
 * extensions where it has them (about 2× hash-wasm's throughput per CPU second in Chromium on this project's
 * machine, 2–8× in wall time: bench/README.md#sha256-in-the-browser), but it is one-shot: it takes the whole
 * message at once, and copies it. hash-wasm is incremental, so it hashes a stream of any length in flat memory.
 * A message of at most ONE_SHOT_MAX_BYTES is hashed by WebCrypto, a longer one by hash-wasm
 * (docs/limits.md#sha256-one-shot-or-incremental).
 */
import { createSHA256 } from 'hash-wasm';
import type { Hasher } from '../core';

/**
 * The most bytes hashed by one WebCrypto call, held whole while they wait for it (and once more by
 * WebCrypto's own copy): a layer worker holds at most two such messages (a small layer's stored and decoded
 * bytes), so four layer workers stay within the page's memory bound
 * (docs/limits.md#sha256-one-shot-or-incremental).
 */
export const ONE_SHOT_MAX_BYTES = 8 * 1024 * 1024;

export async function webCryptoHex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** hash-wasm's incremental sha256, as a core Hasher. */
export async function wasmSha256(): Promise<Hasher> {
  const hasher = await createSHA256();
  hasher.init();
  return { update: (data) => void hasher.update(data), digestHex: () => hasher.digest('hex') };
}

/**
 * A Hasher that holds what it is given, up to `cap` bytes, and digests it with WebCrypto at the end; past the
 * cap it hands what it holds to `incremental()` and goes on there, so memory stays bounded whatever the
 * stream's length. Its buffer grows by doubling, so a short stream holds little.
 */
export function oneShotOrIncremental(
  incremental: () => Hasher | Promise<Hasher>,
  cap = ONE_SHOT_MAX_BYTES,
): Hasher {
  let held = new Uint8Array(0);
  let filled = 0;
  let next: Hasher | undefined;
  const handOver = async (data: Uint8Array): Promise<void> => {
    const hasher = await incremental();
    await hasher.update(held.subarray(0, filled));
    held = new Uint8Array(0);
    filled = 0;
    next = hasher;
    await hasher.update(data);
  };
  return {
    update(data) {
      if (next) return next.update(data);
      if (filled + data.length > cap) return handOver(data);
      if (filled + data.length > held.length) {
        const grown = new Uint8Array(Math.min(cap, Math.max(filled + data.length, held.length * 2, 65536)));
        grown.set(held.subarray(0, filled));
        held = grown;
      }
      held.set(data, filled);
      filled += data.length;
    },
    digestHex() {
      if (next) return next.digestHex();
      const bytes = held.subarray(0, filled);
      held = new Uint8Array(0);
      return webCryptoHex(bytes);
    },
  };
}

/** sha256 of a Blob of at most ONE_SHOT_MAX_BYTES (a small layer's range of the File): one read, one call. */
export async function blobSha256(blob: Blob): Promise<string> {
  return webCryptoHex(new Uint8Array(await blob.arrayBuffer()));
}

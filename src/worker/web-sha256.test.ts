/**
 * sha256 one-shot or incremental: WebCrypto for what fits the cap, hash-wasm past it, node:crypto's digests
 * either way whatever the chunking (7-byte chunks cross the cap at every offset), and only the small messages
 * reach WebCrypto.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blobSha256, oneShotOrIncremental, wasmSha256 } from './web-sha256';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The byte lengths WebCrypto was asked to digest. */
function watchWebCrypto(): number[] {
  const lengths: number[] = [];
  const digest = crypto.subtle.digest.bind(crypto.subtle);
  vi.spyOn(crypto.subtle, 'digest').mockImplementation((algorithm, data) => {
    lengths.push(data.byteLength);
    return digest(algorithm, data);
  });
  return lengths;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sha256 one-shot or incremental', () => {
  it("gives node:crypto's digests under, at and over the cap, whatever the chunk sizes", async () => {
    const cap = 1000;
    const lengths = watchWebCrypto();
    for (const length of [0, 1, 999, 1000, 1001, 5000]) {
      const bytes = new Uint8Array(randomBytes(length));
      for (const chunk of [7, 64, 1000, 4096]) {
        const hasher = oneShotOrIncremental(wasmSha256, cap);
        for (let at = 0; at < length; at += chunk) await hasher.update(bytes.subarray(at, at + chunk));
        expect(await hasher.digestHex()).toBe(sha256(bytes));
      }
    }
    // Only the messages that fit the cap were given to WebCrypto, each in one call.
    expect(new Set(lengths)).toEqual(new Set([0, 1, 999, 1000]));
  });

  it("copies what it holds: the caller's buffer may be reused at once", async () => {
    const hasher = oneShotOrIncremental(wasmSha256, 1000);
    const chunk = new Uint8Array(100);
    const all: number[] = [];
    for (let i = 0; i < 5; i++) {
      chunk.fill(i);
      all.push(...chunk);
      await hasher.update(chunk);
    }
    expect(await hasher.digestHex()).toBe(sha256(new Uint8Array(all)));
  });

  it('hashes a Blob in one WebCrypto call', async () => {
    const lengths = watchWebCrypto();
    const bytes = new Uint8Array(randomBytes(4096));
    expect(await blobSha256(new Blob([bytes]).slice(5))).toBe(sha256(bytes.subarray(5)));
    expect(lengths).toEqual([4091]);
  });
});

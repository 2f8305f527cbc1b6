/**
 * A second thread for sha256 (the parallel-hash stage): it hashes the stored and the decoded
 * chunks of one blob with hash-wasm, as the app's worker does, and acknowledges bytes so the
 * sender can bound what is in flight.
 */
import { createSHA256, type IHasher } from 'hash-wasm';

export type HashRequest =
  { readonly kind: 'stored' | 'decoded'; readonly chunk: Uint8Array } | { readonly kind: 'end' };

export type HashReply =
  | { readonly kind: 'ack'; readonly bytes: number }
  | { readonly kind: 'digests'; readonly stored: string; readonly decoded: string };

let hashers: Promise<[IHasher, IHasher]> | undefined;
const fresh = async (): Promise<[IHasher, IHasher]> => {
  const pair: [IHasher, IHasher] = [await createSHA256(), await createSHA256()];
  for (const h of pair) h.init();
  return pair;
};

let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<HashRequest>) => {
  const request = event.data;
  // Messages are handled strictly in order: hashers are created asynchronously once per blob.
  queue = queue.then(async () => {
    hashers ??= fresh();
    const [stored, decoded] = await hashers;
    if (request.kind === 'end') {
      hashers = undefined;
      const reply: HashReply = {
        kind: 'digests',
        stored: stored.digest('hex'),
        decoded: decoded.digest('hex'),
      };
      self.postMessage(reply);
      return;
    }
    (request.kind === 'stored' ? stored : decoded).update(request.chunk);
    const ack: HashReply = { kind: 'ack', bytes: request.chunk.length };
    self.postMessage(ack);
  });
};

/**
 * sha256 on a thread of its own: a layer worker decodes and parses while its hash worker hashes what came
 * before, so hashing overlaps decoding inside one layer. Bytes travel in buffers that are transferred to
 * the hash worker and back (remote-sha256.ts), never cloned. The runner is free of worker globals, so tests
 * drive it over a MessageChannel in one thread.
 */
import { createSHA256, type IHasher } from 'hash-wasm';

export type HashRequest =
  /** `length` bytes at the start of `buffer` belong to `stream`; the buffer comes back when hashed. */
  | {
      readonly type: 'update';
      readonly stream: number;
      readonly buffer: ArrayBuffer;
      readonly length: number;
    }
  | { readonly type: 'digest'; readonly stream: number }
  /** Forget every stream (a layer failed or restarted with another decoder: its hashes are not needed). */
  | { readonly type: 'reset' };

export type HashResponse =
  | { readonly type: 'buffer'; readonly stream: number; readonly buffer: ArrayBuffer }
  /** `hashMs`: time this thread spent hashing the stream, for the layer's stage times. */
  | { readonly type: 'digest'; readonly stream: number; readonly hex: string; readonly hashMs: number }
  | { readonly type: 'failed'; readonly message: string };

interface Stream {
  readonly hasher: IHasher;
  hashMs: number;
}

export class HashJobRunner {
  private readonly streams = new Map<number, Stream>();
  /** Messages are handled one after another: a stream's first update waits for its WASM instance. */
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly post: (response: HashResponse, transfer: Transferable[]) => void) {}

  handle(request: HashRequest): void {
    this.tail = this.tail
      .then(() => this.run(request))
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.post({ type: 'failed', message: `The layer could not be hashed (${message}).` }, []);
      });
  }

  private async run(request: HashRequest): Promise<void> {
    if (request.type === 'reset') {
      this.streams.clear();
      return;
    }
    if (request.type === 'digest') {
      const stream = await this.stream(request.stream);
      this.streams.delete(request.stream);
      const hex = stream.hasher.digest('hex');
      this.post({ type: 'digest', stream: request.stream, hex, hashMs: stream.hashMs }, []);
      return;
    }
    const stream = await this.stream(request.stream);
    const start = performance.now();
    stream.hasher.update(new Uint8Array(request.buffer, 0, request.length));
    stream.hashMs += performance.now() - start;
    this.post({ type: 'buffer', stream: request.stream, buffer: request.buffer }, [request.buffer]);
  }

  private async stream(id: number): Promise<Stream> {
    let stream = this.streams.get(id);
    if (!stream) {
      const hasher = await createSHA256();
      hasher.init();
      stream = { hasher, hashMs: 0 };
      this.streams.set(id, stream);
    }
    return stream;
  }
}

/**
 * sha256 hashers whose hashing runs on a hash worker (hash-job.ts). `update` copies the bytes into one of a
 * few fixed buffers (the caller keeps its own chunk: the tar parser and the decoder still read it) and
 * transfers each full buffer to the hash worker, which transfers it back once hashed. A stream never has
 * more than BUFFERS_PER_STREAM buffers out: when all are out, `update` returns a promise that settles when
 * one comes back, so the bytes in flight stay bounded however fast the decoder runs.
 */
import type { Hasher } from '../core';
import type { HashRequest, HashResponse } from './hash-job';

/** Big enough that a message per buffer costs nothing next to hashing it. */
export const HASH_BUFFER_BYTES = 1024 * 1024;
export const BUFFERS_PER_STREAM = 4;

/** What the client needs of the hash worker: a real Worker, or a MessageChannel port in tests. */
export interface HashWorkerPort {
  postMessage(message: HashRequest, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<HashResponse>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
}

interface StreamState {
  readonly free: ArrayBuffer[];
  /** Settles the `update` waiting for a buffer to come back. */
  waiting: (() => void) | undefined;
  digest: { resolve: (hex: string) => void; reject: (error: Error) => void } | undefined;
}

export class RemoteSha256 {
  private readonly streams = new Map<number, StreamState>();
  private nextStream = 1;
  private failure: Error | undefined;
  /** Time the hash worker spent hashing, summed over the streams digested since the last `reset`. */
  hashMs = 0;
  /** Time `update` callers waited for a buffer: the decoder outran the hash worker. */
  waitMs = 0;

  constructor(private readonly port: HashWorkerPort) {
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(`The layer could not be hashed: its hash worker stopped (${event.message}).`));
    };
  }

  create(): Hasher {
    const id = this.nextStream++;
    const state: StreamState = { free: [], waiting: undefined, digest: undefined };
    this.streams.set(id, state);
    let allocated = 0;
    let current: Uint8Array | undefined;
    let filled = 0;
    const send = () => {
      if (!current) return;
      const buffer = current.buffer as ArrayBuffer;
      this.port.postMessage({ type: 'update', stream: id, buffer, length: filled }, [buffer]);
      current = undefined;
      filled = 0;
    };
    const update = (data: Uint8Array): void | Promise<void> => {
      for (let at = 0; at < data.length;) {
        if (this.failure) throw this.failure;
        if (!current) {
          const buffer =
            state.free.pop() ??
            (allocated < BUFFERS_PER_STREAM ? (allocated++, new ArrayBuffer(HASH_BUFFER_BYTES)) : undefined);
          if (!buffer) {
            const rest = data.subarray(at);
            const start = performance.now();
            return new Promise<void>((resolve) => (state.waiting = resolve)).then(() => {
              this.waitMs += performance.now() - start;
              return update(rest);
            });
          }
          current = new Uint8Array(buffer);
        }
        const n = Math.min(data.length - at, current.length - filled);
        current.set(data.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled === current.length) send();
      }
    };
    return {
      update,
      digestHex: () => {
        if (this.failure) return Promise.reject(this.failure);
        send();
        this.port.postMessage({ type: 'digest', stream: id }, []);
        return new Promise<string>((resolve, reject) => (state.digest = { resolve, reject }));
      },
    };
  }

  /** Forget every stream, here and on the hash worker: between layers, and after a failed one. */
  reset(): void {
    this.streams.clear();
    this.hashMs = 0;
    this.waitMs = 0;
    this.port.postMessage({ type: 'reset' }, []);
  }

  private receive(response: HashResponse): void {
    if (response.type === 'failed') {
      this.fail(new Error(response.message));
      return;
    }
    const state = this.streams.get(response.stream);
    if (!state) return;
    if (response.type === 'buffer') {
      state.free.push(response.buffer);
      const waiting = state.waiting;
      state.waiting = undefined;
      waiting?.();
      return;
    }
    this.streams.delete(response.stream);
    this.hashMs += response.hashMs;
    state.digest?.resolve(response.hex);
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const state of this.streams.values()) {
      state.digest?.reject(error);
      const waiting = state.waiting;
      state.waiting = undefined;
      waiting?.();
    }
    this.streams.clear();
  }
}

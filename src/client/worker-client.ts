/**
 * Main-thread RPC to the worker: one Promise per request, an AbortSignal that reaches the worker as
 * a cancel message, progress callbacks. Any Port works: a real Worker, or the handler called in
 * the same thread (tests; docs/conventions.md#every-worker-path-runs-without-a-worker).
 */
import {
  PROTOCOL_VERSION,
  type Progress,
  type Request,
  type RequestBody,
  type RequestType,
  type Response,
  type ResultOf,
  type WireError,
} from '../protocol/messages';

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export interface Port {
  post(request: Request, transfer?: Transferable[]): void;
  onResponse(listener: (response: Response) => void): void;
}

export class RequestError extends Error {
  override name = 'RequestError';
  constructor(readonly wire: WireError) {
    super(wire.message);
  }
}

interface Pending {
  resolve(value: ResultOf<RequestType>): void;
  reject(error: Error): void;
  onProgress: ((progress: Progress) => void) | undefined;
}

export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: Port) {
    port.onResponse((response) => {
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      if (response.type === 'progress') {
        waiting.onProgress?.(response.progress);
        return;
      }
      this.pending.delete(response.id);
      if (response.type === 'result') waiting.resolve(response.value);
      else waiting.reject(new RequestError(response.error));
    });
  }

  /**
   * One request of the map (protocol/request-map.ts), answered with that request's result type.
   * An AbortSignal becomes a cancel message; progress events reach `onProgress`.
   */
  request<B extends RequestBody>(body: B, options: CallOptions = {}): Promise<ResultOf<B['type']>> {
    const id = this.nextId++;
    const { signal } = options;
    if (signal?.aborted)
      return Promise.reject(new RequestError({ code: 'cancelled', message: 'Cancelled.' }));
    return new Promise<ResultOf<B['type']>>((resolve, reject) => {
      this.pending.set(id, {
        // Responses are matched to requests by id; the worker's handler table is checked against the
        // same map, so the value answering this id has this request's result type.
        resolve,
        reject,
        onProgress: options.onProgress,
      });
      signal?.addEventListener(
        'abort',
        () => {
          this.port.post({ type: 'cancel', id: this.nextId++, version: PROTOCOL_VERSION, target: id });
        },
        { once: true },
      );
      this.port.post({ ...body, id, version: PROTOCOL_VERSION });
    });
  }
}
/** A Port over a module Worker, or over a MessagePort (a MessageChannel in one thread: tests). */
export function workerPort(
  target: Pick<MessagePort, 'postMessage' | 'addEventListener'> & { start?(): void },
): Port {
  return {
    post: (request, transfer) => {
      target.postMessage(request, transfer ?? []);
    },
    onResponse: (listener) => {
      target.addEventListener('message', (event: MessageEvent<Response>) => {
        listener(event.data);
      });
      // A MessagePort delivers nothing until started; a Worker has no start().
      target.start?.();
    },
  };
}

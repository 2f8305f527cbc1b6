/**
 * Main-thread RPC to the worker: one Promise per request, an AbortSignal that reaches the worker as
 * a cancel message, progress callbacks. Any Port works: a real Worker, or the handler called in
 * the same thread (tests; docs/conventions.md#every-worker-path-runs-without-a-worker).
 * A worker that fails (an error, a reply it cannot read, a fault it reports, silence while requests
 * wait) is finished: every pending request rejects with a sentence, and so does every later one.
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
import { Watchdog } from './watchdog';
import { failureFromError, failureSentence, type WorkerFailure } from './worker-failure';

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export interface Port {
  post(request: Request, transfer?: Transferable[]): void;
  onResponse(listener: (response: Response) => void): void;
  /** The browser's own failure events (a Worker's `error`, `messageerror`). */
  onFailure?(listener: (failure: WorkerFailure) => void): void;
  /** Stop the worker for good (a failed one may still be running, or stuck). */
  terminate?(): void;
}

export interface ClientOptions {
  /** A ping unanswered this long while requests wait means the worker is gone; absent: never. */
  silenceMs?: number;
}

export class RequestError extends Error {
  override name = 'RequestError';
  constructor(readonly wire: WireError) {
    super(wire.message);
  }
}

interface Pending {
  readonly body: RequestBody;
  resolve(value: ResultOf<RequestType>): void;
  reject(error: Error): void;
  onProgress: ((progress: Progress) => void) | undefined;
}

/** Told once when the worker fails, with the bodies of the requests that were waiting. */
export type FailureListener = (failure: WorkerFailure, pending: readonly RequestBody[]) => void;

export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly failureListeners: FailureListener[] = [];
  private readonly watchdog: Watchdog | undefined;
  private failure: WorkerFailure | null = null;

  constructor(
    private readonly port: Port,
    options: ClientOptions = {},
  ) {
    this.watchdog =
      options.silenceMs === undefined
        ? undefined
        : new Watchdog(
            options.silenceMs,
            () => this.port.post({ type: 'ping', id: this.nextId++, version: PROTOCOL_VERSION }),
            () => this.fail({ reason: 'unresponsive', detail: `no answer for ${options.silenceMs} ms` }),
          );
    port.onFailure?.((failure) => this.fail(failure));
    port.onResponse((response) => {
      this.watchdog?.heard();
      if (response.type === 'fault') {
        this.fail(failureFromError(response.message));
        return;
      }
      const waiting = this.pending.get(response.id);
      if (!waiting || response.type === 'pong') return;
      if (response.type === 'progress') {
        waiting.onProgress?.(response.progress);
        return;
      }
      this.settled(response.id);
      if (response.type === 'result') waiting.resolve(response.value);
      else waiting.reject(new RequestError(response.error));
    });
  }

  /** How the worker failed, once it has. */
  get failed(): WorkerFailure | null {
    return this.failure;
  }

  onFailure(listener: FailureListener): void {
    this.failureListeners.push(listener);
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
    if (this.failure) return Promise.reject(failedError(this.failure));
    return new Promise<ResultOf<B['type']>>((resolve, reject) => {
      this.pending.set(id, {
        body,
        // Responses are matched to requests by id; the worker's handler table is checked against the
        // same map, so the value answering this id has this request's result type.
        resolve,
        reject,
        onProgress: options.onProgress,
      });
      this.watchdog?.watch();
      signal?.addEventListener(
        'abort',
        () => {
          if (this.failure || !this.pending.has(id)) return;
          this.port.post({ type: 'cancel', id: this.nextId++, version: PROTOCOL_VERSION, target: id });
        },
        { once: true },
      );
      this.port.post({ ...body, id, version: PROTOCOL_VERSION });
    });
  }

  private settled(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.watchdog?.stop();
  }

  private fail(failure: WorkerFailure): void {
    if (this.failure) return;
    this.failure = failure;
    this.watchdog?.stop();
    this.port.terminate?.();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const request of waiting) request.reject(failedError(failure));
    for (const listener of this.failureListeners)
      listener(
        failure,
        waiting.map((request) => request.body),
      );
  }
}

function failedError(failure: WorkerFailure): RequestError {
  return new RequestError({ code: 'worker-failed', message: failureSentence(failure, null) });
}

type WorkerLike = Pick<MessagePort, 'postMessage'> & {
  addEventListener(type: string, listener: (event: Event) => void): void;
  start?(): void;
  terminate?(): void;
};

/** A Port over a module Worker, or over a MessagePort (a MessageChannel in one thread: tests). */
export function workerPort(target: WorkerLike): Port {
  return {
    post: (request, transfer) => {
      target.postMessage(request, transfer ?? []);
    },
    onResponse: (listener) => {
      target.addEventListener('message', (event) => {
        listener((event as MessageEvent<Response>).data);
      });
      // A MessagePort delivers nothing until started; a Worker has no start().
      target.start?.();
    },
    onFailure: (listener) => {
      // A Worker's uncaught exception (a MessagePort has no such event; the listener is then never called).
      target.addEventListener('error', (event) => {
        event.preventDefault();
        // An ErrorEvent in a browser; a worker that failed to load gives a plain Event.
        const { message } = event as Partial<ErrorEvent>;
        listener(failureFromError(message ?? 'the worker could not start'));
      });
      target.addEventListener('messageerror', () => {
        listener({ reason: 'unreadable-reply', detail: 'messageerror' });
      });
    },
    terminate: () => target.terminate?.(),
  };
}

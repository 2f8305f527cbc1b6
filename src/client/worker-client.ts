/**
 * Main-thread RPC to the worker: one Promise per request, an AbortSignal that reaches the worker as
 * a cancel message, progress callbacks. Any Port works: a real Worker, or the handler called in
 * the same thread (tests; docs/conventions.md#every-worker-path-runs-without-a-worker).
 */
import {
  PROTOCOL_VERSION,
  type ArchiveSummary,
  type ImageView,
  type Progress,
  type Request,
  type RequestBody,
  type Response,
  type WireError,
} from '../protocol/messages';
import type { FilesRequest } from '../protocol/files';
import type { NamesRequest } from '../protocol/names';
import type { PackagesRequest } from '../protocol/packages';
import type { LinkageRequest } from '../protocol/linkage';

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
  resolve(value: unknown): void;
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

  open(file: Blob, name: string, options?: CallOptions): Promise<ArchiveSummary> {
    return this.send({ type: 'open', file, name }, options) as Promise<ArchiveSummary>;
  }

  indexImage(archiveId: string, imageKey: string, options?: CallOptions): Promise<ImageView> {
    return this.send({ type: 'index-image', archiveId, imageKey }, options) as Promise<ImageView>;
  }

  imageView(archiveId: string, imageKey: string, options?: CallOptions): Promise<ImageView> {
    return this.send({ type: 'image-view', archiveId, imageKey }, options) as Promise<ImageView>;
  }

  linkage<T>(body: LinkageRequest, options?: CallOptions): Promise<T> {
    return this.send(body, options) as Promise<T>;
  }

  packages<T>(body: PackagesRequest, options?: CallOptions): Promise<T> {
    return this.send(body, options) as Promise<T>;
  }

  names<T>(body: NamesRequest, options?: CallOptions): Promise<T> {
    return this.send(body, options) as Promise<T>;
  }

  files<T>(body: FilesRequest, options?: CallOptions): Promise<T> {
    return this.send(body, options) as Promise<T>;
  }

  close(archiveId: string): Promise<unknown> {
    return this.send({ type: 'close', archiveId });
  }

  private send(body: RequestBody, options: CallOptions = {}): Promise<unknown> {
    const id = this.nextId++;
    const { signal } = options;
    if (signal?.aborted)
      return Promise.reject(new RequestError({ code: 'cancelled', message: 'Cancelled.' }));
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress: options.onProgress });
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

export function workerPort(worker: Worker): Port {
  return {
    post: (request, transfer) => worker.postMessage(request, transfer ?? []),
    onResponse: (listener) =>
      worker.addEventListener('message', (event: MessageEvent<Response>) => listener(event.data)),
  };
}

/**
 * One layer indexed on a layer worker: the archive worker posts the File and the blob's range (no bytes:
 * the layer worker reads its own slices), the layer worker answers with progress and the LayerTable, or a
 * sentence. The runner is free of worker globals, so tests drive it over a MessageChannel in one thread.
 */
import { indexLayer, readRange, sentence, type CoreEnv, type DecodeLimits, type LayerTable } from '../core';
import { blobSource } from './web-env';

/** A layer to index. Cancelling is terminating the worker (layer-pool.ts): its memory goes at once. */
export interface LayerJobRequest {
  readonly type: 'index';
  readonly id: number;
  readonly file: Blob;
  readonly offset: number;
  readonly size: number;
  /** The session's decompression bomb limits (docs/limits.md); structured clone carries them. */
  readonly limits?: DecodeLimits;
}

export type LayerJobResponse =
  | { readonly type: 'progress'; readonly id: number; readonly read: number; readonly decoded: number }
  | { readonly type: 'done'; readonly id: number; readonly index: LayerTable }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** Decoded-byte progress is posted at most this often; every stored slice read is posted. */
const PROGRESS_INTERVAL_MS = 100;

export class LayerJobRunner {
  constructor(
    private readonly env: CoreEnv,
    private readonly post: (response: LayerJobResponse) => void,
  ) {}

  handle(job: LayerJobRequest): void {
    void this.run(job);
  }

  private async run(job: LayerJobRequest): Promise<void> {
    const source = blobSource(job.file, 'layer');
    let decoded = 0;
    let last = 0;
    const report = (read: number) => {
      const now = Date.now();
      if (read === 0 && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      this.post({ type: 'progress', id: job.id, read, decoded });
    };
    try {
      const index = await indexLayer(
        () => readRange(source, job.offset, job.size, { onRead: (n) => report(n) }),
        this.env,
        {
          canRestart: true,
          ...(job.limits ? { limits: job.limits } : {}),
          onProgress: (n) => {
            decoded = n;
            report(0);
          },
        },
      );
      this.post({ type: 'done', id: job.id, index });
    } catch (error) {
      this.post({ type: 'failed', id: job.id, message: sentence(error) });
    }
  }
}

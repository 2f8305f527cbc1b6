/**
 * Worker threads for the fuzzer, each with a heap cap: a run that exhausts it is "oom", a run that
 * does not answer in time is "hang" (the worker is terminated); either way a fresh worker takes over.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { RunResult } from './cli-worker';

export type PoolResult =
  | ({ readonly kind: 'answer' } & Omit<RunResult, 'id'>)
  | { readonly kind: 'hang' | 'oom' | 'crash'; readonly why: string };

interface Slot {
  worker: Worker;
  busy: boolean;
}

const ENTRY = join(import.meta.dirname, 'cli-worker-entry.mjs');

export class FuzzPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;

  constructor(
    size: number,
    private readonly heapMb: number,
    private readonly timeoutMs: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push({ worker: this.spawn(), busy: false });
  }

  private spawn(): Worker {
    return new Worker(ENTRY, {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
  }

  async run(argv: readonly string[]): Promise<PoolResult> {
    const slot = this.slots.find((s) => !s.busy);
    if (slot === undefined) throw new Error('FuzzPool.run called with every worker busy.');
    slot.busy = true;
    const id = this.nextId++;
    const { worker } = slot;
    try {
      return await new Promise<PoolResult>((resolve) => {
        const timer = setTimeout(() => {
          finish({ kind: 'hang', why: `no answer in ${this.timeoutMs / 1000} s` }, true);
        }, this.timeoutMs);
        const onMessage = (result: RunResult): void => {
          if (result.id !== id) return;
          const { id: _id, ...rest } = result;
          finish({ kind: 'answer', ...rest }, false);
        };
        const onError = (error: Error & { code?: string }): void => {
          const oom = error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap out of memory/i.test(error.message);
          finish({ kind: oom ? 'oom' : 'crash', why: `${error.name}: ${error.message}` }, true);
        };
        const onExit = (code: number): void => {
          finish({ kind: 'crash', why: `the worker exited with code ${code}` }, true);
        };
        const finish = (result: PoolResult, replace: boolean): void => {
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          if (replace) {
            void worker.terminate();
            slot.worker = this.spawn();
          }
          resolve(result);
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.postMessage({ id, argv });
      });
    } finally {
      slot.busy = false;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

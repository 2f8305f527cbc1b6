/**
 * Peak memory of the page's worker, sampled every 100 ms over CDP. Playwright hands out CDP
 * sessions for pages and frames only, so the page's session auto-attaches to its worker in the
 * non-flattened mode (`Target.setAutoAttach` with `flatten: false`) and talks to it through
 * `Target.sendMessageToTarget`. `Runtime.getHeapUsage` in the worker gives the JS heap (`usedSize`)
 * and, in Chromium ≥ 120, the ArrayBuffer backing stores (`backingStorageSize`): the read slices
 * and decoded chunks live there, outside the JS heap. `Performance.getMetrics` is a page-only
 * domain, so it cannot see the worker.
 */
import type { CDPSession } from '@playwright/test';

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  backingStorageSize?: number;
}

export interface WorkerMemory {
  /** Max JS heap used by the worker (JSHeapUsedSize). */
  readonly peakHeapUsed: number;
  /** Max of heap used + ArrayBuffer backing stores in one sample. */
  readonly peakHeapPlusBuffers: number;
  /** After a forced GC once the page is ready: what the worker holds on to. */
  readonly retainedHeap: number;
  readonly retainedHeapPlusBuffers: number;
  readonly samples: number;
}

export class WorkerMemorySampler {
  private workerSession: string | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (usage: HeapUsage | undefined) => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private peakHeapUsed = 0;
  private peakHeapPlusBuffers = 0;
  private samples = 0;
  private inFlight = false;

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') this.workerSession = event.sessionId;
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: HeapUsage };
      if (message.id === undefined) return;
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    });
  }

  /** Attach before the page loads, so the worker is seen from its start. */
  static async attach(cdp: CDPSession): Promise<WorkerMemorySampler> {
    const sampler = new WorkerMemorySampler(cdp);
    await cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    return sampler;
  }

  get attached(): boolean {
    return this.workerSession !== undefined;
  }

  /** One CDP command in the worker; undefined when no worker is attached. */
  private async call(method: string): Promise<HeapUsage | undefined> {
    const session = this.workerSession;
    if (session === undefined) return undefined;
    const id = this.nextId++;
    const answer = new Promise<HeapUsage | undefined>((resolve) => this.pending.set(id, resolve));
    await this.cdp.send('Target.sendMessageToTarget', {
      sessionId: session,
      message: JSON.stringify({ id, method }),
    });
    return answer;
  }

  async sample(): Promise<HeapUsage | undefined> {
    const usage = await this.call('Runtime.getHeapUsage');
    if (usage) {
      this.samples++;
      this.peakHeapUsed = Math.max(this.peakHeapUsed, usage.usedSize);
      this.peakHeapPlusBuffers = Math.max(
        this.peakHeapPlusBuffers,
        usage.usedSize + (usage.backingStorageSize ?? 0),
      );
    }
    return usage;
  }

  start(): void {
    this.peakHeapUsed = 0;
    this.peakHeapPlusBuffers = 0;
    this.samples = 0;
    this.timer = setInterval(() => {
      // A slow answer must not pile up requests; the next tick samples again.
      if (this.inFlight) return;
      this.inFlight = true;
      void this.sample().finally(() => (this.inFlight = false));
    }, 100);
  }

  async stop(): Promise<WorkerMemory> {
    clearInterval(this.timer);
    await this.sample();
    // What the worker keeps once the garbage is gone: the indexes themselves, not the chunks
    // that passed through (a peak counts garbage V8 had not collected yet).
    await this.call('HeapProfiler.collectGarbage');
    const kept = await this.call('Runtime.getHeapUsage');
    return {
      peakHeapUsed: this.peakHeapUsed,
      peakHeapPlusBuffers: this.peakHeapPlusBuffers,
      retainedHeap: kept?.usedSize ?? Number.NaN,
      retainedHeapPlusBuffers: (kept?.usedSize ?? Number.NaN) + (kept?.backingStorageSize ?? 0),
      samples: this.samples,
    };
  }
}

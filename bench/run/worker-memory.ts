/**
 * Peak memory of the page's workers together, sampled every 100 ms over CDP. Playwright hands out CDP
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
  /** Most workers alive at one sample (the archive worker and its layer workers). */
  readonly workers: number;
}

export interface CdpMessage {
  id?: number;
  method?: string;
  params?: {
    sessionId?: string;
    message?: string;
    chunk?: string;
    targetInfo?: { type: string; url?: string };
  };
  result?: HeapUsage & { profile?: unknown };
}

/**
 * Every worker of the page: the archive worker and the layer workers it starts. A worker's own workers are
 * its children in CDP, reached by nesting `Target.sendMessageToTarget` in the parent's session; so each
 * worker is known by the path of session ids from the page, and each is told to auto-attach its children.
 */
export class WorkerMemorySampler {
  private readonly workers = new Map<string, string[]>();
  private everAttached = false;
  private nextId = 1;
  private readonly pending = new Map<number, (message: CdpMessage) => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private peakHeapUsed = 0;
  private peakHeapPlusBuffers = 0;
  private peakWorkers = 0;
  private samples = 0;
  private inFlight = false;

  /** Called with each worker as it is attached (its session path and script URL), e.g. to start a profiler. */
  onWorker: ((path: string[], url: string) => void) | undefined;
  /** Called with each event a worker sends (e.g. a heap snapshot's chunks). */
  onEvent: ((path: string[], message: CdpMessage) => void) | undefined;

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') this.attachWorker([event.sessionId], event.targetInfo.url);
    });
    cdp.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId) this.workers.delete(event.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      this.receive([event.sessionId], JSON.parse(event.message) as CdpMessage);
    });
  }

  private receive(path: string[], message: CdpMessage): void {
    const params = message.params;
    if (message.method === 'Target.receivedMessageFromTarget' && params?.sessionId && params.message) {
      this.receive([...path, params.sessionId], JSON.parse(params.message) as CdpMessage);
    } else if (message.method === 'Target.attachedToTarget' && params?.sessionId) {
      if (params.targetInfo?.type === 'worker')
        this.attachWorker([...path, params.sessionId], params.targetInfo.url ?? '');
    } else if (message.method === 'Target.detachedFromTarget' && params?.sessionId) {
      this.workers.delete(params.sessionId);
    } else if (message.id !== undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    } else this.onEvent?.(path, message);
  }

  private attachWorker(path: string[], url: string): void {
    this.workers.set(path[path.length - 1]!, path);
    this.everAttached = true;
    this.onWorker?.(path, url);
    void this.send(path, 'Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
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

  /** The session path of every worker alive now. */
  workerPaths(): string[][] {
    return [...this.workers.values()];
  }

  get attached(): boolean {
    return this.everAttached;
  }

  /** One CDP command in the worker at the end of `path`, wrapped once per level. */
  async send(
    path: string[],
    method: string,
    params: object = {},
    timeoutMs = 2000,
  ): Promise<CdpMessage | undefined> {
    const id = this.nextId++;
    const answer = new Promise<CdpMessage>((resolve) => this.pending.set(id, resolve));
    let message = JSON.stringify({ id, method, params });
    for (let level = path.length - 1; level >= 1; level--) {
      message = JSON.stringify({
        id: this.nextId++,
        method: 'Target.sendMessageToTarget',
        params: { sessionId: path[level], message },
      });
    }
    try {
      await this.cdp.send('Target.sendMessageToTarget', { sessionId: path[0]!, message });
    } catch {
      // The worker ended between the listing and the call.
      this.pending.delete(id);
      return undefined;
    }
    // A worker that ends while asked never answers: a sample does not wait for it.
    return Promise.race([answer, new Promise<undefined>((resolve) => setTimeout(resolve, timeoutMs))]);
  }

  /** Heap usage of every worker alive now, summed. */
  private async usage(method: string): Promise<HeapUsage | undefined> {
    const paths = [...this.workers.values()];
    if (paths.length === 0) return undefined;
    const answers = await Promise.all(paths.map((path) => this.send(path, method)));
    const total: HeapUsage = { usedSize: 0, totalSize: 0, backingStorageSize: 0 };
    for (const answer of answers) {
      total.usedSize += answer?.result?.usedSize ?? 0;
      total.totalSize += answer?.result?.totalSize ?? 0;
      total.backingStorageSize! += answer?.result?.backingStorageSize ?? 0;
    }
    this.peakWorkers = Math.max(this.peakWorkers, paths.length);
    return total;
  }

  async sample(): Promise<HeapUsage | undefined> {
    const usage = await this.usage('Runtime.getHeapUsage');
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
    this.peakWorkers = 0;
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
    // What the workers keep once the garbage is gone: the indexes themselves, not the chunks
    // that passed through (a peak counts garbage V8 had not collected yet).
    await this.usage('HeapProfiler.collectGarbage');
    const kept = await this.usage('Runtime.getHeapUsage');
    return {
      peakHeapUsed: this.peakHeapUsed,
      peakHeapPlusBuffers: this.peakHeapPlusBuffers,
      retainedHeap: kept?.usedSize ?? Number.NaN,
      retainedHeapPlusBuffers: (kept?.usedSize ?? Number.NaN) + (kept?.backingStorageSize ?? 0),
      samples: this.samples,
      workers: this.peakWorkers,
    };
  }
}

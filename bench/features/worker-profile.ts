/**
 * A CPU profile of the app's worker over CDP, to say where a slow step spends its time. Playwright
 * opens CDP sessions for pages only, so the page's session auto-attaches to the worker without
 * flattening and talks to it through Target.sendMessageToTarget (as bench/run/worker-memory.ts does).
 */
import type { CDPSession, Page } from '@playwright/test';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export class WorkerProfiler {
  private workerSession: string | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') this.workerSession ??= event.sessionId;
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id === undefined) return;
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    });
  }

  /** Attaches to the page's running worker; null when the page has none. */
  static async attach(page: Page): Promise<WorkerProfiler | null> {
    const cdp = await page.context().newCDPSession(page);
    const profiler = new WorkerProfiler(cdp);
    await cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    return profiler.workerSession === undefined ? null : profiler;
  }

  private async call(method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    const answer = new Promise<unknown>((resolve) => this.pending.set(id, resolve));
    await this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.workerSession!,
      message: JSON.stringify({ id, method, params }),
    });
    return answer;
  }

  async start(): Promise<void> {
    await this.call('Profiler.enable');
    await this.call('Profiler.setSamplingInterval', { interval: 500 });
    await this.call('Profiler.start');
  }

  /** Stops and returns the functions with the most self time, as text lines. */
  async stop(top = 12): Promise<string[]> {
    const { profile } = (await this.call('Profiler.stop')) as { profile: CpuProfile };
    const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const self = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const frame = frames.get(id);
      const delta = profile.timeDeltas[i] ?? 0;
      total += delta;
      if (!frame) return;
      const file = frame.url.split('/').pop() ?? '';
      const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + delta);
    });
    return [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([key, us]) =>
          `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`,
      );
  }
}

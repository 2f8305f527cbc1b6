/**
 * Notices a worker that went silent while requests wait for it: Chromium gives no event when a worker is
 * killed (or stuck in a loop), so while anything is pending the watchdog pings, and a ping left unanswered
 * for `silenceMs` means the worker is gone. Only an unanswered ping counts, so a tab whose timers the
 * browser throttles in the background never takes a late tick for silence.
 */
export class Watchdog {
  private timer: ReturnType<typeof setInterval> | undefined;
  private pingSentAt: number | null = null;

  constructor(
    private readonly silenceMs: number,
    private readonly ping: () => void,
    private readonly silent: () => void,
  ) {}

  /** Requests are waiting: start watching (idempotent). */
  watch(): void {
    if (this.timer !== undefined) return;
    this.pingSentAt = null;
    this.timer = setInterval(() => this.tick(), Math.max(1, Math.floor(this.silenceMs / 4)));
  }

  /** Nothing waits any more. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.pingSentAt = null;
  }

  /** Any message from the worker: it is alive. */
  heard(): void {
    this.pingSentAt = null;
  }

  private tick(): void {
    if (this.pingSentAt === null) {
      this.pingSentAt = Date.now();
      this.ping();
    } else if (Date.now() - this.pingSentAt >= this.silenceMs) {
      this.stop();
      this.silent();
    }
  }
}

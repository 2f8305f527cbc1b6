/**
 * Progress reaches the page many times a second, and from several layer workers at once; each update of the
 * store is a React commit. This passes on at most one value per interval (the latest: nothing in between
 * matters to a progress bar), at once when it is `urgent` (a layer finished: its row changes state), and
 * the one still held back when the load ends (`flush`), so the last figures shown are the true ones.
 */
export interface Throttled<T> {
  push(value: T, urgent?: boolean): void;
  /** Passes on the value held back, if any, now. */
  flush(): void;
}

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/** Progress is drawn at most this often: ten commits a second look smooth and cost little. */
export const PROGRESS_COMMIT_MS = 100;

export function throttleLatest<T>(
  apply: (value: T) => void,
  intervalMs = PROGRESS_COMMIT_MS,
  clock: Clock = realClock,
): Throttled<T> {
  let last = Number.NEGATIVE_INFINITY;
  let held: { value: T } | null = null;
  let timer: unknown = null;
  const flush = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    if (held === null) return;
    const { value } = held;
    held = null;
    last = clock.now();
    apply(value);
  };
  return {
    push(value, urgent = false) {
      held = { value };
      const since = clock.now() - last;
      if (urgent || since >= intervalMs) flush();
      else if (timer === null) timer = clock.setTimeout(flush, intervalMs - since);
    },
    flush,
  };
}

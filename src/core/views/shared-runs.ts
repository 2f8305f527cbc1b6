/**
 * One computation per key shared by everyone who asks for it (the Linkage view asks for the graph and for its
 * picture at once; the blast radius and the comparison join later). Each caller may cancel its own wait; the
 * computation itself stops only when every caller still waiting has cancelled, so one view's Cancel never
 * fails another's answer. A finished result is kept; a failed or cancelled one is not.
 */
import { AbortedError } from '../io/byte-source';

export interface RunOptions<P> {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: P) => void;
}

interface Run<T, P> {
  readonly promise: Promise<T>;
  readonly controller: AbortController;
  readonly watchers: Set<(progress: P) => void>;
  waiting: number;
  settled: boolean;
}

export class SharedRuns<T, P> {
  private readonly runs = new Map<string, Run<T, P>>();

  run(
    id: string,
    make: (signal: AbortSignal, progress: (progress: P) => void) => Promise<T>,
    options: RunOptions<P> = {},
  ): Promise<T> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(new AbortedError());
    const run = this.runs.get(id) ?? this.start(id, make);
    if (run.settled) return run.promise;
    run.waiting++;
    if (onProgress) run.watchers.add(onProgress);
    return new Promise<T>((resolve, reject) => {
      let left = false;
      const leave = () => {
        if (left) return false;
        left = true;
        run.waiting--;
        if (onProgress) run.watchers.delete(onProgress);
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        reject(new AbortedError());
        if (run.waiting > 0 || run.settled) return;
        // Stopped for everyone: whoever asks next starts afresh rather than joining a run that is ending.
        run.controller.abort();
        if (this.runs.get(id) === run) this.runs.delete(id);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      run.promise.then(
        (value) => leave() && resolve(value),
        (error: unknown) => leave() && reject(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }

  private start(
    id: string,
    make: (signal: AbortSignal, progress: (progress: P) => void) => Promise<T>,
  ): Run<T, P> {
    const controller = new AbortController();
    const watchers = new Set<(progress: P) => void>();
    const run: Run<T, P> = {
      controller,
      watchers,
      waiting: 0,
      settled: false,
      promise: make(controller.signal, (progress) => {
        for (const watch of watchers) watch(progress);
      }),
    };
    this.runs.set(id, run);
    run.promise.then(
      () => {
        run.settled = true;
        watchers.clear();
      },
      () => {
        run.settled = true;
        if (this.runs.get(id) === run) this.runs.delete(id);
      },
    );
    return run;
  }
}

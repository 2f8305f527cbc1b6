/**
 * What the page's main thread did during its long tasks: a CDP CPU profile of the page (V8's sampler,
 * every 0.5 ms) is lined up with the tasks the page's own PerformanceObserver saw, and each task's samples
 * are summed by where their code came from, read through the bundle's source maps (the production build
 * is minified): a package of node_modules (`react-dom`, `react-aria`), a file of src/, or V8's own
 * buckets — `(program)` is the browser's native work outside JavaScript (style, layout, paint, a
 * message's structured clone), `(garbage collector)` is GC. Each task also says which file of src/ the
 * time was spent under (`via`: the innermost src/ frame of each sample's stack).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import type { CDPSession } from '@playwright/test';

/** A share of a task's time: where, and how many milliseconds of samples landed there. */
export interface Share {
  readonly name: string;
  readonly ms: number;
}

export interface ProfiledTask {
  /** Page time (performance.now()) at the task's start, and its duration. */
  readonly start: number;
  readonly duration: number;
  /** Self time by origin, largest first (at most 6). */
  readonly self: readonly Share[];
  /** Self time by function (with its package or file), largest first (at most 5). */
  readonly functions: readonly Share[];
  /** Time by the innermost src/ file on the stack, largest first (at most 4). */
  readonly via: readonly Share[];
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const SAMPLING_US = 500;
/** The name of the page function whose samples tie the profile's clock to performance.now(). */
const CLOCK_MARK = 'benchClockMark';

export class MainThreadProfiler {
  private clockMs = 0;

  private constructor(private readonly cdp: CDPSession) {}

  static async start(cdp: CDPSession): Promise<MainThreadProfiler> {
    const profiler = new MainThreadProfiler(cdp);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await cdp.send('Profiler.start');
    // Busy for a few ms in a function the profile names, starting at a known performance.now().
    const mark = await cdp.send('Runtime.evaluate', {
      expression: `(function ${CLOCK_MARK}() { const t = performance.now(); while (performance.now() < t + 8); return t; })()`,
      returnByValue: true,
    });
    profiler.clockMs = Number(mark.result.value);
    return profiler;
  }

  /** Stops the profile and attributes each task's samples; `site` is the built folder with its maps. */
  async stop(tasks: readonly { start: number; duration: number }[], site: string): Promise<ProfiledTask[]> {
    const { profile } = (await this.cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await this.cdp.send('Profiler.disable');
    return attribute(profile, this.clockMs, tasks, new SourceOrigins(site));
  }
}

function attribute(
  profile: Profile,
  clockMs: number,
  tasks: readonly { start: number; duration: number }[],
  origins: SourceOrigins,
): ProfiledTask[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Sample times in µs on the profile's clock, each weighed by the gap to the next sample.
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const markAt = profile.samples.findIndex((id) => byId.get(id)?.callFrame.functionName === CLOCK_MARK);
  if (markAt < 0)
    throw new Error('The CPU profile holds no sample of the clock mark; it cannot be lined up.');
  const offsetUs = times[markAt]! - clockMs * 1000;
  const pageMs = (i: number) => (times[i]! - offsetUs) / 1000;
  return tasks.map((task) => {
    const self = new Map<string, number>();
    const functions = new Map<string, number>();
    const via = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const at = pageMs(i);
      if (at < task.start || at > task.start + task.duration) continue;
      const weight = ((times[i + 1] ?? times[i]!) - times[i]!) / 1000;
      const top = byId.get(profile.samples[i]!)!;
      add(self, origins.origin(top.callFrame), weight);
      add(functions, origins.origin(top.callFrame, true), weight);
      let id: number | undefined = top.id;
      let app = '(no src/ frame)';
      while (id !== undefined) {
        const place = origins.appPlace(byId.get(id)!.callFrame);
        if (place !== null) {
          app = place;
          break;
        }
        id = parent.get(id);
      }
      add(via, app, weight);
    }
    return { ...task, self: largest(self, 6), functions: largest(functions, 5), via: largest(via, 4) };
  });
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const largest = (m: Map<string, number>, n: number): Share[] =>
  [...m]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n);

/** Where a profile's call frame comes from, through the built site's source maps. */
class SourceOrigins {
  private readonly maps = new Map<string, TraceMap | null>();

  constructor(private readonly site: string) {}

  /** A package of node_modules (with the function, if asked), a file of src/ with its function, or V8's own bucket. */
  origin(frame: CallFrame, withFunction = false): string {
    if (frame.url === '') return frame.functionName || '(anonymous native)';
    const source = this.source(frame);
    if (source === null) return `${frame.url.split('/').pop()} ${frame.functionName}`;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source.file)?.[1];
    if (pkg !== undefined && !withFunction) return pkg;
    // A package's own file names what its minified functions do (react-aria's `useHasTabbableChild.mjs`).
    const where = pkg === undefined ? source.file : `${pkg}/${source.file.split('/').pop()}`;
    return `${where} ${source.name ?? frame.functionName}`.trim();
  }

  /** The src/ file and function of a frame, or null when it is not the app's own code. */
  appPlace(frame: CallFrame): string | null {
    if (frame.url === '') return null;
    const source = this.source(frame);
    if (source === null || !source.file.startsWith('src/')) return null;
    return `${source.file}${source.name ? ` ${source.name}` : ''}`;
  }

  private source(frame: CallFrame): { file: string; name: string | null } | null {
    const map = this.map(frame.url);
    if (map === null) return null;
    const position = originalPositionFor(map, {
      line: frame.lineNumber + 1,
      column: frame.columnNumber,
    });
    if (position.source === null) return null;
    const at = position.source.search(/(?:^|\/)(src|node_modules)\//);
    const file = at < 0 ? position.source : position.source.slice(at).replace(/^\//, '');
    return { file, name: position.name };
  }

  private map(url: string): TraceMap | null {
    if (!this.maps.has(url)) {
      const path = join(this.site, new URL(url).pathname + '.map');
      this.maps.set(url, existsSync(path) ? new TraceMap(readFileSync(path, 'utf8')) : null);
    }
    return this.maps.get(url)!;
  }
}

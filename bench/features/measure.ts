/** Clocks and tables shared by the feature benchmarks: wall time of a call, of a shell pipeline, medians, rows. */
import { execFileSync } from 'node:child_process';

export async function timed<T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** Median wall time of `runs` calls (the first result is returned for checking). */
export async function median<T>(runs: number, run: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let first: T | undefined;
  for (let i = 0; i < runs; i++) {
    const { ms, value } = await timed(run);
    times.push(ms);
    if (i === 0) first = value;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, value: first as T };
}

/** Wall time of a bash pipeline (`set -o pipefail`) and its stdout. */
export function shell(script: string): { ms: number; stdout: string } {
  const start = performance.now();
  const stdout = execFileSync('bash', ['-o', 'pipefail', '-c', script], {
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  return { ms: performance.now() - start, stdout };
}

export function medianShell(runs: number, script: string): { ms: number; stdout: string } {
  const results = Array.from({ length: runs }, () => shell(script)).sort((a, b) => a.ms - b.ms);
  return results[Math.floor(results.length / 2)]!;
}

const rows: string[] = [];

/** One result line: label, milliseconds, and a note (a ratio, a count). Printed at once and kept for the summary. */
export function report(label: string, ms: number | null, note = ''): void {
  const line = `${label.padEnd(64)} ${ms === null ? '     -' : ms.toFixed(0).padStart(6)} ms  ${note}`;
  rows.push(line);
  console.log(line);
}

export function ratio(ms: number, nativeMs: number): string {
  return `${(ms / nativeMs).toFixed(2)}× native`;
}

export function printSummary(title: string): void {
  console.log(`\n== ${title} ==\n${rows.join('\n')}`);
}

export function flag(name: string): boolean {
  return process.argv.includes(name);
}

/**
 * The native baseline: GNU tar and gzip doing the same reading, one layer after another, timed end
 * to end. `plain` lists every layer (`tar -xOf ARCHIVE BLOB | gzip -dc | tar -t`, `zstd -dc` for zstd); `hashed` also
 * runs sha256sum over the stored and the decoded bytes, which is the work strata does to check
 * digests and diff_ids. Each pipeline is one bash process with pipefail, so a failing stage fails
 * the run.
 */
import { spawnSync } from 'node:child_process';
import type { ArchiveMeta } from '../archive/archive-meta';

export type NativeVariant = 'plain' | 'hashed';

const DECODERS = { gzip: ' | gzip -dc', zstd: ' | zstd -dc', none: '' } as const;

function pipeline(compression: ArchiveMeta['compression'], variant: NativeVariant): string {
  const decode = DECODERS[compression];
  const compressed = compression !== 'none';
  if (variant === 'plain') return `tar -xOf "$1" "$2"${decode} | tar -t > /dev/null`;
  // Each tee'd sha256sum writes to fd 3, and `| cat` waits for every writer of fd 3 to exit, so
  // the time includes the hashers finishing, not only the listing.
  const hashDecoded = compressed ? ' | tee >(sha256sum >&3)' : '';
  return `{ tar -xOf "$1" "$2" | tee >(sha256sum >&3)${decode}${hashDecoded} | tar -t > /dev/null; } 3>&1 | cat > /dev/null`;
}

export interface Timing {
  readonly wallMs: number;
  /** User + system CPU time of every process involved. */
  readonly cpuMs: number;
}

/** Every layer's pipeline, run one after another; bash's `times` adds up its children's CPU time. */
export function runNative(archive: ArchiveMeta, variant: NativeVariant): Timing {
  const script = `${pipeline(archive.compression, variant)}; status=$?; times >&2; exit $status`;
  const started = performance.now();
  let cpuMs = 0;
  for (const blob of new Set(archive.blobs)) {
    const run = spawnSync('bash', ['-o', 'pipefail', '-c', script, 'native', archive.path, blob], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stderr = run.stderr.toString();
    if (run.status !== 0) throw new Error(`The native pipeline failed on ${blob}: ${stderr.trim()}`);
    cpuMs += childCpuMs(stderr);
  }
  return { wallMs: performance.now() - started, cpuMs };
}

/** The second line of `times` is the children's user and system time: "0m4.120s 0m0.310s". */
function childCpuMs(times: string): number {
  const line = times.trim().split('\n').at(-1) ?? '';
  let ms = 0;
  for (const [, minutes, seconds] of line.matchAll(/(\d+)m([\d.]+)s/g))
    ms += (Number(minutes) * 60 + Number(seconds)) * 1000;
  return ms;
}

/** Reading the archive once with cat: the page cache's speed, and a warm cache for every later run. */
export function runCat(archive: ArchiveMeta): number {
  const started = performance.now();
  const run = spawnSync('bash', ['-c', 'cat "$1" > /dev/null', 'cat', archive.path]);
  if (run.status !== 0) throw new Error(`Could not read ${archive.path}.`);
  return performance.now() - started;
}

/**
 * The native baseline: GNU tar and gzip doing the same reading, one layer after another, timed end
 * to end. `plain` lists every layer (`tar -xOf ARCHIVE BLOB | gzip -dc | tar -t`); `hashed` also
 * runs sha256sum over the stored and the decoded bytes, which is the work strata does to check
 * digests and diff_ids. Each pipeline is one bash process with pipefail, so a failing stage fails
 * the run.
 */
import { spawnSync } from 'node:child_process';
import type { ArchiveMeta } from '../archive/archive-meta';

export type NativeVariant = 'plain' | 'hashed';

function pipeline(compressed: boolean, variant: NativeVariant): string {
  const decode = compressed ? ' | gzip -dc' : '';
  if (variant === 'plain') return `tar -xOf "$1" "$2"${decode} | tar -t > /dev/null`;
  // Each tee'd sha256sum writes to fd 3, and `| cat` waits for every writer of fd 3 to exit, so
  // the time includes the hashers finishing, not only the listing.
  const hashDecoded = compressed ? ' | tee >(sha256sum >&3)' : '';
  return `{ tar -xOf "$1" "$2" | tee >(sha256sum >&3)${decode}${hashDecoded} | tar -t > /dev/null; } 3>&1 | cat > /dev/null`;
}

/** Wall time in ms of every layer's pipeline, run one after another. */
export function runNative(archive: ArchiveMeta, variant: NativeVariant): number {
  const script = pipeline(archive.compression === 'gzip', variant);
  const started = performance.now();
  for (const blob of new Set(archive.blobs)) {
    const run = spawnSync('bash', ['-o', 'pipefail', '-c', script, 'native', archive.path, blob], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (run.status !== 0) {
      throw new Error(`The native pipeline failed on ${blob}: ${run.stderr.toString().trim()}`);
    }
  }
  return performance.now() - started;
}

/** Reading the archive once with cat: the page cache's speed, and a warm cache for every later run. */
export function runCat(archive: ArchiveMeta): number {
  const started = performance.now();
  const run = spawnSync('bash', ['-c', 'cat "$1" > /dev/null', 'cat', archive.path]);
  if (run.status !== 0) throw new Error(`Could not read ${archive.path}.`);
  return performance.now() - started;
}

/** What `strata index` prints, indexing in-process or waiting on the queue: the same both ways. */
import type { CliIo } from '../cli/cli-io';
import type { IndexResult } from './index-run';

/** Failures on stderr, the result on stdout; the exit code (1 when any source failed). */
export function printIndexResult(io: CliIo, result: IndexResult, json: boolean): number {
  for (const f of result.failures) io.stderr(`strata index: ${f.message}\n`);
  if (json) {
    const { images, layers } = result;
    io.stdout(JSON.stringify({ images, layers }, null, 2) + '\n');
  } else {
    for (const image of result.images)
      io.stdout(`${image.id}  ${image.names.join(' ') || '(no name)'}  ${image.source}\n`);
    io.stdout(
      `${result.images.length} images; layers: ${result.layers.indexed} read, ${result.layers.reused} already indexed\n`,
    );
  }
  return result.failures.length > 0 ? 1 : 0;
}

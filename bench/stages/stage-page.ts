/**
 * The stage timings in Chromium, with the worker's own environment (DecompressionStream, hash-wasm,
 * Blob slices). index-bench sets the archive on the file input and calls `runStages`.
 */
import { blobSource, webEnv } from './web-env-shim';
import { timeParallelHash, type ParallelHashTime } from './parallel-hash';
import { timeSelf, timeStages, type BlobRange, type SelfTimes, type StageTime } from './stages';

declare global {
  interface Window {
    runStages(blobs: readonly BlobRange[], compressed: boolean): Promise<StageTime[]>;
    runSelf(blobs: readonly BlobRange[], compressed: boolean): Promise<SelfTimes>;
    runParallelHash(blobs: readonly BlobRange[], compressed: boolean): Promise<ParallelHashTime>;
  }
}

function archive() {
  const file = (document.getElementById('archive') as HTMLInputElement).files?.[0];
  if (!file) throw new Error('No archive was set on the stage page.');
  return blobSource(file, file.name);
}

window.runStages = (blobs, compressed) => timeStages(archive(), blobs, webEnv, compressed);
window.runSelf = (blobs, compressed) => timeSelf(archive(), blobs, webEnv, compressed);
window.runParallelHash = (blobs, compressed) => timeParallelHash(archive(), blobs, webEnv, compressed);

/**
 * The page's one client: a real module worker, so the page stays responsive while layers stream, restarted
 * when it fails (resilient-client.ts).
 */
import { ResilientClient } from './resilient-client';
import { WorkerClient, workerPort } from './worker-client';

export { RequestError, WorkerClient } from './worker-client';
export type { ArchiveFailure, ResilientClient } from './resilient-client';

/**
 * A ping unanswered this long while requests wait means the worker was killed or is stuck. Every long task
 * of the worker yields well within it (layers stream in chunks; the linkage picture of a large image takes
 * seconds), and a killed worker is noticed in at most this.
 */
const SILENCE_MS = 20_000;

let client: ResilientClient | undefined;

export function getClient(): ResilientClient {
  client ??= new ResilientClient(
    () =>
      new WorkerClient(
        workerPort(new Worker(new URL('../worker/strata.worker.ts', import.meta.url), { type: 'module' })),
        { silenceMs: SILENCE_MS },
      ),
  );
  return client;
}

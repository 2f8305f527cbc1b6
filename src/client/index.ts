/** The page's one client: a real module worker, so the page stays responsive while layers stream. */
import { WorkerClient, workerPort } from './worker-client';

export { RequestError, WorkerClient } from './worker-client';

let client: WorkerClient | undefined;

export function getClient(): WorkerClient {
  client ??= new WorkerClient(
    workerPort(new Worker(new URL('../worker/strata.worker.ts', import.meta.url), { type: 'module' })),
  );
  return client;
}

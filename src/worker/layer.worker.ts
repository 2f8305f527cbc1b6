/**
 * A layer worker's entry: wires the layer job runner to postMessage; the logic lives in layer-job.ts. Its
 * hashing runs on a hash worker of its own (terminating this worker terminates that one too); where a
 * worker cannot start another, hashing stays in this thread.
 */
import { LayerJobRunner, type LayerJobRequest } from './layer-job';
import { RemoteSha256 } from './remote-sha256';
import { webEnv } from './web-env';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const hashing =
  typeof Worker === 'undefined'
    ? undefined
    : new RemoteSha256(new Worker(new URL('./sha256.worker.ts', import.meta.url), { type: 'module' }));
const runner = new LayerJobRunner(
  webEnv,
  (response, transfer) => scope.postMessage(response, transfer ?? []),
  hashing,
);
scope.onmessage = (event: MessageEvent<LayerJobRequest>) => runner.handle(event.data);

/** A layer worker's entry: wires the layer job runner to postMessage; the logic lives in layer-job.ts. */
import { LayerJobRunner, type LayerJobRequest } from './layer-job';
import { webEnv } from './web-env';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const runner = new LayerJobRunner(webEnv, (response) => scope.postMessage(response));
scope.onmessage = (event: MessageEvent<LayerJobRequest>) => runner.handle(event.data);

/** A hash worker's entry: wires the hash job runner to postMessage; the logic lives in hash-job.ts. */
import { HashJobRunner, type HashRequest } from './hash-job';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const runner = new HashJobRunner((response, transfer) => scope.postMessage(response, transfer));
scope.onmessage = (event: MessageEvent<HashRequest>) => runner.handle(event.data);

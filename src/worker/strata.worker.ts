/** The Web Worker entry: wires the handler to postMessage; all logic lives in handler.ts. */
import type { Request } from '../protocol/messages';
import { WorkerHandler } from './handler';
import { webEnv } from './web-env';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handler = new WorkerHandler(webEnv, (response) => scope.postMessage(response));
scope.onmessage = (event: MessageEvent<Request>) => handler.handle(event.data);

/** The Web Worker entry: wires the handler to postMessage; all logic lives in handler.ts. */
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { Request, Response } from '../protocol/messages';
import { WorkerHandler } from './handler';
import { LayerPool, poolSize } from './layer-pool';
import { webEnv } from './web-env';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const layers = new LayerPool(
  () => new Worker(new URL('./layer.worker.ts', import.meta.url), { type: 'module' }),
  poolSize(navigator.hardwareConcurrency),
);
// sql.js looks for its wasm beside its own script, which a bundled worker does not have.
const handler = new WorkerHandler(
  webEnv,
  (response) => scope.postMessage(response),
  { sqlite: { locateFile: () => sqlWasmUrl } },
  (file) => layers.indexerFor(file),
);
scope.onmessage = (event: MessageEvent<Request>) => handler.handle(event.data);
// The page starts this worker when it loads. The layer workers start now too, while the page waits for a file,
// so a drop does not wait for their modules to load.
layers.warm();
// An uncaught exception reaches the page as the Worker's `error` event; a rejection nobody caught does not,
// so it is told here. Either way some request may never be answered: the page restarts this worker.
scope.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason;
  scope.postMessage({
    type: 'fault',
    id: 0,
    message: reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason),
  } satisfies Response);
});

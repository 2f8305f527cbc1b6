/**
 * For tests: a hash worker in this thread, the real runner over a MessageChannel. `hold` keeps its
 * requests back until `release`, to see what the client does while the hash worker lags.
 */
import { HashJobRunner, type HashRequest, type HashResponse } from './hash-job';
import type { HashWorkerPort } from './remote-sha256';

export function hashWorkerInThread() {
  const channel = new MessageChannel();
  const runner = new HashJobRunner((response, transfer) => channel.port1.postMessage(response, transfer));
  const stats = { updates: 0 };
  let held: HashRequest[] | undefined;
  channel.port1.onmessage = (event: MessageEvent<HashRequest>) => {
    if (event.data.type === 'update') stats.updates++;
    if (held) held.push(event.data);
    else runner.handle(event.data);
  };
  const port: HashWorkerPort = {
    postMessage: (message, transfer) => channel.port2.postMessage(message, transfer),
    onmessage: null,
  };
  channel.port2.onmessage = (event: MessageEvent<HashResponse>) => port.onmessage?.(event);
  return {
    port,
    stats,
    hold: () => (held = []),
    release: () => {
      const requests = held ?? [];
      held = undefined;
      for (const request of requests) runner.handle(request);
    },
    close: () => {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

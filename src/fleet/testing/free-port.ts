/** A local TCP port nobody listens on, from `start` up (tests start real servers on it). */
import { createServer } from 'node:net';

function tryPort(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(start: number): Promise<number> {
  for (let port = start; port < start + 200; port++) if (await tryPort(port)) return port;
  throw new Error(`No free port from ${start} to ${start + 199}.`);
}

/**
 * The page's client across its worker's failures, under Node: each "worker" is the real handler over a
 * MessageChannel in this thread, and a failure is what the page would see of a real one: a Worker `error`
 * event (an exception, or an allocation that failed), a `messageerror`, the worker's own fault report (a
 * rejection nobody caught), or silence (a worker killed or stuck).
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDockerArchive } from '../core/testing/image-builder';
import { buildTar } from '../core/testing/tar-builder';
import { ResilientClient } from '../client/resilient-client';
import { RequestError, WorkerClient, workerPort, type Port } from '../client/worker-client';
import { failureFromError, type WorkerFailure } from '../client/worker-failure';
import type { Request, Response } from '../protocol/messages';
import { WorkerHandler } from './handler';
import { webEnv } from './web-env';

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function archive(text: string): Blob {
  const bytes = buildDockerArchive([buildTar([{ name: 'etc/motd', data: text }])], sha);
  return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}

/** How the next `open` of the named archive ends the worker. */
type Sabotage = 'throw' | 'out-of-memory' | 'fault' | 'killed' | 'unreadable';

interface FakeWorker {
  readonly port: Port;
  terminated: boolean;
  /** What the browser would report of it. */
  fail(failure: WorkerFailure): void;
}

/** Fake workers, one per start, each running the real handler; `sabotage` arms the next one to fail. */
function workers() {
  const started: FakeWorker[] = [];
  const channels: MessageChannel[] = [];
  const sabotage = new Map<string, Sabotage>();
  const connect = (silenceMs?: number): WorkerClient => {
    const channel = new MessageChannel();
    channels.push(channel);
    const handler = new WorkerHandler(webEnv, (response) => channel.port1.postMessage(response));
    const failures: ((failure: WorkerFailure) => void)[] = [];
    let dead = false;
    channel.port1.onmessage = (event: MessageEvent<Request>) => {
      const request = event.data;
      if (dead) return;
      const how = request.type === 'open' ? sabotage.get(request.archiveId) : undefined;
      if (how) sabotage.delete(request.type === 'open' ? request.archiveId : '');
      if (how === 'throw') worker.fail(failureFromError('Uncaught Error: boom'));
      else if (how === 'out-of-memory')
        worker.fail(failureFromError('Uncaught RangeError: Array buffer allocation failed'));
      else if (how === 'unreadable') worker.fail({ reason: 'unreadable-reply', detail: 'messageerror' });
      else if (how === 'fault')
        channel.port1.postMessage({
          type: 'fault',
          id: 0,
          message: 'Error: nobody caught this',
        } satisfies Response);
      else if (how === 'killed') dead = true;
      else handler.handle(request);
    };
    const worker: FakeWorker = {
      terminated: false,
      fail: (failure) => failures.forEach((listener) => listener(failure)),
      port: {
        ...workerPort(channel.port2),
        onFailure: (listener) => failures.push(listener),
        terminate: () => {
          worker.terminated = true;
          dead = true;
        },
      },
    };
    started.push(worker);
    return new WorkerClient(worker.port, silenceMs === undefined ? {} : { silenceMs });
  };
  return {
    started,
    sabotage,
    client: (silenceMs?: number) => new ResilientClient(() => connect(silenceMs)),
    close: () => {
      for (const channel of channels) {
        channel.port1.close();
        channel.port2.close();
      }
    },
  };
}

/** Opens and indexes an archive the way the page does; the image target. */
async function open(client: ResilientClient, archiveId: string, name: string, text: string) {
  const summary = await client.request({ type: 'open', archiveId, file: archive(text), name });
  const target = { archiveId, imageKey: summary.defaultImageKey! };
  await client.request({ type: 'index-image', ...target });
  return target;
}

async function motd(client: ResilientClient, target: { archiveId: string; imageKey: string }) {
  const content = await client.request({
    type: 'read-file',
    ...target,
    layer: 0,
    path: '/etc/motd',
    offset: 0,
    length: 100,
  });
  return new TextDecoder().decode(content.bytes);
}

async function rejection(promise: Promise<unknown>): Promise<RequestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RequestError);
  return error as RequestError;
}

let pool: ReturnType<typeof workers>;
afterEach(() => pool.close());

describe('the page survives its worker', () => {
  it("hears a Worker's error and messageerror events, and keeps the error from the console", () => {
    pool = workers();
    const target = new EventTarget() as EventTarget & { postMessage(): void };
    target.postMessage = () => undefined;
    const heard: WorkerFailure[] = [];
    workerPort(target).onFailure!((failure) => heard.push(failure));
    const error = Object.assign(new Event('error', { cancelable: true }), {
      message: 'Uncaught RangeError: Array buffer allocation failed',
    });
    target.dispatchEvent(error);
    target.dispatchEvent(new Event('messageerror'));
    expect(error.defaultPrevented).toBe(true);
    expect(heard.map((f) => f.reason)).toEqual(['out-of-memory', 'unreadable-reply']);
  });

  it.each([
    ['throw', 'crashed', 'failed with an unexpected error'],
    ['out-of-memory', 'out-of-memory', 'ran out of memory'],
    ['fault', 'crashed', 'failed with an unexpected error'],
    ['unreadable', 'unreadable-reply', 'sent a reply the page could not read'],
  ] as const)(
    'a worker that fails (%s) fails the waiting archive by name; the other is opened again and keeps answering',
    async (how, reason, words) => {
      pool = workers();
      const client = pool.client();
      const other = await open(client, 'b', 'other.tar', 'the other one');
      pool.sabotage.set('a', how);
      const error = await rejection(
        client.request({ type: 'open', archiveId: 'a', file: archive('x'), name: 'bad.tar' }),
      );
      expect(error.wire.code).toBe('worker-failed');
      expect(error.message).toBe(`Reading bad.tar ${words}, so it was closed; reopen it to try again.`);
      expect(client.failed()).toEqual([expect.objectContaining({ archiveId: 'a', name: 'bad.tar', reason })]);
      expect(pool.started).toHaveLength(2);
      expect(pool.started[0]!.terminated).toBe(true);
      // The other archive was opened again in the new worker, its image indexed: its views answer.
      expect(await motd(client, other)).toBe('the other one');
      // The failed one answers every request with its sentence, without reaching the worker.
      const later = await rejection(client.request({ type: 'image-view', archiveId: 'a', imageKey: 'x' }));
      expect(later.message).toContain('bad.tar');
    },
  );

  it('opens a failed archive again under the same id, and compares it with the one that survived', async () => {
    pool = workers();
    const client = pool.client();
    const other = await open(client, 'b', 'other.tar', 'the other one');
    pool.sabotage.set('a', 'throw');
    await rejection(client.request({ type: 'open', archiveId: 'a', file: archive('x'), name: 'bad.tar' }));
    const seen: number[] = [];
    const unsubscribe = client.subscribe(() => seen.push(client.failed().length));
    const again = await open(client, 'a', 'bad.tar', 'opened again');
    unsubscribe();
    expect(seen).toEqual([0]);
    expect(client.failed()).toEqual([]);
    expect(await motd(client, again)).toBe('opened again');
    const report = await client.request({ type: 'compare', old: other, new: again });
    expect(report).toBeTruthy();
  });

  it('notices a worker that was killed: silence while a request waits', async () => {
    pool = workers();
    const client = pool.client(40);
    const other = await open(client, 'b', 'other.tar', 'still here');
    pool.sabotage.set('a', 'killed');
    const error = await rejection(
      client.request({ type: 'open', archiveId: 'a', file: archive('x'), name: 'gone.tar' }),
    );
    expect(error.message).toBe(
      'Reading gone.tar stopped answering, so it was closed; reopen it to try again.',
    );
    expect(client.failed()).toEqual([expect.objectContaining({ archiveId: 'a', reason: 'unresponsive' })]);
    expect(await motd(client, other)).toBe('still here');
  });

  it('blames the archive asked for last when the worker dies with nothing waiting', async () => {
    pool = workers();
    const client = pool.client();
    const first = await open(client, 'b', 'first.tar', 'first');
    await open(client, 'a', 'last.tar', 'last');
    // What the browser says of a worker whose background work threw.
    pool.started[0]!.fail(failureFromError('Uncaught Error: late'));
    expect(client.failed().map((f) => f.archiveId)).toEqual(['a']);
    expect(await motd(client, first)).toBe('first');
  });

  it('a page-wide request waiting when the worker fails asks to try again and blames no archive', async () => {
    pool = workers();
    const client = pool.client(40);
    const other = await open(client, 'b', 'other.tar', 'fine');
    // Killed: it answers nothing from now on.
    pool.started[0]!.port.terminate!();
    const error = await rejection(client.request({ type: 'blast-radius', query: 'libc' }));
    expect(error.message).toBe("The page's worker stopped answering and was restarted; try again.");
    expect(client.failed()).toEqual([]);
    expect(await motd(client, other)).toBe('fine');
  });
});

/**
 * The page's client, kept alive across its worker's failures. When the worker fails, the archives whose
 * requests were waiting (or, when nothing waited, the archive whose work was asked for last: its background
 * reads are the likeliest cause) are marked failed with the reason; a new worker is started and every other
 * open archive is opened again in it from the File the page kept, with the images it had indexed, under the
 * same id, so the page's views, selections and links keep working. Requests wait while that runs. A failed
 * archive answers every request with its sentence until the page opens it again (the same File, same id).
 */
import type { RequestBody, ResultOf } from '../protocol/messages';
import { RequestError, type CallOptions, type WorkerClient } from './worker-client';
import { failureSentence, type FailureReason, type WorkerFailure } from './worker-failure';

export interface ArchiveFailure {
  readonly archiveId: string;
  /** The archive's file name, for the sentence. */
  readonly name: string;
  /** `reopen-failed`: the archive could not be opened again in the new worker (`detail` says why). */
  readonly reason: FailureReason | 'reopen-failed';
  readonly detail: string;
}

interface OpenedArchive {
  readonly file: Blob;
  readonly name: string;
  /** The images indexed so far, in order: what opening it again must index again. */
  readonly images: Set<string>;
}

/** The archives a request reads (none for the page-wide ones: names, blast radius). */
export function archivesOf(body: RequestBody): string[] {
  if ('archiveId' in body) return [body.archiveId];
  if (body.type === 'compare') return [body.old.archiveId, body.new.archiveId];
  return [];
}

export class ResilientClient {
  private client: WorkerClient;
  private readonly opened = new Map<string, OpenedArchive>();
  private readonly failures = new Map<string, ArchiveFailure>();
  private snapshot: readonly ArchiveFailure[] = [];
  private readonly listeners = new Set<() => void>();
  private recovering: Promise<void> = Promise.resolve();
  private lastArchiveId: string | null = null;

  constructor(private readonly connect: () => WorkerClient) {
    this.client = this.start();
  }

  /** The archives that failed and have not been opened again, oldest first. */
  readonly failed = (): readonly ArchiveFailure[] => this.snapshot;

  /** Called whenever `failed()` changes; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The page is about to open a failed archive again: its requests reach the worker from now on. */
  retry(archiveId: string): void {
    this.forget(archiveId);
  }

  async request<B extends RequestBody>(body: B, options: CallOptions = {}): Promise<ResultOf<B['type']>> {
    const ids = archivesOf(body);
    if (body.type === 'open') {
      this.forget(body.archiveId);
      this.opened.set(body.archiveId, { file: body.file, name: body.name, images: new Set() });
    } else if (body.type === 'close' && this.failures.has(body.archiveId)) {
      // Nothing of it is left in the worker.
      this.forget(body.archiveId);
      this.opened.delete(body.archiveId);
      return null;
    }
    this.throwIfFailed(ids);
    await this.recovered();
    this.throwIfFailed(ids);
    this.lastArchiveId = ids.at(-1) ?? this.lastArchiveId;
    try {
      const value = await this.client.request(body, options);
      if (body.type === 'index-image') this.opened.get(body.archiveId)?.images.add(body.imageKey);
      if (body.type === 'close') this.opened.delete(body.archiveId);
      return value;
    } catch (error) {
      if (!(error instanceof RequestError) || error.wire.code !== 'worker-failed') {
        if (body.type === 'open') this.opened.delete(body.archiveId);
        throw error;
      }
      // The failure was blamed on this request's archive (it was waiting): say so by name.
      this.throwIfFailed(ids);
      throw error;
    }
  }

  private start(): WorkerClient {
    const client = this.connect();
    client.onFailure((failure, pending) => this.recover(client, failure, pending));
    return client;
  }

  private recover(dead: WorkerClient, failure: WorkerFailure, pending: readonly RequestBody[]): void {
    if (dead !== this.client) return;
    const blamed = new Set(pending.flatMap(archivesOf));
    if (pending.length === 0 && this.lastArchiveId !== null) blamed.add(this.lastArchiveId);
    for (const archiveId of blamed) {
      const archive = this.opened.get(archiveId);
      if (archive) this.failures.set(archiveId, { archiveId, name: archive.name, ...failure });
    }
    this.publish();
    this.client = this.start();
    const reopen = [...this.opened].filter(([archiveId]) => !this.failures.has(archiveId));
    this.recovering = this.reopen(this.client, reopen);
  }

  /** Opens the surviving archives in a fresh worker, one after another, as they were. */
  private async reopen(client: WorkerClient, archives: [string, OpenedArchive][]): Promise<void> {
    for (const [archiveId, archive] of archives) {
      try {
        await client.request({ type: 'open', archiveId, file: archive.file, name: archive.name });
        for (const imageKey of archive.images)
          await client.request({ type: 'index-image', archiveId, imageKey });
      } catch (error) {
        // This worker failed too: its own recovery blames this archive and carries on.
        if (client.failed) return;
        const detail = error instanceof Error ? error.message : String(error);
        this.failures.set(archiveId, { archiveId, name: archive.name, reason: 'reopen-failed', detail });
        this.publish();
      }
    }
  }

  /** Waits until no recovery runs (one may start while another is under way). */
  private async recovered(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.recovering;
      await current;
    } while (current !== this.recovering);
  }

  private throwIfFailed(archiveIds: readonly string[]): void {
    for (const archiveId of archiveIds) {
      const failure = this.failures.get(archiveId);
      if (failure) throw new RequestError({ code: 'worker-failed', message: sentenceOf(failure) });
    }
  }

  private forget(archiveId: string): void {
    if (this.failures.delete(archiveId)) this.publish();
  }

  private publish(): void {
    this.snapshot = [...this.failures.values()];
    for (const listener of this.listeners) listener();
  }
}

function sentenceOf({ reason, name, detail }: ArchiveFailure): string {
  return reason === 'reopen-failed'
    ? `${name} could not be opened again after the page restarted its worker: ${detail}`
    : failureSentence({ reason, detail }, name);
}

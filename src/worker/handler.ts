/**
 * The worker's whole logic, free of worker globals so it also runs in the page's own thread (tests, fallback;
 * docs/conventions.md#every-worker-path-runs-without-a-worker): receive a request → call its handler → post
 * progress and a result. The handler table is typed by the request map, so every request has exactly one
 * handler answering its result type. It keeps the opened archives; the page only ever sees summaries and views.
 */
import {
  AbortedError,
  ArchiveError,
  ImageFileTooLargeError,
  LayerError,
  renderSentence,
  type CoreEnv,
  type LayerIndexer,
  type ViewOptions,
} from '../core';
import { PROTOCOL_VERSION, type Request, type Response, type WireError } from '../protocol/messages';
import type { RequestBody, RequestType, ResultOf } from '../protocol/request-map';
import type { HandlerContext, HandlerTable } from './handler-types';
import { OpenArchives } from './open-archives';
import { archiveHandlers } from './archive-handlers';
import { filesHandlers } from './files-handlers';
import { linkageHandlers } from './linkage-handlers';
import { namesHandlers } from './names-handlers';
import { packagesHandlers } from './packages-handlers';
import { compareHandlers } from './compare-handlers';

export type Post = (response: Response) => void;

export class WorkerHandler {
  private readonly archives: OpenArchives;
  private readonly handlers: HandlerTable<RequestType>;
  private readonly running = new Map<number, AbortController>();

  constructor(
    env: CoreEnv,
    private readonly post: Post,
    views: ViewOptions = {},
    /** Where a dropped file's layers are indexed (the layer worker pool); default: here, one at a time. */
    indexerFor?: (file: Blob) => LayerIndexer,
  ) {
    this.archives = new OpenArchives(views);
    this.handlers = {
      ...archiveHandlers(env, indexerFor),
      ...filesHandlers(),
      ...packagesHandlers(),
      ...linkageHandlers(),
      ...namesHandlers(),
      ...compareHandlers(),
    };
  }

  handle(request: Request): void {
    if (request.version !== PROTOCOL_VERSION) {
      const message = 'The page and its worker are different versions; reload the page.';
      this.post({ type: 'error', id: request.id, error: { code: 'protocol', message } });
      return;
    }
    if (request.type === 'ping') {
      this.post({ type: 'pong', id: request.id });
      return;
    }
    if (request.type === 'cancel') {
      this.running.get(request.target)?.abort();
      return;
    }
    const controller = new AbortController();
    this.running.set(request.id, controller);
    const context: HandlerContext = {
      archives: this.archives,
      signal: controller.signal,
      progress: (progress) => this.post({ type: 'progress', id: request.id, progress }),
    };
    this.run(request, context)
      .then((value) => this.post({ type: 'result', id: request.id, value }))
      .catch((error: unknown) => this.post({ type: 'error', id: request.id, error: toWire(error) }))
      .finally(() => this.running.delete(request.id));
  }

  private async run<K extends RequestType>(
    request: RequestBody<K>,
    context: HandlerContext,
  ): Promise<ResultOf<K>> {
    const handler: HandlerTable<K>[K] = this.handlers[request.type];
    return handler(request, context);
  }
}

export function toWire(error: unknown): WireError {
  if (error instanceof AbortedError)
    return {
      code: 'cancelled',
      message: renderSentence('cancelled', {}),
      sentence: { name: 'cancelled', params: {} },
    };
  if (error instanceof ArchiveError)
    return {
      code: error.code,
      message: error.message,
      ...(error.sentence ? { sentence: error.sentence } : {}),
    };
  // One layer that cannot be read: its own sentence, not the generic one.
  if (error instanceof LayerError && error.sentence)
    return { code: 'corrupt', message: error.message, sentence: error.sentence };
  // A package database too large to read: its own sentence, with the limit as a number for the page.
  if (error instanceof ImageFileTooLargeError)
    return {
      code: 'absurd-size',
      message: error.message,
      sentence: { name: 'file-too-large', params: { path: error.path, limit: error.limit } },
    };
  // Anything else is a bug or an environment failure: still a sentence, never a stack trace.
  const params = { detail: error instanceof Error ? error.message : String(error) };
  return {
    code: 'internal',
    message: renderSentence('internal', params),
    sentence: { name: 'internal', params },
  };
}

/**
 * The worker's handler table is typed by the request map (protocol/request-map.ts): one handler per
 * request type, taking that request's body and answering that request's result.
 */
import type { Progress } from '../protocol/messages';
import type { RequestBody, RequestType, ResultOf } from '../protocol/request-map';
import type { OpenArchives } from './open-archives';

export interface HandlerContext {
  readonly archives: OpenArchives;
  /** Aborted when the page cancels this request. */
  readonly signal: AbortSignal;
  /** Progress events of this request (open and index-image). */
  readonly progress: (progress: Progress) => void;
}

export type Handler<K extends RequestType> = (
  request: RequestBody<K>,
  context: HandlerContext,
) => ResultOf<K> | Promise<ResultOf<K>>;

/** Handlers for some of the requests; the worker's whole table covers every one (handler.ts). */
export type HandlerTable<K extends RequestType> = { readonly [P in K]: Handler<P> };

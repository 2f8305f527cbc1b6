/**
 * The one typed protocol between the page and the worker (docs/conventions.md#the-worker-protocol):
 * discriminated unions with a `type`, a request `id` and a version, derived from the request map
 * (request-map.ts); failures come back as values with a code and a sentence a user can act on. The page
 * posts the File itself, never its bytes (docs/conventions.md#big-data-stays-in-the-worker).
 */
import type { RequestBody, RequestType, ResultOf } from './request-map';
import type { ArchiveErrorCode, ImageOverview, LayerProgress, LinkProgress, Sentence } from '../core';

export type {
  ArchiveSummary,
  ConfigListName,
  ConfigListPage,
  ImageSummary,
  ImageOverview,
  LayerProgress,
} from '../core';

export const PROTOCOL_VERSION = 1;

export interface Progress {
  /** 'linkage': resolving the whole image's linkage (the counts are in `linkage`, not in bytes). */
  readonly phase: 'scanning' | 'indexing' | 'linkage' | 'done';
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly layers: readonly LayerProgress[];
  /** A fresh view when a layer finished (indexing only). */
  readonly view?: ImageOverview;
  readonly linkage?: LinkProgress;
}

interface Envelope {
  readonly id: number;
  readonly version: number;
}

/**
 * On the wire: every request of the map with its envelope, `cancel` (which answers nothing), and `ping`, which
 * the worker answers with `pong` at once: silence while requests wait means the worker is gone.
 */
export type Request =
  | (RequestBody & Envelope)
  | { readonly type: 'cancel'; readonly id: number; readonly version: number; readonly target: number }
  | { readonly type: 'ping'; readonly id: number; readonly version: number };

/** `worker-failed`: the worker died (an error, out of memory, killed or silent) while this request waited. */
export type ErrorCode = ArchiveErrorCode | 'protocol' | 'internal' | 'bad-query' | 'worker-failed';

export interface WireError {
  readonly code: ErrorCode;
  /** The English sentence, as the CLI prints it. */
  readonly message: string;
  /** Which named sentence it is and what fills it, so the page can say it in the user's language. */
  readonly sentence?: Sentence;
}

export type Response =
  | { readonly type: 'result'; readonly id: number; readonly value: ResultOf<RequestType> }
  | { readonly type: 'error'; readonly id: number; readonly error: WireError }
  | { readonly type: 'progress'; readonly id: number; readonly progress: Progress }
  | { readonly type: 'pong'; readonly id: number }
  /** A failure no request caught (an unhandled rejection in the worker): the worker is no longer sound. */
  | { readonly type: 'fault'; readonly id: number; readonly message: string };

export type {
  Sentence,
  Phrase,
  Said,
  SaidList,
  EngineReading,
  ValidReport,
  InvalidReport,
  HistoryStep,
  InspectJson,
  Platform,
  TreeRequest,
  TreeRow,
  TreePage,
  RowChange,
  WastedFile,
} from '../core';
export type { RequestBody, RequestMap, RequestType, ResultOf, ImageTarget } from './request-map';

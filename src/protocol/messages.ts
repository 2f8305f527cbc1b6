/**
 * The one typed protocol between the page and the worker (docs/conventions.md#the-worker-protocol):
 * discriminated unions with a `type`, a request `id` and a version; failures come back as values with a code
 * and a sentence a user can act on. The page posts the File itself, never its bytes
 * (docs/conventions.md#big-data-stays-in-the-worker).
 */
import type { FilesRequest } from './files';
import type { NamesRequest } from './names';
import type { PackagesRequest } from './packages';
import type { LinkageRequest } from './linkage';
import type {
  ArchiveErrorCode,
  ArchiveFormat,
  Artifact,
  HistoryView,
  InspectJson,
  LayerState,
  Platform,
} from '../core';

export const PROTOCOL_VERSION = 1;

export interface ImageSummary {
  readonly key: string;
  readonly id: string;
  readonly names: readonly string[];
  readonly bareTags: readonly string[];
  readonly platform: Platform;
  readonly layerCount: number;
  readonly historyCount: number;
}

export interface ArchiveSummary {
  readonly archiveId: string;
  readonly fileName: string;
  readonly fileSize: number;
  readonly compression: string;
  readonly format: ArchiveFormat;
  readonly formatLabel: string;
  readonly images: readonly ImageSummary[];
  readonly notIncluded: readonly { names: readonly string[]; platform: string; digest: string }[];
  readonly artifacts: readonly Artifact[];
  readonly warnings: readonly string[];
  /** The image to show first: the only one, or linux/amd64 of a multi-platform index. */
  readonly defaultImageKey: string | null;
}

export interface ImageView {
  readonly imageKey: string;
  /** Newest first, like podman history. */
  readonly history: readonly HistoryView[];
  readonly inspect: InspectJson;
  readonly complete: boolean;
}

export interface LayerProgress {
  readonly index: number;
  readonly state: LayerState;
  readonly storedBytes: number;
  readonly decodedBytes: number;
}

export interface Progress {
  readonly phase: 'scanning' | 'indexing' | 'done';
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly layers: readonly LayerProgress[];
  /** A fresh view when a layer finished (indexing only). */
  readonly view?: ImageView;
}

export type Request =
  | {
      readonly type: 'open';
      readonly id: number;
      readonly version: number;
      readonly file: Blob;
      readonly name: string;
    }
  | {
      readonly type: 'index-image';
      readonly id: number;
      readonly version: number;
      readonly archiveId: string;
      readonly imageKey: string;
    }
  | {
      readonly type: 'image-view';
      readonly id: number;
      readonly version: number;
      readonly archiveId: string;
      readonly imageKey: string;
    }
  | { readonly type: 'close'; readonly id: number; readonly version: number; readonly archiveId: string }
  | { readonly type: 'cancel'; readonly id: number; readonly version: number; readonly target: number }
  | ((FilesRequest | NamesRequest | PackagesRequest | LinkageRequest) & {
      readonly id: number;
      readonly version: number;
    });

export type ErrorCode = ArchiveErrorCode | 'protocol' | 'internal' | 'bad-query';

export interface WireError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Response =
  | { readonly type: 'result'; readonly id: number; readonly value: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: WireError }
  | { readonly type: 'progress'; readonly id: number; readonly progress: Progress };

type WithoutEnvelope<T> = T extends unknown ? Omit<T, 'id' | 'version'> : never;

/** Requests without their envelope, as the client's methods build them. */
export type RequestBody =
  | WithoutEnvelope<Exclude<Request, { type: 'cancel' }>>
  | FilesRequest
  | NamesRequest
  | PackagesRequest
  | LinkageRequest;

export type {
  EngineView,
  ValidReport,
  InvalidReport,
  HistoryView,
  InspectJson,
  Platform,
  TreeRequest,
  TreeRow,
  TreePage,
  RowChange,
  WastedFile,
} from '../core';

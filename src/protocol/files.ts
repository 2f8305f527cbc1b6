/** Messages of the Files view: tree pages, change summaries, search, path history, contents, waste. */
import type { ChangeDetail, TreePage, TreeRequest, WastedFile } from '../core';
export type { ContentKind } from '../core';

/** Which tree: the merged tree at a layer, or what a layer range (or an image against another) changed. */
export interface TreeScope {
  readonly layer: number;
  readonly mode: 'merged' | 'changes';
  /** Changes of layers from..to as one change set (changes mode). Defaults to layer..layer. */
  readonly from?: number;
  /** Compare this image's final tree with another open image's (changes mode). */
  readonly base?: { readonly archiveId: string; readonly imageKey: string };
}

export interface ChangeCounts {
  readonly added: number;
  readonly modified: number;
  readonly removed: number;
  readonly addedBytes: number;
  readonly modifiedBytes: number;
  readonly removedBytes: number;
}

export interface TreeResult {
  readonly page: TreePage;
  readonly counts: ChangeCounts | null;
}

export interface SearchHitView {
  readonly path: string;
  readonly kind: string;
  readonly size: number;
  readonly layer: number;
  readonly inFinal: boolean;
}

export interface SearchView {
  readonly hits: readonly SearchHitView[];
  readonly truncated: boolean;
}

export interface PathEvent {
  readonly layer: number;
  readonly change: 'added' | 'modified' | 'removed';
  readonly details: readonly ChangeDetail[];
  readonly kind: string;
  readonly size: number;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly linkTarget: string;
  readonly createdBy: string;
}

export interface FileContent {
  readonly path: string;
  /** The path after following symlinks inside the image. */
  readonly resolvedPath: string;
  readonly kind: string;
  readonly size: number;
  readonly offset: number;
  readonly bytes: Uint8Array;
}

export interface WasteView {
  readonly efficiency: number;
  readonly sizeBytes: number;
  readonly userSizeBytes: number;
  readonly wastedBytes: number;
  readonly userWastedPercent: number;
  readonly trueWastedBytes: number;
  readonly wastedWrittenBy: readonly number[];
  readonly wastedHiddenBy: readonly number[];
  readonly largest: readonly WastedFile[];
  readonly inefficiencies: readonly { path: string; count: number; cumulativeSize: number }[];
  readonly createdBy: readonly string[];
}

export type FilesRequest =
  | {
      readonly type: 'tree';
      readonly archiveId: string;
      readonly imageKey: string;
      readonly scope: TreeScope;
      readonly request: TreeRequest;
    }
  | {
      readonly type: 'search';
      readonly archiveId: string;
      readonly imageKey: string;
      readonly layer: number | 'all';
      readonly text: string;
      readonly mode: 'substring' | 'glob' | 'regex';
      readonly limit: number;
    }
  | {
      readonly type: 'path-history';
      readonly archiveId: string;
      readonly imageKey: string;
      readonly path: string;
    }
  | {
      readonly type: 'read-file';
      readonly archiveId: string;
      readonly imageKey: string;
      readonly layer: number;
      readonly path: string;
      readonly offset: number;
      readonly length: number;
    }
  | { readonly type: 'waste'; readonly archiveId: string; readonly imageKey: string };

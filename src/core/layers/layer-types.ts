/**
 * The public shapes of the layer stack: what one path looks like at one layer, what a layer (or a
 * range of layers) changed, and the pages and hits the UI asks for.
 */
import type { EntryKind, TarEntry } from '../model/tar-entry';
import type { Said } from '../model/said';

/** How a path fared in one layer (or a range): compared with the merged state just below. */
export type ChangeKind = 'added' | 'modified' | 'removed';

/**
 * What differs in a modified path. Content hashes are not available when a layer is indexed, so
 * "content" means "the sizes differ or the layer carries the file's bytes again", never "the bytes
 * were compared".
 */
export type ChangeDetail = 'content' | 'type' | 'mode' | 'owner' | 'linkTarget' | 'xattrs' | 'mtime';

/**
 * Where a hardlink entry's data comes from: resolved once, when its layer is applied
 * (docs/archive-formats.md#hardlinks).
 */
export type HardlinkTarget =
  | { readonly state: 'resolved'; readonly path: string; readonly layer: number; readonly entry: TarEntry }
  | { readonly state: 'broken'; readonly path: string };

/** One path as it is visible at some layer. */
export interface LayerNode {
  readonly path: string;
  /** Last path component ("" for the root). */
  readonly name: string;
  readonly kind: EntryKind;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /**
   * Bytes of the file as seen through this path: a regular file's (real) size, a resolved
   * hardlink's target size; 0 for everything else. Directory totals count hardlinks as 0 so that
   * shared data is counted once, at its target.
   */
  readonly size: number;
  readonly mtime: number;
  /** Symlink target as written; for hardlinks the absolute target path. */
  readonly linkTarget: string;
  /** Index of the layer that wrote this version (-1 for the root before any layer). */
  readonly layer: number;
  /** A parent directory that no entry described: created as root-owned 0755, the way extractors do. */
  readonly implicit: boolean;
  readonly hardlink: HardlinkTarget | undefined;
  /** The tar entry behind this version; undefined for implicit directories. */
  readonly entry: TarEntry | undefined;
}

export interface ChangedPath {
  readonly path: string;
  readonly change: ChangeKind;
  /** The version after the change; for "removed" the version that was removed. */
  readonly node: LayerNode;
  /** The version before the change (modified only). */
  readonly before: LayerNode | undefined;
  /** Modified only: what differs, in a fixed order. Empty when a rewrite changed nothing visible. */
  readonly details: readonly ChangeDetail[];
}

export interface ChangeSet {
  /** First and last layer of the range (equal for one layer; -1/-1 for an image compare). */
  readonly fromLayer: number;
  readonly toLayer: number;
  /** Each list sorted by path. */
  readonly added: readonly ChangedPath[];
  readonly modified: readonly ChangedPath[];
  readonly removed: readonly ChangedPath[];
  /** Sums of LayerNode.size (hardlinks and directories count 0). */
  readonly addedBytes: number;
  readonly modifiedBytes: number;
  readonly removedBytes: number;
}

export interface ListedNode extends LayerNode {
  /** Change at the listed layer; "unchanged" when an older layer wrote it. */
  readonly change: ChangeKind | 'unchanged';
  /** Directories: total size of the regular files below (at the listed layer); else equal to size. */
  readonly totalSize: number;
}

export type ListSort = 'name' | 'size' | 'kind' | 'layer';

export interface ListDirOptions {
  readonly offset?: number;
  readonly limit?: number;
  readonly sort?: ListSort;
  readonly descending?: boolean;
  /** Keep children whose name contains this text (case-insensitive), and/or whose change is listed. */
  readonly filter?: { readonly text?: string; readonly changes?: readonly (ChangeKind | 'unchanged')[] };
  /** Also list the children this layer removed (change "removed"), the way dive shows them. */
  readonly includeRemoved?: boolean;
}

export interface DirPage {
  readonly path: string;
  /** Children matching the filter, before paging. */
  readonly total: number;
  readonly offset: number;
  readonly entries: readonly ListedNode[];
}

export type SearchMode = 'substring' | 'glob' | 'regex';

export interface SearchQuery {
  readonly text: string;
  readonly mode: SearchMode;
  readonly caseSensitive?: boolean;
}

export interface SearchHit {
  readonly path: string;
  /** The version visible at the searched layer; for "all" the last version that existed. */
  readonly node: LayerNode;
  /** For "all": whether the path is still in the final image. */
  readonly inFinal: boolean;
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** True when more paths matched than the limit allowed. */
  readonly truncated: boolean;
}

export interface HistoryEvent {
  readonly layer: number;
  readonly change: ChangeKind;
  readonly node: LayerNode;
  readonly details: readonly ChangeDetail[];
}

export interface LayerWarning {
  readonly layer: number;
  readonly path: string;
  readonly message: string;
  /** The same sentence by name, for the page to say in its language. */
  readonly said?: Said;
}

/**
 * Reads bytes of an entry's content from its layer (offsets relative to the entry's content). `peek`, when
 * present, gives the same bytes at once when they are at hand (kept by the index pass), else undefined.
 */
export type ContentReader = ((
  layerIndex: number,
  entry: TarEntry,
  offset: number,
  length: number,
) => Promise<Uint8Array>) & { readonly peek?: ContentPeek };

/** ContentReader's bytes when they are at hand without a read; undefined when a read is needed. */
export type ContentPeek = (
  layerIndex: number,
  entry: TarEntry,
  offset: number,
  length: number,
) => Uint8Array | undefined;

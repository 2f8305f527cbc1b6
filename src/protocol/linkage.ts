/** Messages of the linkage graph: the whole image's graph with a layout, and ldd for one file. */
import type { ColorBy, EdgeMode, FocusDirection, Picture, PictureExports } from '../core';

export type {
  ColorBy as PictureColorBy,
  EdgeMode,
  FocusDirection,
  Picture,
  PictureExports,
  PlacedNode,
  ShownEdge,
} from '../core';

export interface GraphNode {
  readonly path: string;
  readonly kind: 'exe' | 'lib' | 'interpreter' | 'missing';
  readonly soname: string | null;
  /** Layer that put the file there; -1 for missing names. */
  readonly layer: number;
  /** Whether a later layer replaced this file (it was written more than once). */
  readonly replaced: boolean;
  /** Objects that load this one (direct edges in). */
  readonly dependents: number;
  /** Owning package, when a package database owns the file. */
  readonly pkg: string | null;
  /** A needed symbol version its providers lack (ldd's "version `X' not found"). */
  readonly versionFailures: number;
  readonly x: number;
  readonly y: number;
}

export interface GraphEdge {
  /** Indexes into nodes. */
  readonly source: number;
  readonly target: number;
  readonly name: string;
  readonly foundVia: string;
}

export interface GraphData {
  readonly imageId: string;
  /** The layer whose merged tree was resolved. */
  readonly layer: number;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly problems: readonly string[];
  /** Milliseconds the worker spent: emulation and layout. */
  readonly timings: { readonly resolve: number; readonly layout: number };
}

export interface LddView {
  readonly path: string;
  /** What `LC_ALL=C ldd -v PATH` prints inside the image, without load addresses. */
  readonly text: string;
  readonly exitCode: number;
  readonly libraries: readonly {
    name: string;
    path: string | null;
    realPath: string | null;
    foundVia: string | null;
    neededBy: readonly string[];
  }[];
  readonly notes: readonly string[];
}

/** One image's blast radius for a package or library. */
export interface BlastImage {
  readonly archiveId: string;
  readonly fileName: string;
  readonly imageKey: string;
  readonly imageId: string;
  readonly label: string;
  /** How the query matched in this image: a package that ships libraries, a library file, or nothing. */
  readonly match: 'package' | 'library' | null;
  readonly libraries: readonly string[];
  readonly dependents: readonly {
    path: string;
    kind: string;
    via: readonly string[];
    owner: string | null;
  }[];
}

export type LinkageRequest =
  | {
      readonly type: 'link-graph';
      readonly archiveId: string;
      readonly imageKey: string;
      readonly layer: number | null;
    }
  | {
      readonly type: 'ldd';
      readonly archiveId: string;
      readonly imageKey: string;
      readonly layer: number | null;
      readonly path: string;
    }
  | {
      /** The laid-out picture: around `focus` (a path), or the whole image grouped when focus is null. */
      readonly type: 'link-picture';
      readonly archiveId: string;
      readonly imageKey: string;
      readonly layer: number | null;
      readonly focus: string | null;
      readonly direction: FocusDirection;
      readonly edgeMode: EdgeMode;
      readonly unfold: readonly string[];
      readonly colorBy: ColorBy;
    }
  | { readonly type: 'blast-radius'; readonly query: string };

/** The answer to 'link-picture': null picture when the focus is not an object of the image. */
export interface LinkPicture {
  readonly picture: Picture | null;
  /** The same files `strata graph` writes: SVG (both themes), DOT, Mermaid, Markdown, and their names. */
  readonly exports: PictureExports | null;
  /** Milliseconds the worker spent laying it out (Graphviz dot). */
  readonly layoutMs: number;
}

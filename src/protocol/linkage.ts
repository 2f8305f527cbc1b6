/** Results of the Linkage view: the whole image's graph with a layout, ldd for one file, the blast radius. */

import type {
  ColorBy,
  EdgeMode,
  FocusDirection,
  Picture,
  PictureExports,
  PictureWords,
  SideList,
} from '../core';

export type { GraphData, GraphEdge, GraphNode, GraphPositions, LddReport, LinkProgress } from '../core';
export type {
  ColorBy as PictureColorBy,
  EdgeMode,
  FocusDirection,
  Picture,
  PictureExports,
  PictureWords,
  PlacedNode,
  ShownEdge,
  SideList,
} from '../core';

/** What the linkage picture shows: around `focus` (a path), or the whole image grouped when focus is null. */
export interface PictureAsk {
  readonly layer: number | null;
  readonly focus: string | null;
  readonly direction: FocusDirection;
  readonly edgeMode: EdgeMode;
  /** Folded objects to unfold; on the overview, the groups opened into their objects. */
  readonly unfold: readonly string[];
  readonly colorBy: ColorBy;
  /** The title's, legend's and footer's words in the page's language; the CLI's English when absent. */
  readonly words?: PictureWords;
}

/** The answer to 'link-picture': null picture when the focus is not an object of the image. */
export interface LinkPicture {
  readonly picture: Picture | null;
  /** The same files `strata graph` writes: SVG (both themes), DOT, Mermaid, Markdown, and their names. */
  readonly exports: PictureExports | null;
  /** The overview's ranked lists (most-loaded libraries, …); empty for a focused picture. */
  readonly side: readonly SideList[];
  /** The SVG for the screen in both themes: the export's picture without the side lists, which the page draws as links. */
  readonly screenSvg: { readonly light: string; readonly dark: string };
  /** Milliseconds the worker spent laying it out (Graphviz dot). */
  readonly layoutMs: number;
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

/**
 * The linkage picture's model, shared by the page (worker computes, page draws) and the CLI (SVG, PNG, DOT,
 * Mermaid, Markdown): what is shown, where it is placed, and what the title says.
 */
import type { PictureWords } from './words';

export type PictureKind = 'exe' | 'lib' | 'interpreter' | 'missing';

/** In a picture of two images' linkage change: whether an object or edge came, went, or is in both. */
export type ChangeState = 'added' | 'removed' | 'unchanged';

/** One ELF object of the image (or a name nothing provided). */
export interface PictureObject {
  /** The path in the image; for a missing name, `missing:NAME`. */
  readonly key: string;
  /** What ldd lists it as: its SONAME, else its file name; the name itself for a missing one. */
  readonly label: string;
  readonly kind: PictureKind;
  /** The layer that put it there; null when unknown (missing names). */
  readonly layer: number | null;
  readonly pkg: string | null;
}

/** `from` loads `to` (a DT_NEEDED entry resolved to it, or to nothing for a missing object). */
export interface PictureLink {
  readonly from: string;
  readonly to: string;
}

export interface PictureSource {
  readonly objects: readonly PictureObject[];
  readonly links: readonly PictureLink[];
}

/** What loads: the root on top, what it loads (transitively) below; or what loads it, transitively. */
export type FocusDirection = 'loads' | 'loaded-by';

/** 'tree' draws each object under the first object that needs it (lddtree); 'all' every NEEDED edge. */
export type EdgeMode = 'tree' | 'all';

export type ColorBy = 'layer' | 'package';

export type Theme = 'light' | 'dark';

/** One drawn box: an object, or in the overview a group of objects. */
export interface ShownNode {
  readonly key: string;
  readonly label: string;
  /** A smaller second line: the fold badge ("needed by all 31"), hidden edges, a group's size. */
  readonly note: string | null;
  readonly kind: PictureKind;
  readonly layer: number | null;
  readonly pkg: string | null;
  /** Distance from the root (0 for the root); in the overview, 0 everywhere. */
  readonly depth: number;
  readonly root: boolean;
  /** Needed by most of the shown objects: drawn without its incoming edges, which the note counts. */
  readonly folded: boolean;
  /** Set only in a linkage-change picture; drawn green, red or grey instead of the layer or package fill. */
  readonly change?: ChangeState;
  /** In the overview, the opened group this object is a member of: drawn inside that group's frame. */
  readonly group?: string;
}

/**
 * 'tree': the first object that needs this one (drawn solid); 'extra': another NEEDED edge (drawn dashed,
 * only when all edges are shown); 'missing': a name no object provided.
 */
export type ShownEdgeKind = 'tree' | 'extra' | 'missing';

/** Always from the loader to what it loads, whatever the direction of the view. */
export interface ShownEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: ShownEdgeKind;
  /** Set only in a linkage-change picture. */
  readonly change?: ChangeState;
}

export interface ShownGraph {
  readonly direction: FocusDirection | 'overview';
  readonly nodes: readonly ShownNode[];
  readonly edges: readonly ShownEdge[];
  /** NEEDED edges among the shown objects that are not drawn (tree mode and folding). */
  readonly hiddenEdges: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PlacedNode extends ShownNode {
  /** Centre, in px, y down. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge extends ShownEdge {
  /** A cubic B-spline as Graphviz gives it: a start point then groups of three control points, in px. */
  readonly points: readonly Point[];
  /** Where the arrowhead's tip is (at the loaded object). */
  readonly arrow: { readonly from: Point; readonly tip: Point } | null;
}

/** 'down': depth grows downwards (lddtree); 'right': depth grows to the right, for trees far wider than deep. */
export type Orientation = 'down' | 'right';

/** The frame around an opened group's members in the overview: its top-left corner and size, in px. */
export interface PlacedGroup {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Picture {
  readonly graph: ShownGraph;
  /** Frames of the overview's opened groups (none elsewhere). */
  readonly groups?: readonly PlacedGroup[];
  readonly orientation: Orientation;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  readonly width: number;
  readonly height: number;
}

/** What the title, legend and footer say; the same in every export. */
export interface PictureMeta {
  /** The image's first name, e.g. `localhost/app:1`; null for an image without one. */
  readonly imageName: string | null;
  /** The image ID (sha256:…). */
  readonly imageId: string;
  /** The layer resolved and the top layer's index. */
  readonly layer: number;
  readonly topLayer: number;
  /** The focused object's path or name; null for the whole image. */
  readonly focus: string | null;
  readonly direction: FocusDirection | 'overview';
  readonly edgeMode: EdgeMode;
  readonly colorBy: ColorBy;
  /** The strata version and the date (YYYY-MM-DD) for the footer. */
  readonly version: string;
  readonly date: string;
  /** The words of the title, legend and footer in another language than the CLI's English (words.ts). */
  readonly words?: PictureWords;
  /** For a linkage-change picture: the old image, drawn against this (the new) one. */
  readonly against?: { readonly imageName: string | null; readonly imageId: string };
}

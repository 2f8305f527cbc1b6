/** Results of the Linkage view: the whole image's graph with a layout, ldd for one file, the blast radius. */

export type { GraphData, GraphEdge, GraphNode, LddReport } from '../core';

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

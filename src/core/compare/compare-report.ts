/**
 * What the Compare view shows: the comparison as `strata compare --json` prints it, its Markdown, the summary
 * line, and the linkage change laid out (off the page's thread) for the page to draw.
 */
import type { ImageRecord } from '../image/model';
import { layoutGraph } from '../views/force-layout';
import type { ImageViews } from '../views/image-views';
import type { GraphLayout } from '../views/linkage-view';
import { compareImages } from './compare-images';
import { compareMarkdown } from './compare-markdown';
import { displayName, layersRead, type CompareSide } from './compare-side';
import { summaryParts } from './compare-summary';
import type { CompareJson } from './compare-types';
import { DIFF_COLOURS } from './compare-mermaid';
import { linkageDiffGraph, type DiffStatus } from './diff-graph';

export interface CompareReport {
  /** The same JSON `strata compare --json` prints. */
  readonly result: CompareJson;
  /** The same Markdown `strata compare --format markdown` prints. */
  readonly markdown: string;
  /** The summary line: size delta, packages, new ELF objects, new unresolved libraries. */
  readonly summary: string;
  /** Sentences about what could not be read. */
  readonly warnings: readonly string[];
  readonly graph: {
    readonly nodes: readonly {
      readonly path: string;
      readonly kind: string;
      readonly status: DiffStatus;
      readonly x: number;
      readonly y: number;
    }[];
    readonly edges: readonly {
      readonly source: number;
      readonly target: number;
      readonly status: DiffStatus;
    }[];
    /** Objects left out of the picture (the tables list every one). */
    readonly omittedNodes: number;
    /** The colour of each status, as the Markdown's Mermaid block draws it. */
    readonly colours: Readonly<Record<DiffStatus, string>>;
  };
}

/**
 * One side from an archive's views: the package databases and link graph the Packages and Linkage views
 * already read (and cache) at the top layer.
 */
export async function compareSideFromViews(views: ImageViews, image: ImageRecord): Promise<CompareSide> {
  const linkage = await views.linkage(image);
  const packages = await views.packages(image);
  const { size, warnings } = layersRead(views.session, image);
  return {
    image,
    name: displayName(image),
    size,
    stack: linkage.stack,
    packageDbs: packages.dbs,
    linkGraph: linkage.graph,
    warnings: [...warnings, ...packages.view.problems],
  };
}

export function buildCompareReport(
  oldSide: CompareSide,
  newSide: CompareSide,
  layout: GraphLayout = layoutGraph,
): CompareReport {
  const result = compareImages(oldSide, newSide);
  const graph = linkageDiffGraph(oldSide.linkGraph, newSide.linkGraph, result.linkage);
  const weights = new Array<number>(graph.nodes.length).fill(0);
  for (const e of graph.edges) weights[e.target]!++;
  const positions = layout(graph.nodes.length, graph.edges, weights);
  return {
    result,
    markdown: compareMarkdown(result),
    summary: summaryParts(result).join(' · '),
    warnings: [
      ...oldSide.warnings.map((w) => `${oldSide.name} (old): ${w}`),
      ...newSide.warnings.map((w) => `${newSide.name} (new): ${w}`),
    ],
    graph: {
      nodes: graph.nodes.map((n, i) => ({ ...n, x: positions[i]?.x ?? 0, y: positions[i]?.y ?? 0 })),
      edges: graph.edges,
      omittedNodes: graph.omittedNodes,
      colours: DIFF_COLOURS,
    },
  };
}

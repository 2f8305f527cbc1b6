/**
 * What the Compare view shows: the comparison as `strata compare --json` prints it, its Markdown, the summary
 * line, and the linkage change laid out (off the page's thread) for the page to draw.
 */
import type { ImageRecord } from '../image/model';
import { pictureExports, type PictureExports } from '../linkage/picture/exports';
import { layoutPicture, type DotEngine } from '../linkage/picture/layout';
import type { Picture } from '../linkage/picture/picture-types';
import type { PictureWords } from '../linkage/picture/words';
import type { ImageViews } from '../views/image-views';
import { listFileChanges, type DirectoryFiles } from './compare-files';
import { compareImages } from './compare-images';
import { compareMarkdown } from './compare-markdown';
import { displayName, layersRead, type CompareSide } from './compare-side';
import { summaryParts } from './compare-summary';
import type { CompareJson } from './compare-types';
import { linkageDiffGraph } from './diff-graph';
import type { Said } from '../model/said';
import { compareSaid } from './compare-sentences';

export interface CompareReport {
  /** The same JSON `strata compare --json` prints. */
  readonly result: CompareJson;
  /** The same Markdown `strata compare --format markdown` prints. */
  readonly markdown: string;
  /** The summary line: size delta, packages, new ELF objects, new unresolved libraries. */
  readonly summary: string;
  /** Sentences about what could not be read. */
  readonly warnings: readonly string[];
  /** The same sentences by name, for the page to say in its language. */
  readonly warningSentences: readonly Said[];
  /** The changed paths of each directory of `result.files.byDirectory`, for the page's directory filter. */
  readonly directoryFiles: Readonly<Record<string, DirectoryFiles>>;
  /**
   * The linkage change laid out by the linkage picture (null when no load was added or removed), with its SVG
   * exports in both themes: the same title, legend, footer and file name rules as the Linkage view's.
   */
  readonly graph: {
    readonly picture: Picture | null;
    readonly exports: PictureExports | null;
    /** Objects left out of the picture (the tables list every one). */
    readonly omittedNodes: number;
  };
}

/** What drawing the linkage change needs from outside the core: Graphviz, and the footer's version and date. */
export interface CompareDrawing {
  /** null when no picture is wanted (the CLI without --graph): Graphviz is then never loaded. */
  readonly engine: DotEngine | null;
  readonly version: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** The picture's words in the page's language; the CLI's English when absent. */
  readonly words?: PictureWords;
}

/**
 * One side from an archive's views: the package databases and link graph the Packages and Linkage views
 * already read (and cache) at the top layer.
 */
export async function compareSideFromViews(views: ImageViews, image: ImageRecord): Promise<CompareSide> {
  const linkage = await views.linkage(image);
  const packages = await views.packages(image);
  const { size, warnings, warningSentences } = layersRead(views.session, image);
  return {
    image,
    name: displayName(image),
    size,
    stack: linkage.stack,
    packageDbs: packages.dbs,
    linkGraph: linkage.graph,
    warnings: [...warnings, ...packages.view.problems],
    warningSentences: [...warningSentences, ...packages.view.problemSentences],
  };
}

/** A side's warnings, each said after the image's name; a warning without a name is said as written. */
function sideSentences(side: CompareSide, name: 'side-old' | 'side-new'): Said[] {
  return side.warnings.map((w, i) =>
    compareSaid(name, { name: side.name, warning: side.warningSentences?.[i] ?? w }),
  );
}

export function buildCompareReport(
  oldSide: CompareSide,
  newSide: CompareSide,
  drawing: CompareDrawing,
): CompareReport {
  const files = listFileChanges(oldSide.stack, newSide.stack);
  const result = compareImages(oldSide, newSide, files);
  const diff = linkageDiffGraph(oldSide.linkGraph, newSide.linkGraph, result.linkage);
  const picture =
    diff.graph.nodes.length === 0 || drawing.engine === null
      ? null
      : layoutPicture(diff.graph, drawing.engine);
  const topOf = (side: CompareSide) => Math.max(0, side.image.layers.length - 1);
  const exports =
    picture === null
      ? null
      : pictureExports(
          picture,
          {
            imageName: newSide.name,
            imageId: newSide.image.id,
            layer: topOf(newSide),
            topLayer: topOf(newSide),
            focus: null,
            direction: 'loads',
            edgeMode: 'tree',
            colorBy: 'layer',
            version: drawing.version,
            date: drawing.date,
            ...(drawing.words ? { words: drawing.words } : {}),
            against: { imageName: oldSide.name, imageId: oldSide.image.id },
          },
          [],
        );
  return {
    result,
    markdown: compareMarkdown(result),
    summary: summaryParts(result).join(' · '),
    warnings: [
      ...oldSide.warnings.map((w) => `${oldSide.name} (old): ${w}`),
      ...newSide.warnings.map((w) => `${newSide.name} (new): ${w}`),
    ],
    warningSentences: [...sideSentences(oldSide, 'side-old'), ...sideSentences(newSide, 'side-new')],
    directoryFiles: Object.fromEntries(files.byDirectory),
    graph: { picture, exports, omittedNodes: diff.omittedNodes },
  };
}

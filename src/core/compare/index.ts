/** Compare two images (old against new): the folder's public API, re-exported by src/core/index.ts. */
export type * from './compare-types';
export { COMPARE_JSON_VERSION, COMPARED_CONFIG_KEYS } from './compare-types';
export { compareImages } from './compare-images';
export { FILES_PER_DIRECTORY, type DirectoryFiles } from './compare-files';
export { readCompareSide, displayName, type CompareSide, type ReadCompareSideOptions } from './compare-side';
export {
  readCompareSides,
  sharedLayerPositions,
  type CompareInput,
  type ReadCompareSidesOptions,
} from './compare-sides';
export { compareMarkdown, GITHUB_COMMENT_LIMIT } from './compare-markdown';
export { compareText } from './compare-text';
export { summaryParts, signedSize } from './compare-summary';
export { linkageMermaid, DIFF_COLOURS } from './compare-mermaid';
export {
  parseFailOn,
  evaluateFailOn,
  FailOnRuleError,
  FAIL_ON_RULES,
  type FailOnRule,
  type TrippedRule,
} from './fail-on';
export { linkageDiffGraph, DIFF_GRAPH_MAX_NODES, type DiffGraph, type DiffStatus } from './diff-graph';
export {
  buildCompareReport,
  compareSideFromViews,
  type CompareDrawing,
  type CompareReport,
} from './compare-report';
export { COMPARE_SENTENCES, renderCompareSaid, type CompareSentenceName } from './compare-sentences';

/** The views the page and the CLI show, assembled from the rest of the core. */
export {
  ImageViews,
  type ViewOptions,
  type LayerTree,
  type ImageLicenses,
  type ImagePackages,
  type ImageLinkage,
} from './image-views';
export {
  buildLinkageView,
  forceLayout,
  loaderSettings,
  lddView,
  type GraphData,
  type GraphEdge,
  type GraphLayout,
  type GraphNode,
  type GraphPositions,
  type LddReport,
  type LinkageInput,
  type LinkageView,
} from './linkage-view';
export { layoutGraph } from './force-layout';
export {
  isPackageDbFile,
  layerPackageChanges,
  licensesView,
  ownerView,
  packagesView,
  type LayerPackageChanges,
  type PackageLicenses,
  type PathOwners,
  type PackageRow,
  type PackageList,
} from './package-views';
export { buildWasteView, type WasteSummary } from './waste-view';
export { filterByContent } from './tree-by-content';
export { TreeViews, type ChangeCounts, type TreeImage, type TreeResult, type TreeScope } from './tree-view';
export {
  CONFIG_LIST_LIMIT,
  CONFIG_PAGE_LIMIT,
  configListPage,
  type BoundedList,
  type ConfigListName,
  type ConfigListPage,
} from './config-lists';
export {
  archiveSummary,
  imageView,
  layerProgress,
  type ArchiveSummary,
  type ImageSummary,
  type ImageOverview,
  type LayerProgress,
} from './archive-view';
export {
  pathHistory,
  readFileView,
  searchView,
  type FileContent,
  type PathEvent,
  type SearchMatch,
  type SearchMatches,
} from './file-views';

/** The views the page and the CLI show, assembled from the rest of the core. */
export {
  ImageViews,
  type ViewOptions,
  type LayerTree,
  type ImagePackages,
  type ImageLinkage,
} from './image-views';
export {
  buildLinkageView,
  loaderSettings,
  lddView,
  type GraphData,
  type GraphEdge,
  type GraphLayout,
  type GraphNode,
  type LddView,
  type LinkageInput,
  type LinkageView,
} from './linkage-view';
export { layoutGraph } from './force-layout';
export {
  isPackageDbFile,
  layerPackageChanges,
  ownerView,
  packagesView,
  type LayerPackageChanges,
  type OwnerView,
  type PackageRow,
  type PackagesView,
} from './package-views';
export { buildWasteView, type WasteView } from './waste-view';
export { filterByContent } from './tree-by-content';
export { TreeViews, type ChangeCounts, type TreeImage, type TreeResult, type TreeScope } from './tree-view';
export {
  archiveSummary,
  imageView,
  layerProgress,
  type ArchiveSummary,
  type ImageSummary,
  type ImageView,
  type LayerProgress,
} from './archive-view';
export {
  pathHistory,
  readFileView,
  searchView,
  type FileContent,
  type PathEvent,
  type SearchHitView,
  type SearchView,
} from './file-views';

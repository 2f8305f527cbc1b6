/** Every query key of the app, built in one place (docs/conventions.md#ui-state-and-queries). */
import type { TreeScope } from '../../protocol/files';
import type { TreeRequest } from '../../protocol/messages';

export const queryKeys = {
  archive: (archiveId: string) => ['archive', archiveId] as const,
  imageView: (archiveId: string, imageKey: string) => ['image-view', archiveId, imageKey] as const,
  /** Every image view of one archive (a prefix of imageView). */
  imageViews: (archiveId: string) => ['image-view', archiveId] as const,
  configList: (archiveId: string, imageKey: string, list: string) =>
    ['config-list', archiveId, imageKey, list] as const,
  tree: (archiveId: string, imageKey: string, scope: TreeScope, request: TreeRequest) =>
    ['tree', archiveId, imageKey, scope, request] as const,
  search: (archiveId: string, imageKey: string, layer: number | 'all', text: string, mode: string) =>
    ['search', archiveId, imageKey, layer, text, mode] as const,
  pathHistory: (archiveId: string, imageKey: string, path: string) =>
    ['path-history', archiveId, imageKey, path] as const,
  fileContent: (archiveId: string, imageKey: string, layer: number, path: string, length: number) =>
    ['file', archiveId, imageKey, layer, path, length] as const,
  waste: (archiveId: string, imageKey: string) => ['waste', archiveId, imageKey] as const,
  packages: (archiveId: string, imageKey: string) => ['packages', archiveId, imageKey] as const,
  packageFiles: (archiveId: string, imageKey: string, name: string, arch: string) =>
    ['package-files', archiveId, imageKey, name, arch] as const,
  packageLayers: (archiveId: string, imageKey: string) => ['package-layers', archiveId, imageKey] as const,
  packageLicenses: (archiveId: string, imageKey: string) =>
    ['package-licenses', archiveId, imageKey] as const,
  owners: (archiveId: string, imageKey: string, paths: string) =>
    ['owners', archiveId, imageKey, paths] as const,
  owner: (archiveId: string, imageKey: string, path: string) => ['owner', archiveId, imageKey, path] as const,
  linkGraph: (archiveId: string, imageKey: string, layer: number | null) =>
    ['link-graph', archiveId, imageKey, layer] as const,
  linkLayout: (archiveId: string, imageKey: string, layer: number | null) =>
    ['link-layout', archiveId, imageKey, layer] as const,
  /** Every picture of one image (a prefix of `linkPicture`). */
  linkPictures: (archiveId: string, imageKey: string) => ['link-picture', archiveId, imageKey] as const,
  /** `ask` is the picture request as JSON (layer, focus, direction, edges, unfolded objects, colours). */
  linkPicture: (archiveId: string, imageKey: string, ask: string) =>
    ['link-picture', archiveId, imageKey, ask] as const,
  ldd: (archiveId: string, imageKey: string, layer: number | null, path: string) =>
    ['ldd', archiveId, imageKey, layer, path] as const,
  blast: (query: string, openArchives: string) => ['blast-radius', query, openArchives] as const,
  resolve: (name: string, engine: string, conf: string, openArchives: string) =>
    ['resolve', name, engine, conf, openArchives] as const,
  /** `language` names the words of the linkage change's picture. */
  compare: (oldArchive: string, oldImage: string, newArchive: string, newImage: string, language: string) =>
    ['compare', oldArchive, oldImage, newArchive, newImage, language] as const,
  sharedLayers: (archiveId: string, imageKey: string, openArchives: string) =>
    ['shared-layers', archiveId, imageKey, openArchives] as const,
};

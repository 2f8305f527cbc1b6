/** Every query key of the app, built in one place (docs/conventions.md#ui-state-and-queries). */
import type { TreeScope } from '../../protocol/files';
import type { TreeRequest } from '../../protocol/messages';

export const queryKeys = {
  archive: (fileKey: string) => ['archive', fileKey] as const,
  imageView: (fileKey: string, imageKey: string) => ['image-view', fileKey, imageKey] as const,
  tree: (fileKey: string, imageKey: string, scope: TreeScope, request: TreeRequest) =>
    ['tree', fileKey, imageKey, scope, request] as const,
  search: (fileKey: string, imageKey: string, layer: number | 'all', text: string, mode: string) =>
    ['search', fileKey, imageKey, layer, text, mode] as const,
  pathHistory: (fileKey: string, imageKey: string, path: string) =>
    ['path-history', fileKey, imageKey, path] as const,
  fileContent: (fileKey: string, imageKey: string, layer: number, path: string, length: number) =>
    ['file', fileKey, imageKey, layer, path, length] as const,
  waste: (fileKey: string, imageKey: string) => ['waste', fileKey, imageKey] as const,
  packages: (fileKey: string, imageKey: string) => ['packages', fileKey, imageKey] as const,
  packageFiles: (fileKey: string, imageKey: string, name: string, arch: string) =>
    ['package-files', fileKey, imageKey, name, arch] as const,
  packageLayers: (fileKey: string, imageKey: string) => ['package-layers', fileKey, imageKey] as const,
  owners: (fileKey: string, imageKey: string, paths: string) => ['owners', fileKey, imageKey, paths] as const,
  owner: (fileKey: string, imageKey: string, path: string) => ['owner', fileKey, imageKey, path] as const,
  linkGraph: (fileKey: string, imageKey: string, layer: number | null) =>
    ['link-graph', fileKey, imageKey, layer] as const,
  ldd: (fileKey: string, imageKey: string, layer: number | null, path: string) =>
    ['ldd', fileKey, imageKey, layer, path] as const,
  blast: (query: string, openFiles: string) => ['blast-radius', query, openFiles] as const,
  resolve: (name: string, engine: string, conf: string, openFiles: string) =>
    ['resolve', name, engine, conf, openFiles] as const,
  sharedLayers: (fileKey: string, imageKey: string, openFiles: string) =>
    ['shared-layers', fileKey, imageKey, openFiles] as const,
};

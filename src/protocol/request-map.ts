/**
 * Every request the page can make of the worker, and what it answers, in one map: the wire
 * messages (messages.ts), the client's `request()` and the worker's handler table are all derived
 * from it, so a request added here without a handler, or a handler answering the wrong type, does
 * not compile. See docs/architecture.md, "Adding a worker request".
 */
import type { TreeRequest } from '../core';
import type { ArchiveSummary, ConfigListName, ConfigListPage, ImageOverview } from './messages';
import type { FileContent, PathEvent, SearchMatches, TreeResult, TreeScope, WasteSummary } from './files';
import type { ResolveResult, SharedWith } from './names';
import type { LayerPackageChanges, PathOwners, PackageLicenses, PackageList } from './packages';
import type {
  BlastImage,
  GraphData,
  GraphPositions,
  LddReport,
  LinkPicture,
  PictureAsk,
  PictureWords,
} from './linkage';
import type { CompareReport } from './compare';

/** One opened archive (the id the page gave it when opening) and one of its images. */
export interface ImageTarget {
  readonly archiveId: string;
  readonly imageKey: string;
}

export interface RequestMap {
  /** Scan a dropped file; the page names the opened archive with `archiveId` from then on. */
  open: {
    body: { readonly archiveId: string; readonly file: Blob; readonly name: string };
    result: ArchiveSummary;
  };
  /** Index every layer of an image, with progress and a fresh view per finished layer. */
  'index-image': { body: ImageTarget; result: ImageOverview };
  'image-view': { body: ImageTarget; result: ImageOverview };
  /** Env entries or labels of the image's config past the first ones its view holds, a page at a time. */
  'config-list': {
    body: ImageTarget & { readonly list: ConfigListName; readonly offset: number; readonly limit: number };
    result: ConfigListPage;
  };
  close: { body: { readonly archiveId: string }; result: null };

  tree: {
    body: ImageTarget & { readonly scope: TreeScope; readonly request: TreeRequest };
    result: TreeResult;
  };
  search: {
    body: ImageTarget & {
      readonly layer: number | 'all';
      readonly text: string;
      readonly mode: 'substring' | 'glob' | 'regex';
      readonly limit: number;
    };
    result: SearchMatches;
  };
  'path-history': { body: ImageTarget & { readonly path: string }; result: PathEvent[] };
  'read-file': {
    body: ImageTarget & {
      readonly layer: number;
      readonly path: string;
      readonly offset: number;
      readonly length: number;
    };
    result: FileContent;
  };
  waste: { body: ImageTarget; result: WasteSummary };

  packages: { body: ImageTarget; result: PackageList };
  'package-files': {
    body: ImageTarget & { readonly name: string; readonly arch: string };
    result: string[];
  };
  owner: { body: ImageTarget & { readonly path: string }; result: PathOwners };
  /** The owning package's name per path (tree rows), null when none. */
  owners: {
    body: ImageTarget & { readonly paths: readonly string[] };
    result: Record<string, string | null>;
  };
  'package-layers': { body: ImageTarget; result: LayerPackageChanges[] };
  /** Licence names per package, asked for after the list: dpkg's are read from copyright files. */
  'package-licenses': { body: ImageTarget; result: PackageLicenses };
  /** The CycloneDX 1.5 SBOM of the image's packages, as JSON text. */
  sbom: { body: ImageTarget; result: string };

  'link-graph': { body: ImageTarget & { readonly layer: number | null }; result: GraphData };
  ldd: {
    body: ImageTarget & { readonly layer: number | null; readonly path: string };
    result: LddReport;
  };
  /** The force layout of every object of 'link-graph' (the force-laid canvas only), by node index. */
  'link-layout': { body: ImageTarget & { readonly layer: number | null }; result: GraphPositions };
  /** The laid-out linkage picture with its exports (SVG, DOT, Mermaid, Markdown). */
  'link-picture': { body: ImageTarget & PictureAsk; result: LinkPicture };
  'blast-radius': { body: { readonly query: string }; result: BlastImage[] };

  resolve: {
    body: {
      readonly name: string;
      readonly engine: 'docker' | 'podman';
      readonly registriesConf: string;
    };
    result: ResolveResult;
  };
  'shared-layers': { body: ImageTarget; result: SharedWith[] };

  /** Two open images (of one archive or two), old against new: what `strata compare` reports. */
  compare: {
    body: { readonly old: ImageTarget; readonly new: ImageTarget; readonly words?: PictureWords };
    result: CompareReport;
  };
}

export type RequestType = keyof RequestMap;

/** A request as the client builds it: its `type` and the map's body, no envelope. */
export type RequestBody<K extends RequestType = RequestType> = {
  [P in K]: { readonly type: P } & RequestMap[P]['body'];
}[K];

export type ResultOf<K extends RequestType> = RequestMap[K]['result'];

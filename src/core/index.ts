/**
 * The core's public API: the only module the worker and the CLI import
 * (docs/conventions.md#dependencies-point-one-way).
 */
export type { TarEntry, EntryKind } from './model/tar-entry';
export { EntryTable, EntryTableBuilder, type EntryColumns, type EntryExtras } from './model/entry-table';
export type { ImageFs, FsNode } from './model/image-fs';
export {
  normalizePath,
  splitPath,
  parentPath,
  baseName,
  resolveRelative,
  resolveInImage,
  type PathStep,
  type ResolveOptions,
} from './model/path';
export { shortDigest, isSha256Digest, type Digest } from './model/digest';
export { memorySource, readRange, rechunk, AbortedError, type ByteSource } from './io/byte-source';
export {
  sniffCompression,
  MultiMemberGzipError,
  decoderFor,
  withGzipFallback,
  type CoreEnv,
  type Decoder,
  type Hasher,
  type Compression,
} from './io/env';
export { gunzipPortable } from './io/portable-decoders';
export { wasmUnzstd, type InstantiateZstd, type ZstdWasmExports } from './io/zstd-wasm';
export { memorySpill, type Spill, type SpillShare, type SpillSource, type CreateSpill } from './io/spill';
export { TarParser, TarFormatError, type TarSink } from './io/tar-parser';
export { ArchiveError, renderSentence, type ArchiveErrorCode, type Sentence } from './archive/archive-error';
export { SENTENCES, type SentenceName, type SentenceParams } from './archive/error-sentences';
export { renderSaid, saidList, type Said, type SaidList, type SaidValue, type SaidBook } from './model/said';
export { PACKAGE_SENTENCES, type PackageSentenceName } from './packages/package-sentences';
export { LAYER_SENTENCES, type LayerSentenceName } from './layers/layer-sentences';
export { ELF_SENTENCES, type ElfSentenceName } from './elf/elf-sentences';
export { LayerError, type LayerTable } from './archive/index-layer';
export { DEFAULT_DECODE_LIMITS, type DecodeLimits } from './io/decode-limits';
export type {
  ArchiveInfo,
  ImageRecord,
  LayerRef,
  HistoryRow,
  Platform,
  NotIncluded,
  Artifact,
  ArchiveFormat,
} from './image/model';
export { displayNameList, imageDisplayNames, type ImageDisplayNames } from './image/display-names';
export {
  ArchiveSession,
  sentence,
  type LayerStatus,
  type LayerState,
  type OpenProgress,
} from './session/archive-session';
export { KEPT_CONTENTS_LIMIT } from './session/content-cache';
export {
  ONE_AT_A_TIME,
  type LayerIndexer,
  type BlobRange,
  type IndexJobOptions,
} from './session/layer-indexer';
export { indexLayer, type IndexLayerOptions } from './archive/index-layer';
export { packKept, unpackKept, packedBuffers, type PackedKept } from './session/kept-transfer';
export { elfRanges } from './session/elf-kept-ranges';
export { readSparse, type SparseFile } from './session/elf-prefetch';
export {
  pickImage,
  pickPlatformDefault,
  platformString,
  describeImage,
  type ImagePick,
} from './session/pick-image';
export {
  historyRows,
  formatSize,
  formatAgo,
  displayCreatedBy,
  type HistoryStep,
} from './session/history-view';
export { inspectImage, type InspectJson } from './session/inspect-view';
export { layerCreatedBy } from './session/history-view';
export type { BatchPredicate } from './session/content-cache';
export * from './layers';
export { readLayerBytes, MAX_READ } from './session/layer-content';
export * from './image/resolve';
export {
  ChangeTree,
  mergedTreePage,
  type TreePage,
  type TreeRequest,
  type TreeRow,
  type TreeFilter,
  type TreeSort,
  type RowChange,
} from './session/files-view';
export { contentKindOf, hasElfMagic, type ContentKind } from './model/content-kind';
export * from './packages';
export {
  buildReport,
  renderReport,
  type ArchiveNames,
  type EngineReading,
  type ValidReport,
  type InvalidReport,
} from './image/resolve-report';
export {
  resolveLinkGraph,
  type LinkGraph,
  type LinkNode,
  type LinkEdge,
  type UnresolvedLink,
} from './linkage/link-graph';
export { formatLdd, lddExitCode, toLddJson, type LddJson } from './linkage/format-ldd';
export { resolveLoad, loadExecutable } from './linkage/load-executable';
export { LinkageContext } from './linkage/linkage-context';
export {
  dependentCounts,
  toGraphDot,
  toGraphJson,
  GRAPH_JSON_VERSION,
  type GraphExportContext,
  type GraphJson,
} from './linkage/graph-export';
export type {
  LoadResult,
  LoadedLibrary,
  VersionCheck,
  FoundVia,
  LoaderSettings,
  LinkProgress,
} from './linkage/link-types';
export * from './linkage/picture';
export { blastRadius, type BlastRadius, type BlastDependent } from './session/blast-radius';
export {
  packagesPerLayer,
  PACKAGE_DB_DIRS,
  type LayerPackages,
  type PackageUpgrade,
} from './packages/layer-packages';
export { toCycloneDx, purlOf, parseOsRelease, type Distro } from './packages/cyclonedx';
export { compareVersions } from './packages/version-order';
export * from './views';
export * from './compare';

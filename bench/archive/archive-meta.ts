/** What make-archive wrote, read back by index-bench: layer sizes, blob names, entry counts. */
import { readFileSync } from 'node:fs';

export interface LayerMeta {
  readonly createdBy: string;
  readonly entries: number;
  readonly plainSize: number;
  readonly gzipSize: number;
  readonly diffId: string;
  readonly gzipDigest: string;
}

export interface ArchiveMeta {
  /** oci: gzip layers; docker: plain layers; zstd, zstdchunked: the OCI image recompressed by skopeo. */
  readonly shape: 'oci' | 'docker' | 'zstd' | 'zstdchunked';
  readonly path: string;
  readonly size: number;
  /** Outer-tar member names of the layer blobs, bottom to top. */
  readonly blobs: readonly string[];
  readonly compression: 'gzip' | 'zstd' | 'none';
  /** Layer blob bytes as stored, when they are not the image's gzip or plain sizes. */
  readonly storedBytes?: number;
}

export interface BenchImageMeta {
  /** Format version of this file. */
  readonly version: 1;
  readonly label: string;
  readonly root: string;
  readonly layers: readonly LayerMeta[];
  readonly archives: readonly ArchiveMeta[];
}

export const metaPath = (outDir: string, label: string) => `${outDir}/strata-bench-${label}.json`;

export function readMeta(path: string): BenchImageMeta {
  const meta = JSON.parse(readFileSync(path, 'utf8')) as BenchImageMeta | { version: number };
  if (meta.version !== 1 || !('archives' in meta))
    throw new Error(`${path} was written by another version; run make-archive again.`);
  return meta;
}

/**
 * The OCI bench image with zstd layers, made by a real tool: `skopeo copy --dest-compress-format zstd`
 * (and `zstd:chunked`, the shape podman pushes for partial pulls: zstd frames per file group plus
 * skippable frames holding the table of contents) from the gzip OCI archive, once, beside it. The layer
 * blobs get new digests; the diff_ids, config and entries stay those of the gzip image.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import type { ArchiveMeta, BenchImageMeta } from './archive-meta';

export const ZSTD_SHAPES = { zstd: 'zstd', zstdchunked: 'zstd:chunked' } as const;
export type ZstdShape = keyof typeof ZSTD_SHAPES;

interface Descriptor {
  readonly digest: string;
  readonly size: number;
}

function member(archive: string, name: string): string {
  return execFileSync('tar', ['-xOf', archive, name], { encoding: 'utf8', maxBuffer: 16 << 20 });
}

const blobName = (d: Descriptor) => `blobs/sha256/${d.digest.replace(/^sha256:/, '')}`;

/** The zstd archive of `shape` for this image, made first when missing or older than the gzip one. */
export function ensureZstdArchive(
  meta: BenchImageMeta,
  shape: ZstdShape,
  log: (line: string) => void,
): ArchiveMeta | undefined {
  const oci = meta.archives.find((a) => a.shape === 'oci');
  if (!oci) return undefined;
  const path = oci.path.replace(/-oci\.tar$/, `-${shape}.tar`);
  if (!existsSync(path) || statSync(path).mtimeMs < statSync(oci.path).mtimeMs) {
    log(`skopeo copy --dest-compress-format ${ZSTD_SHAPES[shape]} ${oci.path} → ${path} (once)`);
    execFileSync('skopeo', [
      'copy',
      '-q',
      '--dest-compress-format',
      ZSTD_SHAPES[shape],
      `oci-archive:${oci.path}`,
      `oci-archive:${path}`,
    ]);
  }
  const index = JSON.parse(member(path, 'index.json')) as { manifests: Descriptor[] };
  const manifest = index.manifests[0];
  if (!manifest) throw new Error(`${path} has no manifest; delete it and run the bench again.`);
  const { layers } = JSON.parse(member(path, blobName(manifest))) as { layers: Descriptor[] };
  return {
    shape,
    path,
    size: statSync(path).size,
    blobs: layers.map(blobName),
    compression: 'zstd',
    storedBytes: layers.reduce((sum, l) => sum + l.size, 0),
  };
}

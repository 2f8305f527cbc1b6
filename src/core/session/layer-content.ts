/**
 * File contents, read lazily from the archive on demand and never kept: an uncompressed layer is
 * sliced directly; a compressed one is decoded from its start up to the file and no further.
 */
import type { LayerRef } from '../image/model';
import type { CoreEnv } from '../io/env';
import { decoderFor, withGzipFallback } from '../io/env';
import type { OuterScan } from '../archive/outer-scan';
import type { LayerTable } from '../archive/index-layer';
import { ArchiveError } from '../archive/archive-error';

/** Contents are shown in pages; a request larger than this is cut. */
export const MAX_READ = 16 * 1024 * 1024;

export async function readLayerBytes(
  scan: OuterScan,
  env: CoreEnv,
  layer: LayerRef,
  index: LayerTable,
  start: number,
  length: number,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const want = Math.max(0, Math.min(length, MAX_READ, index.size - start));
  if (!layer.blobPath) throw ArchiveError.of('missing-blob', 'layer-not-included');
  if (want === 0) return new Uint8Array(0);
  if (index.compression === 'none') {
    const direct = scan.readAt(layer.blobPath, start, want);
    if (direct) return direct;
  }
  const decode = async (gunzip: CoreEnv['gunzip']): Promise<Uint8Array> => {
    const blob = scan.openBlob(layer.blobPath!, signal);
    if (!blob) {
      throw scan.unreadableBecause === undefined
        ? ArchiveError.of('unsupported-format', 'contents-compressed')
        : ArchiveError.of('unsupported-format', 'contents-not-kept', { reason: scan.unreadableBecause });
    }
    const decoded = decoderFor(index.compression, env, gunzip)(blob);
    const out = new Uint8Array(want);
    let pos = 0;
    let filled = 0;
    for await (const chunk of decoded) {
      const end = pos + chunk.length;
      if (end > start) {
        const from = Math.max(0, start - pos);
        const take = Math.min(chunk.length - from, want - filled);
        out.set(chunk.subarray(from, from + take), filled);
        filled += take;
        if (filled >= want) break;
      }
      pos = end;
    }
    return out.subarray(0, filled);
  };
  return withGzipFallback(env, decode);
}

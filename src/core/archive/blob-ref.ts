/** Shared pieces of the archive readers: path cleaning, JSON reading, config loading. */
import type { OuterScan } from './outer-scan';
import { ArchiveError } from './archive-error';
import { parseConfig, parseJson, type ParsedConfig } from '../image/config';
import { normalizeTarPath } from '../model/path';

/** Metadata blobs (manifests, configs, indexes) are small; anything bigger is hostile. */
export const MAX_METADATA = 32 * 1024 * 1024;

/** "./blobs//sha256/x" → "blobs/sha256/x"; undefined for names that try to leave the archive. */
export function cleanArchivePath(name: string): string | undefined {
  const { path, escaped } = normalizeTarPath(name);
  return escaped ? undefined : path.slice(1);
}

export function blobPathOf(digest: string): string | undefined {
  const m = /^([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/.exec(digest);
  return m ? `blobs/${m[1]}/${m[2]}` : undefined;
}

export async function readJson(scan: OuterScan, path: string, what: string): Promise<unknown> {
  return parseJson(await scan.readSmall(path, MAX_METADATA), what);
}

export interface LoadedConfig extends ParsedConfig {
  readonly id: string;
  readonly path: string;
  readonly size: number;
}

export async function loadConfig(
  scan: OuterScan,
  path: string,
  sha256: (bytes: Uint8Array) => Promise<string>,
): Promise<LoadedConfig> {
  const entry = scan.resolve(path);
  if (!entry) throw ArchiveError.of('missing-blob', 'config-missing', { path });
  const bytes = await scan.readSmall(path, MAX_METADATA);
  const parsed = parseConfig(parseJson(bytes, `image config ${path}`), path);
  // The image ID is the digest of the config bytes, whatever the file is called
  // (docs/archive-formats.md#identities).
  return { ...parsed, id: `sha256:${await sha256(bytes)}`, path: entry.path, size: bytes.length };
}

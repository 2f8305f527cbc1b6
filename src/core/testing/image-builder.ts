/**
 * In-memory docker-archives for synthetic edge cases: a manifest.json, a config whose diff_ids
 * match the layers, and the layers as `l<n>/layer.tar`. Hashing is passed in (the core has no
 * node:crypto).
 */
import { buildTar } from './tar-builder';

export function buildDockerArchive(
  layers: readonly Uint8Array[],
  sha256Hex: (bytes: Uint8Array) => string,
  config: Record<string, unknown> = {},
): Uint8Array {
  const fullConfig = {
    architecture: 'amd64',
    os: 'linux',
    ...config,
    rootfs: { type: 'layers', diff_ids: layers.map((l) => `sha256:${sha256Hex(l)}`) },
    history: layers.map((_, i) => ({ created_by: `step ${i}` })),
  };
  const manifest = [
    {
      Config: 'config.json',
      RepoTags: ['localhost/test:1'],
      Layers: layers.map((_, i) => `l${i}/layer.tar`),
    },
  ];
  return buildTar([
    { name: 'manifest.json', data: JSON.stringify(manifest) },
    { name: 'config.json', data: JSON.stringify(fullConfig) },
    ...layers.map((l, i) => ({ name: `l${i}/layer.tar`, data: l })),
  ]);
}

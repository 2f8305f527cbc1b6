/**
 * docker-archive: a manifest.json array of { Config, RepoTags, Layers, LayerSources? } (Docker ≤ 24,
 * podman/skopeo, go-containerregistry/kaniko, and the compatibility half of Docker ≥ 25 saves).
 * Layers[i] is rootfs.diff_ids[i]: position is the only link (docs/archive-formats.md#docker-archive).
 */
import type { ImageRecord, LayerRef } from '../image/model';
import type { OuterScan } from './outer-scan';
import { ArchiveError, renderSentence, type Sentence } from './archive-error';
import { cleanArchivePath, loadConfig, readJson } from './blob-ref';
import { isRecord, mapHistory } from '../image/config';
import { absentBecause } from './error-sentences';

export interface DockerManifestItem {
  readonly configPath: string;
  readonly repoTags: readonly string[];
  readonly layerPaths: readonly (string | undefined)[];
  readonly layerSources: Readonly<Record<string, Record<string, unknown>>>;
}

export async function readDockerManifest(scan: OuterScan): Promise<DockerManifestItem[]> {
  const json = await readJson(scan, 'manifest.json', 'manifest.json');
  if (!Array.isArray(json)) throw ArchiveError.of('bad-metadata', 'manifest-not-list');
  return json.map((item: unknown, i) => {
    if (!isRecord(item) || typeof item.Config !== 'string') {
      throw ArchiveError.of('bad-metadata', 'manifest-no-config', { item: i + 1 });
    }
    const configPath = cleanArchivePath(item.Config);
    if (configPath === undefined) {
      throw ArchiveError.of('bad-metadata', 'manifest-outside', { item: i + 1, path: item.Config });
    }
    const layers = Array.isArray(item.Layers) ? item.Layers : [];
    return {
      configPath,
      repoTags: Array.isArray(item.RepoTags)
        ? item.RepoTags.filter((t): t is string => typeof t === 'string')
        : [],
      layerPaths: layers.map((l: unknown) => (typeof l === 'string' ? cleanArchivePath(l) : undefined)),
      layerSources: isRecord(item.LayerSources)
        ? (item.LayerSources as Record<string, Record<string, unknown>>)
        : {},
    };
  });
}

export async function readDockerImages(
  scan: OuterScan,
  items: readonly DockerManifestItem[],
  sha256: (bytes: Uint8Array) => Promise<string>,
): Promise<ImageRecord[]> {
  const images: ImageRecord[] = [];
  for (const item of items) {
    const cfg = await loadConfig(scan, item.configPath, sha256);
    const named: Sentence[] = [];
    const count = Math.max(cfg.diffIds.length, item.layerPaths.length);
    if (cfg.diffIds.length !== item.layerPaths.length) {
      named.push({
        name: 'image-layer-count',
        params: { config: cfg.diffIds.length, manifest: item.layerPaths.length },
      });
    }
    const layers: LayerRef[] = [];
    for (let i = 0; i < count; i++) {
      const diffId = cfg.diffIds[i] ?? null;
      const raw = item.layerPaths[i];
      const entry = raw === undefined ? undefined : scan.resolve(raw);
      const source = diffId ? item.layerSources[diffId] : undefined;
      const digestFromPath = raw ? /^blobs\/sha256\/([0-9a-f]{64})$/.exec(entry?.path ?? raw) : null;
      layers.push({
        index: i,
        diffId,
        digest:
          typeof source?.digest === 'string'
            ? source.digest
            : digestFromPath
              ? `sha256:${digestFromPath[1]}`
              : null,
        mediaType: typeof source?.mediaType === 'string' ? source.mediaType : null,
        declaredSize: typeof source?.size === 'number' ? source.size : null,
        blobPath: entry?.kind === 'file' ? entry.path : null,
        annotations: {},
        ...(entry?.kind === 'file'
          ? { absentReason: null }
          : raw === undefined
            ? absentBecause('absent-outside')
            : absentBecause('absent-no-file', { path: raw })),
      });
    }
    const history = mapHistory(cfg.history, count);
    images.push({
      key: cfg.id,
      id: cfg.id,
      rawNames: item.repoTags,
      platform: cfg.platform,
      created: cfg.created,
      author: cfg.author,
      config: cfg.config,
      configPath: cfg.path,
      configSize: cfg.size,
      manifestDigest: null,
      history: history.rows,
      layers,
      warnings: [...named.map((s) => renderSentence(s.name, s.params)), ...history.warnings],
      warningSentences: [...named, ...history.warningSentences],
    });
  }
  return images;
}

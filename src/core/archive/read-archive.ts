/**
 * Which kind of archive this is (docs/archive-formats.md#telling-the-layouts-apart) and the images it holds.
 * An OCI layout wins when present; a Docker ≥ 25 save has both, and its manifest.json fills what index.json
 * lacks (untagged images before 25.0.3, RepoTags, foreign layers whose descriptor names an absent blob).
 */
import type { ArchiveFormat, ArchiveInfo, ImageRecord, LayerRef } from '../image/model';
import type { OuterScan } from './outer-scan';
import { ArchiveError } from './archive-error';
import { readDockerImages, readDockerManifest, type DockerManifestItem } from './docker-archive';
import { readOciLayout } from './oci-layout';

export async function readArchive(
  scan: OuterScan,
  sha256: (bytes: Uint8Array) => Promise<string>,
): Promise<ArchiveInfo> {
  const has = (p: string) => scan.resolve(p) !== undefined;
  if (has('oci-layout') || has('index.json')) {
    if (!has('index.json'))
      throw scan.truncatedAt === undefined
        ? ArchiveError.of('bad-metadata', 'oci-no-index')
        : ArchiveError.of('bad-metadata', 'oci-no-index-truncated', { at: scan.truncatedAt });
    const oci = await readOciLayout(scan, sha256);
    let images = oci.images;
    let format: ArchiveFormat = 'oci-layout';
    if (has('manifest.json')) {
      format = 'docker-oci';
      const items = await readDockerManifest(scan);
      images = await mergeDockerManifest(scan, images, items, sha256);
    }
    return {
      format,
      formatLabel:
        format === 'docker-oci' ? 'Docker ≥ 25 save (OCI layout with manifest.json)' : 'OCI image layout',
      images,
      notIncluded: oci.notIncluded,
      artifacts: oci.artifacts,
      warnings: oci.warnings,
      warningSentences: oci.warningSentences,
    };
  }
  if (has('manifest.json')) {
    const items = await readDockerManifest(scan);
    const images = await readDockerImages(scan, items, sha256);
    const format = detectDockerFlavour(items);
    return {
      format,
      formatLabel: DOCKER_LABELS[format],
      images,
      notIncluded: [],
      artifacts: [],
      warnings: [],
    };
  }
  if (has('repositories')) {
    throw ArchiveError.of('unsupported-format', 'docker-v1');
  }
  if (scan.truncatedAt !== undefined) {
    throw ArchiveError.of('truncated', 'truncated-before-manifest', { at: scan.truncatedAt });
  }
  throw ArchiveError.of('not-an-image', 'not-an-image');
}

const DOCKER_LABELS: Record<ArchiveFormat, string> = {
  'docker-archive': 'docker-archive (docker save)',
  'podman-docker-archive': 'docker-archive (podman / skopeo)',
  'go-containerregistry': 'docker-archive (go-containerregistry / kaniko)',
  'docker-oci': 'Docker ≥ 25 save',
  'oci-layout': 'OCI image layout',
};

function detectDockerFlavour(items: readonly DockerManifestItem[]): ArchiveFormat {
  const first = items[0];
  if (first?.configPath.startsWith('sha256:')) return 'go-containerregistry';
  // podman/skopeo write top-level <diffid>.tar and point Layers at them.
  if (first?.layerPaths.some((p) => p !== undefined && /^[0-9a-f]{64}\.tar$/.test(p)))
    return 'podman-docker-archive';
  return 'docker-archive';
}

async function mergeDockerManifest(
  scan: OuterScan,
  ociImages: ImageRecord[],
  items: readonly DockerManifestItem[],
  sha256: (bytes: Uint8Array) => Promise<string>,
): Promise<ImageRecord[]> {
  const docker = await readDockerImages(scan, items, sha256);
  const merged = ociImages.map((image) => {
    const twin = docker.find((d) => d.id === image.id);
    if (!twin) return image;
    const layers = image.layers.map((layer, i): LayerRef => {
      const fallback = twin.layers[i];
      return layer.blobPath === null && fallback?.blobPath
        ? { ...layer, blobPath: fallback.blobPath, absentReason: null, absentSentence: undefined }
        : layer;
    });
    return { ...image, rawNames: [...new Set([...image.rawNames, ...twin.rawNames])], layers };
  });
  for (const d of docker) {
    if (!merged.some((m) => m.id === d.id)) merged.push(d);
  }
  return merged;
}

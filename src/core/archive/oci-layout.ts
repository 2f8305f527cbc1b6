/**
 * OCI image layout (image-layout.md): index.json → descriptors → manifest or nested index (recursive) →
 * config + layers. Blobs may be absent (the containerd store saves one platform of a multi-platform index:
 * "not included", never an error: docs/archive-formats.md#docker-containerd-image-store). Attestation
 * manifests are hidden; manifests whose config is not an image config are artifacts, listed but not unpacked.
 */
import type { Artifact, ImageRecord, LayerRef, NotIncluded, Platform } from '../image/model';
import type { OuterScan } from './outer-scan';
import { ArchiveError, renderSentence, type Sentence } from './archive-error';
import { blobPathOf, loadConfig, readJson } from './blob-ref';
import { isRecord, mapHistory } from '../image/config';
import { absentBecause } from './error-sentences';

interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number | null;
  readonly annotations: Record<string, string>;
  readonly platform: Platform | null;
  readonly artifactType: string;
  readonly urls: readonly string[];
}

export interface OciResult {
  readonly images: ImageRecord[];
  readonly notIncluded: NotIncluded[];
  readonly artifacts: Artifact[];
  readonly warnings: string[];
  readonly warningSentences: Sentence[];
}

const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);
const IMAGE_CONFIG_TYPES = new Set([
  'application/vnd.oci.image.config.v1+json',
  'application/vnd.docker.container.image.v1+json',
  '',
]);
const MAX_DEPTH = 8;

function toDescriptor(value: unknown): Descriptor | undefined {
  if (!isRecord(value) || typeof value.digest !== 'string') return undefined;
  const annotations: Record<string, string> = {};
  if (isRecord(value.annotations))
    for (const [k, v] of Object.entries(value.annotations)) if (typeof v === 'string') annotations[k] = v;
  const p = value.platform;
  return {
    mediaType: typeof value.mediaType === 'string' ? value.mediaType : '',
    digest: value.digest,
    size: typeof value.size === 'number' ? value.size : null,
    annotations,
    platform: isRecord(p)
      ? {
          os: typeof p.os === 'string' ? p.os : '',
          architecture: typeof p.architecture === 'string' ? p.architecture : '',
          variant: typeof p.variant === 'string' ? p.variant : '',
          osVersion: typeof p['os.version'] === 'string' ? p['os.version'] : '',
        }
      : null,
    artifactType: typeof value.artifactType === 'string' ? value.artifactType : '',
    urls: Array.isArray(value.urls) ? value.urls.filter((u): u is string => typeof u === 'string') : [],
  };
}

/**
 * The names a descriptor carries (docs/archive-formats.md#names-strata-shows): containerd's full name first.
 */
export function descriptorNames(annotations: Record<string, string>): string[] {
  const names: string[] = [];
  const full = annotations['io.containerd.image.name'];
  if (full) names.push(full);
  const ref = annotations['org.opencontainers.image.ref.name'];
  if (ref && !full) names.push(ref);
  return names;
}

function isAttestation(d: Descriptor): boolean {
  return (
    d.annotations['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (d.platform?.os === 'unknown' && d.platform.architecture === 'unknown')
  );
}

export async function readOciLayout(
  scan: OuterScan,
  sha256: (bytes: Uint8Array) => Promise<string>,
): Promise<OciResult> {
  const index = await readJson(scan, 'index.json', 'index.json');
  if (!isRecord(index) || !Array.isArray(index.manifests))
    throw new ArchiveError('bad-metadata', 'index.json has no list of manifests.');
  const out: OciResult = { images: [], notIncluded: [], artifacts: [], warnings: [], warningSentences: [] };
  const byKey = new Map<string, ImageRecord>();

  async function visit(
    d: Descriptor,
    names: string[],
    depth: number,
    inherited: Platform | null,
  ): Promise<void> {
    if (depth > MAX_DEPTH) {
      out.warnings.push(renderSentence('index-too-deep', {}));
      out.warningSentences.push({ name: 'index-too-deep', params: {} });
      return;
    }
    const path = blobPathOf(d.digest);
    const platform = d.platform ?? inherited;
    if (!path || !scan.resolve(path)) {
      if (isAttestation(d)) return;
      out.notIncluded.push({
        names,
        platform: platform ?? { os: '', architecture: '', variant: '', osVersion: '' },
        digest: d.digest,
      });
      return;
    }
    const json = await readJson(scan, path, `manifest ${d.digest}`);
    if (!isRecord(json))
      throw new ArchiveError('bad-metadata', `The manifest ${d.digest} is not a JSON object.`);
    if (INDEX_TYPES.has(d.mediaType) || Array.isArray(json.manifests)) {
      if (json.manifests !== undefined && !Array.isArray(json.manifests))
        throw new ArchiveError('bad-metadata', `The index ${d.digest} has no list of manifests.`);
      for (const child of (json.manifests as unknown[] | undefined) ?? []) {
        const cd = toDescriptor(child);
        if (cd)
          await visit(cd, [...names, ...descriptorNames(cd.annotations)], depth + 1, cd.platform ?? platform);
      }
      return;
    }
    if (isAttestation(d)) return;
    const configDesc = toDescriptor(json.config);
    if (!configDesc) throw new ArchiveError('bad-metadata', `The manifest ${d.digest} has no config.`);
    if (!IMAGE_CONFIG_TYPES.has(configDesc.mediaType)) {
      out.artifacts.push({
        names,
        digest: d.digest,
        artifactType:
          d.artifactType ||
          (typeof json.artifactType === 'string' ? json.artifactType : '') ||
          configDesc.mediaType,
      });
      return;
    }
    const configPath = blobPathOf(configDesc.digest);
    if (!configPath || !scan.resolve(configPath)) {
      out.notIncluded.push({
        names,
        platform: platform ?? { os: '', architecture: '', variant: '', osVersion: '' },
        digest: d.digest,
      });
      return;
    }
    const cfg = await loadConfig(scan, configPath, sha256);
    const descriptors = (Array.isArray(json.layers) ? json.layers : []).map(toDescriptor);
    const layers = orderLayers(descriptors, cfg.diffIds).map((ld, i): LayerRef => {
      const blob = ld ? blobPathOf(ld.digest) : undefined;
      const entry = blob ? scan.resolve(blob) : undefined;
      const foreign = ld
        ? ld.mediaType.includes('foreign') || ld.mediaType.includes('nondistributable')
        : false;
      return {
        index: i,
        diffId: cfg.diffIds[i] ?? null,
        digest: ld?.digest ?? null,
        mediaType: ld?.mediaType ?? null,
        declaredSize: ld?.size ?? null,
        blobPath: entry?.kind === 'file' ? entry.path : null,
        annotations: ld?.annotations ?? {},
        ...(entry?.kind === 'file'
          ? { absentReason: null }
          : absentBecause(foreign ? 'absent-foreign' : 'absent-blob')),
      };
    });
    const history = mapHistory(cfg.history, layers.length);
    const named: Sentence[] =
      cfg.diffIds.length === layers.length
        ? []
        : [
            {
              name: 'image-layer-count-oci',
              params: { config: cfg.diffIds.length, manifest: layers.length },
            },
          ];
    const finalPlatform =
      platform?.os || platform?.architecture ? { ...cfg.platform, ...nonEmpty(platform) } : cfg.platform;
    const key = `${cfg.id}@${finalPlatform.os}/${finalPlatform.architecture}${finalPlatform.variant ? '/' + finalPlatform.variant : ''}`;
    const existing = byKey.get(key);
    if (existing) {
      // Docker ≥ 25 writes one index.json descriptor per tag: dedupe by manifest, merge the names.
      byKey.set(key, { ...existing, rawNames: [...new Set([...existing.rawNames, ...names])] });
      return;
    }
    byKey.set(key, {
      key,
      id: cfg.id,
      rawNames: names,
      platform: finalPlatform,
      created: cfg.created,
      author: cfg.author,
      config: cfg.config,
      configPath: cfg.path,
      configSize: cfg.size,
      manifestDigest: d.digest,
      history: history.rows,
      layers,
      warnings: [...named.map((s) => renderSentence(s.name, s.params)), ...history.warnings],
      warningSentences: [...named, ...history.warningSentences],
    });
  }

  for (const raw of index.manifests as unknown[]) {
    const d = toDescriptor(raw);
    if (d) await visit(d, descriptorNames(d.annotations), 0, d.platform);
  }
  out.images.push(...byKey.values());
  return out;
}

function nonEmpty(p: Platform): Partial<Platform> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== ''));
}

/**
 * Docker 25.0.0 wrote the OCI manifest's layers in Go map order
 * (docs/archive-formats.md#docker-25-and-later). When every layer is uncompressed its digest is its diff_id,
 * so the config's diff_ids give the true order.
 */
function orderLayers(
  descriptors: readonly (Descriptor | undefined)[],
  diffIds: readonly string[],
): (Descriptor | undefined)[] {
  const byDigest = new Map(
    descriptors.filter((d): d is Descriptor => d !== undefined).map((d) => [d.digest, d]),
  );
  if (diffIds.length === descriptors.length && diffIds.every((id) => byDigest.has(id))) {
    return diffIds.map((id) => byDigest.get(id));
  }
  return [...descriptors];
}

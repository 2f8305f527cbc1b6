/**
 * OCI-layout traps no tool here writes on demand (docs/archive-formats.md#traps), built in memory:
 * Docker 25.0.0's shuffled manifest layers, an untagged image only in manifest.json, a nested
 * index with an attestation manifest, an artifact, a foreign layer, `./` names, and a manifest
 * without mediaType.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeEnv } from '../../cli/node-env';
import { ArchiveSession } from '../session/archive-session';
import { memorySource } from '../io/byte-source';
import { buildTar, type BuildEntry } from '../testing/tar-builder';

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const enc = (s: string) => new TextEncoder().encode(s);

class Layout {
  readonly entries: BuildEntry[] = [
    { name: './', type: '5' },
    { name: './oci-layout', data: '{"imageLayoutVersion": "1.0.0"}' },
  ];
  blob(bytes: Uint8Array | string): { digest: string; size: number } {
    const data = typeof bytes === 'string' ? enc(bytes) : bytes;
    const hex = sha(data);
    this.entries.push({ name: `./blobs/sha256/${hex}`, data });
    return { digest: `sha256:${hex}`, size: data.length };
  }
  json(value: unknown): { digest: string; size: number } {
    return this.blob(JSON.stringify(value));
  }
  tar(index: unknown, manifestJson?: unknown): Uint8Array {
    const extra: BuildEntry[] = manifestJson
      ? [{ name: './manifest.json', data: JSON.stringify(manifestJson) }]
      : [];
    return buildTar([...this.entries, { name: './index.json', data: JSON.stringify(index) }, ...extra]);
  }
}

const layer = (name: string) => buildTar([{ name, data: name }]);

function image(l: Layout, layers: Uint8Array[], created = 'x') {
  const blobs = layers.map((b) => l.blob(b));
  const config = l.json({
    architecture: 'amd64',
    os: 'linux',
    created,
    rootfs: { type: 'layers', diff_ids: blobs.map((b) => b.digest) },
    history: layers.map((_, i) => ({ created_by: `step ${i}` })),
  });
  return { blobs, config };
}

async function open(bytes: Uint8Array) {
  const session = await ArchiveSession.open(memorySource(bytes), nodeEnv);
  return session;
}

describe('OCI layout traps', () => {
  it('orders layers by the config diff_ids when the manifest shuffled them (Docker 25.0.0)', async () => {
    const l = new Layout();
    const { blobs, config } = image(l, [layer('a'), layer('b'), layer('c')]);
    const shuffled = [blobs[2]!, blobs[0]!, blobs[1]!].map((b) => ({
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      ...b,
    }));
    const manifest = l.json({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: shuffled,
    });
    const session = await open(
      l.tar({
        schemaVersion: 2,
        manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest }],
      }),
    );
    const img = session.info.images[0]!;
    expect(img.layers.map((x) => x.digest)).toEqual(blobs.map((b) => b.digest));
    await session.indexImage(img);
    expect(img.layers.map((x) => session.status(x).verified)).toEqual([true, true, true]);
  });

  it('finds an untagged image that only manifest.json describes (Docker ≤ 25.0.2)', async () => {
    const l = new Layout();
    const tagged = image(l, [layer('a')], 'tagged');
    const untagged = image(l, [layer('u')], 'untagged');
    const manifest = l.json({
      schemaVersion: 2,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...tagged.config },
      layers: tagged.blobs,
    });
    const index = {
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          ...manifest,
          annotations: {
            'io.containerd.image.name': 'docker.io/library/app:1',
            'org.opencontainers.image.ref.name': '1',
          },
        },
      ],
    };
    const manifestJson = [
      {
        Config: `blobs/sha256/${tagged.config.digest.slice(7)}`,
        RepoTags: ['app:1'],
        Layers: tagged.blobs.map((b) => `blobs/sha256/${b.digest.slice(7)}`),
      },
      {
        Config: `blobs/sha256/${untagged.config.digest.slice(7)}`,
        RepoTags: null,
        Layers: untagged.blobs.map((b) => `blobs/sha256/${b.digest.slice(7)}`),
      },
    ];
    const session = await open(l.tar(index, manifestJson));
    expect(session.info.format).toBe('docker-oci');
    expect(session.info.images.map((i) => i.rawNames)).toEqual([['docker.io/library/app:1', 'app:1'], []]);
  });

  it('walks a nested index, hides the attestation, lists an artifact and a platform that is not included', async () => {
    const l = new Layout();
    const amd = image(l, [layer('a')]);
    const amdManifest = l.json({
      schemaVersion: 2,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...amd.config },
      layers: amd.blobs,
    });
    const attestation = l.json({
      schemaVersion: 2,
      config: { mediaType: 'application/vnd.docker.attestation.config.v1+json', ...l.json({}) },
      layers: [],
    });
    const artifact = l.json({
      schemaVersion: 2,
      artifactType: 'application/vnd.example.sbom',
      config: { mediaType: 'application/vnd.oci.empty.v1+json', ...l.json({}) },
      layers: [],
    });
    const inner = l.json({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        // No mediaType on purpose (podman writes none on per-platform manifests).
        { ...amdManifest, platform: { os: 'linux', architecture: 'amd64' } },
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: `sha256:${'e'.repeat(64)}`,
          size: 1,
          platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
        },
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          ...attestation,
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
        },
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', ...artifact },
      ],
    });
    const session = await open(
      l.tar({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.index.v1+json',
            ...inner,
            annotations: { 'org.opencontainers.image.ref.name': 'localhost/multi:1' },
          },
        ],
      }),
    );
    expect(session.info.images.map((i) => `${i.platform.os}/${i.platform.architecture}`)).toEqual([
      'linux/amd64',
    ]);
    expect(session.info.images[0]!.rawNames).toEqual(['localhost/multi:1']);
    expect(session.info.notIncluded.map((n) => `${n.platform.architecture}/${n.platform.variant}`)).toEqual([
      'arm64/v8',
    ]);
    expect(session.info.artifacts.map((a) => a.artifactType)).toEqual(['application/vnd.example.sbom']);
  });

  it('marks a foreign layer whose blob is absent as not included, and the rest readable', async () => {
    const l = new Layout();
    const base = layer('windows');
    const top = layer('app');
    const topBlob = l.blob(top);
    const config = l.json({
      architecture: 'amd64',
      os: 'windows',
      rootfs: { type: 'layers', diff_ids: [`sha256:${sha(base)}`, topBlob.digest] },
    });
    const manifest = l.json({
      schemaVersion: 2,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: [
        {
          mediaType: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
          digest: `sha256:${'f'.repeat(64)}`,
          size: 100,
          urls: ['https://example.invalid/base'],
        },
        { mediaType: 'application/vnd.oci.image.layer.v1.tar', ...topBlob },
      ],
    });
    const session = await open(
      l.tar({
        schemaVersion: 2,
        manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest }],
      }),
    );
    const img = session.info.images[0]!;
    await session.indexImage(img);
    expect(img.layers.map((x) => `${session.status(x).state}: ${session.status(x).error ?? ''}`)).toEqual([
      'absent: foreign layer (not included)',
      'done: ',
    ]);
  });
});

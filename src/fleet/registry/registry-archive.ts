/**
 * An image in a registry, opened as the core opens any archive: its manifest (the index resolved to one
 * platform), config and layer blobs are written, streamed and digest-checked, into a temporary OCI
 * archive that an ArchiveSession reads. Layers the index already holds are not downloaded: their blobs
 * are written empty, and the indexer never reads a layer it finds stored.
 */
import { open, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveSession } from '../../core';
import { nodeEnv, openFileSource } from '../../cli/node-env';
import { MANIFEST_TYPES, RegistryClient, verifiedStream } from './registry-client';
import { parseRegistryReference, referenceName } from './reference';
import { TarWriter } from './tar-writer';

interface Descriptor {
  readonly mediaType?: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: { os?: string; architecture?: string; variant?: string };
}

const INDEX_TYPES = new Set([MANIFEST_TYPES[0], MANIFEST_TYPES[2]]);

function platformOf(d: Descriptor): string {
  const p = d.platform ?? {};
  return [p.os ?? 'unknown', p.architecture ?? 'unknown', p.variant].filter(Boolean).join('/');
}

/** The manifest for `platform` (default linux/amd64, else the only one) from an index's entries. */
export function pickManifest(
  manifests: readonly Descriptor[],
  platform: string | undefined,
  name: string,
): Descriptor {
  const images = manifests.filter((d) => platformOf(d) !== 'unknown/unknown');
  const want = platform ?? 'linux/amd64';
  const hit =
    images.find((d) => platformOf(d) === want) ??
    images.find((d) => platformOf(d).startsWith(`${want}/`)) ??
    (platform === undefined && images.length === 1 ? images[0] : undefined);
  if (hit === undefined)
    throw new Error(
      `${name} has no image for ${want}; it has ${images.map(platformOf).join(', ') || 'none'} (choose with --platform).`,
    );
  return hit;
}

function parseJson(bytes: Uint8Array, what: string): Record<string, unknown> {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    throw new Error(`The ${what} is not JSON.`);
  }
}

const hex = (digest: string) => digest.slice('sha256:'.length);

export interface RegistryArchiveOptions {
  readonly platform: string | undefined;
  /** Whether the index already holds a layer (then its blob is not downloaded). */
  readonly isStored: (diffId: string) => Promise<boolean>;
}

export async function openRegistryArchive(
  text: string,
  options: RegistryArchiveOptions,
): Promise<{ session: ArchiveSession; close(): Promise<void> }> {
  const ref = parseRegistryReference(text);
  const name = referenceName(ref);
  const client = new RegistryClient(ref);
  let manifest = await client.manifest(ref.digest ?? ref.tag ?? 'latest');
  if (INDEX_TYPES.has(manifest.mediaType)) {
    const index = parseJson(manifest.bytes, 'image index');
    const chosen = pickManifest(
      (index['manifests'] as Descriptor[] | undefined) ?? [],
      options.platform,
      name,
    );
    manifest = await client.manifest(chosen.digest);
  }
  const body = parseJson(manifest.bytes, 'image manifest');
  const config = body['config'] as Descriptor | undefined;
  const layers = (body['layers'] as Descriptor[] | undefined) ?? [];
  if (config === undefined) throw new Error(`${name}: the manifest names no config.`);
  const configBytes: Uint8Array[] = [];
  for await (const c of verifiedStream(await client.blob(config.digest), config.digest, config.size))
    configBytes.push(c);
  const configJson = parseJson(Buffer.concat(configBytes), 'image config');
  const diffIds = (configJson['rootfs'] as { diff_ids?: string[] } | undefined)?.diff_ids ?? [];

  const dir = await mkdtemp(join(tmpdir(), 'strata-registry-'));
  const path = join(dir, 'image.tar');
  try {
    const handle = await open(path, 'w');
    try {
      const tar = new TarWriter(handle);
      await tar.file('oci-layout', new TextEncoder().encode('{"imageLayoutVersion":"1.0.0"}'));
      const indexJson = {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: manifest.mediaType,
            digest: manifest.digest,
            size: manifest.bytes.length,
            annotations: { 'io.containerd.image.name': name },
          },
        ],
      };
      await tar.file('index.json', new TextEncoder().encode(JSON.stringify(indexJson)));
      await tar.file(`blobs/sha256/${hex(manifest.digest)}`, manifest.bytes);
      await tar.file(`blobs/sha256/${hex(config.digest)}`, Buffer.concat(configBytes));
      const written = new Set<string>();
      for (const [i, layer] of layers.entries()) {
        if (written.has(layer.digest)) continue;
        written.add(layer.digest);
        const diffId = diffIds[i];
        const blobName = `blobs/sha256/${hex(layer.digest)}`;
        if (diffId !== undefined && (await options.isStored(diffId)))
          await tar.file(blobName, new Uint8Array(0));
        else
          await tar.stream(
            blobName,
            layer.size,
            verifiedStream(await client.blob(layer.digest), layer.digest, layer.size),
          );
      }
      await tar.end();
    } finally {
      await handle.close();
    }
    const file = await openFileSource(path);
    const session = await ArchiveSession.open(file, nodeEnv);
    return {
      session,
      async close() {
        await file.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

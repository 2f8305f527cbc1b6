/**
 * The image around the layers, in the two shapes the benchmark reads: an OCI layout tar with gzip
 * layers (podman `oci-archive`, skopeo, BuildKit) and a docker-archive with plain layers (podman
 * `docker-archive`: top-level `<diffid>.tar`, `<config>.json`, manifest.json last). The same config
 * serves both, so both archives hold the same image and the same diff_ids.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltLayer } from './build-layer';

export interface StagedLayer extends BuiltLayer {
  readonly gzipFile: string;
  readonly plainFile: string | undefined;
  readonly createdBy: string;
  readonly entries: number;
}

export interface WrittenArchive {
  readonly path: string;
  readonly size: number;
  /** The outer-tar member name of each layer blob, bottom to top. */
  readonly blobs: readonly string[];
}

const hex = (digest: string) => digest.replace(/^sha256:/, '');
const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

export function imageConfig(layers: readonly StagedLayer[]): string {
  const created = '2026-01-01T00:00:00Z';
  return JSON.stringify({
    created,
    architecture: 'amd64',
    os: 'linux',
    config: { Env: ['PATH=/usr/local/bin:/usr/bin:/bin'], Cmd: ['/bin/sh'] },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    history: layers.map((l) => ({ created, created_by: l.createdBy })),
  });
}

/** Assemble the outer tar from a staging folder with GNU tar, in the member order given. */
function tarFolder(folder: string, members: readonly string[], out: string): void {
  const list = join(folder, '..', `${out.split('/').pop() ?? 'archive'}.members`);
  writeFileSync(list, members.join('\0') + '\0');
  execFileSync('tar', [
    '--create',
    `--file=${out}`,
    `--directory=${folder}`,
    '--no-recursion',
    '--null',
    `--files-from=${list}`,
    '--owner=0',
    '--group=0',
    '--numeric-owner',
    '--mtime=@1767225600',
  ]);
  rmSync(list);
}

export function writeOciArchive(
  work: string,
  layers: readonly StagedLayer[],
  config: string,
  tag: string,
  out: string,
): WrittenArchive {
  const folder = join(work, 'oci');
  mkdirSync(join(folder, 'blobs', 'sha256'), { recursive: true });
  const blobs = layers.map((l) => `blobs/sha256/${hex(l.gzipDigest)}`);
  layers.forEach((l, i) => renameSync(l.gzipFile, join(folder, blobs[i]!)));
  const configDigest = sha256(config);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: configDigest,
      size: Buffer.byteLength(config),
    },
    layers: layers.map((l) => ({
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      digest: l.gzipDigest,
      size: l.gzipSize,
    })),
  });
  const manifestDigest = sha256(manifest);
  const index = JSON.stringify({
    schemaVersion: 2,
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: manifestDigest,
        size: Buffer.byteLength(manifest),
        annotations: { 'org.opencontainers.image.ref.name': tag },
      },
    ],
  });
  writeFileSync(join(folder, 'blobs', 'sha256', hex(configDigest)), config);
  writeFileSync(join(folder, 'blobs', 'sha256', hex(manifestDigest)), manifest);
  writeFileSync(join(folder, 'index.json'), index);
  writeFileSync(join(folder, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const members = [
    'oci-layout',
    ...blobs,
    `blobs/sha256/${hex(configDigest)}`,
    `blobs/sha256/${hex(manifestDigest)}`,
    'index.json',
  ];
  tarFolder(folder, members, out);
  rmSync(folder, { recursive: true, force: true });
  return { path: out, size: statSync(out).size, blobs };
}

export function writeDockerArchive(
  work: string,
  layers: readonly StagedLayer[],
  config: string,
  tag: string,
  out: string,
): WrittenArchive {
  const folder = join(work, 'docker');
  mkdirSync(folder, { recursive: true });
  const blobs = layers.map((l) => `${hex(l.diffId)}.tar`);
  layers.forEach((l, i) => {
    if (l.plainFile === undefined) throw new Error('The plain layer tars were not kept.');
    renameSync(l.plainFile, join(folder, blobs[i]!));
  });
  const configName = `${hex(sha256(config))}.json`;
  writeFileSync(join(folder, configName), config);
  const manifest = [{ Config: configName, RepoTags: [`localhost/strata-bench:${tag}`], Layers: blobs }];
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
  // Distinct layers only: one tar per diff_id, as podman writes them.
  const members = [...new Set(blobs), configName, 'manifest.json'];
  tarFolder(folder, members, out);
  rmSync(folder, { recursive: true, force: true });
  return { path: out, size: statSync(out).size, blobs };
}

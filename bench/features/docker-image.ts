/**
 * A docker-archive around plain layer tars, through the shared bench writer (bench/archive/write-image.ts),
 * so the feature images have the same shape as podman's `docker-archive` output.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  imageConfig,
  writeDockerArchive,
  type StagedLayer,
  type WrittenArchive,
} from '../archive/write-image';

export interface PlainLayer {
  readonly file: string;
  readonly diffId: string;
  readonly size: number;
  readonly entries: number;
  readonly createdBy: string;
}

export const OUT = 'bench/out';

export function writePlainImage(layers: readonly PlainLayer[], tag: string, out: string): WrittenArchive {
  const staged: StagedLayer[] = layers.map((l) => ({
    diffId: l.diffId,
    plainSize: l.size,
    gzipDigest: l.diffId,
    gzipSize: l.size,
    gzipFile: '',
    plainFile: l.file,
    createdBy: l.createdBy,
    entries: l.entries,
  }));
  const work = join(OUT, `work-${tag}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    return writeDockerArchive(work, staged, imageConfig(staged), tag, out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The layer members of a docker-archive, bottom to top, from its manifest.json. */
export function layerBlobs(archive: string): string[] {
  const manifest = JSON.parse(
    execFileSync('tar', ['-xOf', archive, 'manifest.json'], { encoding: 'utf8' }),
  ) as {
    Layers: string[];
  }[];
  return manifest[0]?.Layers ?? [];
}

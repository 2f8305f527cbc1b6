/**
 * The fuzzer's worst cases for the page, written as docker-archives into a folder: a path nested 10,000
 * directories deep, a zstd bomb beside a sound layer, and a config of 20,000 Env entries and 20,000 labels.
 * e2e/hostile.spec.ts opens them in the page and bench/page-load-bench.ts (`--hostile`) times them.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDockerArchive } from '../src/core/testing/image-builder';
import { buildTar } from '../src/core/testing/tar-builder';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** A docker-archive of these layers (and config fields) written to dir/name; its path. */
export function writeArchive(
  dir: string,
  name: string,
  layers: Uint8Array[],
  config?: Record<string, unknown>,
): string {
  const path = join(dir, name);
  writeFileSync(path, buildDockerArchive(layers, sha, config));
  return path;
}

/** One layer: a file at `d/d/…/f` (a PAX path `depth` directories deep) and a file `top`. */
export function writeDeepPath(dir: string, depth = 10_000): string {
  const deep = `${Array.from({ length: depth }, () => 'd').join('/')}/f`;
  return writeArchive(dir, 'deep.tar', [
    buildTar([
      { name: 'x', data: 'deep', pax: { path: deep } },
      { name: 'top', data: 'top' },
    ]),
  ]);
}

/** One zstd frame of RLE blocks of zeros: 4 bytes of input per 128 KiB decoded. */
export function zstdZeros(blocks: number): Uint8Array {
  const out = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38];
  for (let i = 0; i < blocks; i++) {
    const header = ((128 * 1024) << 3) | (1 << 1) | (i === blocks - 1 ? 1 : 0);
    out.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, 0);
  }
  return Uint8Array.from(out);
}

/** L0 holds ok.txt; L1 is 2 GiB of zeros from 64 KiB, past the 5,000:1 limit once 1 GiB is decoded. */
export function writeZstdBomb(dir: string): string {
  return writeArchive(dir, 'bomb.tar', [buildTar([{ name: 'ok.txt', data: 'fine' }]), zstdZeros(16_384)]);
}

/** A config of `count` Env entries (`VAR_i=xxx…`) and `count` labels (`label.i`). */
export function writeWideConfig(dir: string, count = 20_000): string {
  const config = {
    config: {
      Env: Array.from({ length: count }, (_, i) => `VAR_${i}=${'x'.repeat(50)}`),
      Labels: Object.fromEntries(Array.from({ length: count }, (_, i) => [`label.${i}`, 'v'.repeat(40)])),
    },
  };
  return writeArchive(dir, 'wide-config.tar', [buildTar([{ name: 'a', data: 'a' }])], config);
}

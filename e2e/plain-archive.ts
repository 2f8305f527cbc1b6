/**
 * A plain docker-archive written on the spot: incompressible layers, each a tar of one file, with the
 * config's diff_ids right. Big layers make a load slow enough to watch and cancel.
 */
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0);
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write('00000000000\0', 136);
  h.write('0', 156);
  h.write('ustar\u000000', 257);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}

const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512);
const entry = (name: string, data: Buffer) => [header(name, data.length), data, pad(data.length)];

/**
 * Write `dir/name`: one layer per size in `layerBytes`, each one file of random bytes; the layers numbered
 * in `gzip` are stored gzipped, those in `wrongDiffIds` have a diff_id in the config that is not theirs.
 */
export function plainArchive(
  dir: string,
  name: string,
  layerBytes: readonly number[],
  options: { gzip?: readonly number[]; wrongDiffIds?: readonly number[] } = {},
): string {
  const tars = layerBytes.map((size) => {
    const payload = randomBytes(size);
    return Buffer.concat([...entry('blob', payload), Buffer.alloc(1024)]);
  });
  const diffIds = tars.map((tar, i) =>
    options.wrongDiffIds?.includes(i)
      ? `sha256:${'f'.repeat(64)}`
      : `sha256:${createHash('sha256').update(tar).digest('hex')}`,
  );
  const layers = tars.map((tar, i) => (options.gzip?.includes(i) ? gzipSync(tar, { level: 1 }) : tar));
  const config = JSON.stringify({
    os: 'linux',
    architecture: 'amd64',
    rootfs: { type: 'layers', diff_ids: diffIds },
  });
  const layerNames = layers.map((_, i) => `layer${i + 1}.tar`);
  const manifest = JSON.stringify([
    { Config: 'config.json', RepoTags: ['localhost/big:1'], Layers: layerNames },
  ]);
  const path = join(dir, name);
  writeFileSync(
    path,
    Buffer.concat([
      ...entry('manifest.json', Buffer.from(manifest)),
      ...entry('config.json', Buffer.from(config)),
      ...layers.flatMap((layer, i) => entry(layerNames[i]!, layer)),
      Buffer.alloc(1024),
    ]),
  );
  return path;
}

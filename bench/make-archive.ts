/**
 * Makes a multi-layer benchmark image from real host files, in two shapes: an OCI layout tar with
 * gzip layers and a docker-archive with the same layers uncompressed. `--size` is the size of the
 * OCI (gzip) archive; the docker-archive holds the same image, so it is as large as the
 * uncompressed layers. When the host tree runs out, it is walked again under another prefix
 * (opt/copy2/…), so big images still hold real, distinct content.
 *
 * Run: npx tsx bench/make-archive.ts [--size 300M|2G] [--layers 6] [--shape both|oci|docker]
 *      [--root /usr] [--out bench/out]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildLayer, type BuiltLayer } from './archive/build-layer';
import { dealChunks, takeLayer, walkTree } from './archive/walk-tree';
import { imageConfig, writeDockerArchive, writeOciArchive, type StagedLayer } from './archive/write-image';
import { metaPath, type ArchiveMeta, type BenchImageMeta } from './archive/archive-meta';
import { parseSize, readFlags } from './run/flags';

/** gzip -6 on /usr content lands near this; the running ratio replaces it after the first layer. */
const FIRST_GUESS_RATIO = 0.4;
const PARALLEL = 2;
const CHUNK_BYTES = 4e6;

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2), ['size', 'layers', 'shape', 'root', 'out']);
  const sizeText = flags.get('size') ?? '300M';
  const target = parseSize(sizeText);
  const layerCount = Number(flags.get('layers') ?? '6');
  const shape = flags.get('shape') ?? 'both';
  if (!['both', 'oci', 'docker'].includes(shape)) throw new Error('--shape is both, oci or docker.');
  const root = flags.get('root') ?? '/usr';
  const outDir = resolve(flags.get('out') ?? 'bench/out');
  const label = sizeText.toLowerCase();
  const work = join(outDir, `work-${label}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  const started = performance.now();
  const tree = walkTree(root);
  const chunks = dealChunks(tree, CHUNK_BYTES);
  console.log(`${root}: ${tree.length.toLocaleString('en')} entries walked`);
  const keepPlain = shape !== 'oci';
  // The docker-only shape sizes the plain archive; otherwise --size is the gzip archive's size.
  const storedOf = (l: BuiltLayer) => (shape === 'docker' ? l.plainSize : l.gzipSize);

  const layers: StagedLayer[] = [];
  const running = new Set<Promise<void>>();
  let cursor = 0;
  let round = 1;
  let planned = 0;
  const ratio = () => {
    if (shape === 'docker') return 1;
    const plain = layers.reduce((sum, l) => sum + l.plainSize, 0);
    return plain === 0 ? FIRST_GUESS_RATIO : layers.reduce((sum, l) => sum + l.gzipSize, 0) / plain;
  };
  for (let i = 0; i < layerCount; i++) {
    while (running.size >= PARALLEL) await Promise.race(running);
    const done = layers.reduce((sum, l) => sum + storedOf(l), 0);
    const inFlight = planned * ratio();
    // An equal share of the target per layer; the last one takes what is left.
    const share = i === layerCount - 1 ? target - done - inFlight : target / layerCount;
    const want = Math.max(1, share) / ratio();
    if (cursor >= chunks.length) {
      cursor = 0;
      round++;
    }
    const prefix = round === 1 ? '' : `opt/copy${round}/`;
    const slice = takeLayer(tree, chunks, cursor, want);
    cursor = slice.next;
    const createdBy = `COPY ${slice.paths.length.toLocaleString('en')} paths of ${prefix}${root.replace(/^\/+/, '')} /`;
    const position = i;
    planned += slice.bytes;
    const job = buildLayer({
      paths: slice.paths,
      prefix,
      listFile: join(work, `layer-${i}.list`),
      gzipFile: join(work, `layer-${i}.tar.gz`),
      plainFile: keepPlain ? join(work, `layer-${i}.tar`) : undefined,
    }).then((built) => {
      planned -= slice.bytes;
      layers[position] = {
        ...built,
        gzipFile: join(work, `layer-${position}.tar.gz`),
        plainFile: keepPlain ? join(work, `layer-${position}.tar`) : undefined,
        createdBy,
        entries: slice.paths.length,
      };
      console.log(
        `layer ${position + 1}/${layerCount}: ${mb(built.plainSize)} tar → ${mb(built.gzipSize)} gzip, ${slice.paths.length.toLocaleString('en')} entries`,
      );
    });
    const tracked: Promise<void> = job.finally(() => running.delete(tracked));
    running.add(tracked);
  }
  await Promise.all(running);

  const config = imageConfig(layers);
  const archives: ArchiveMeta[] = [];
  if (shape !== 'docker') {
    const written = writeOciArchive(
      work,
      layers,
      config,
      label,
      join(outDir, `strata-bench-${label}-oci.tar`),
    );
    archives.push({ shape: 'oci', compression: 'gzip', ...written });
  }
  if (shape !== 'oci') {
    const written = writeDockerArchive(
      work,
      layers,
      config,
      label,
      join(outDir, `strata-bench-${label}-docker.tar`),
    );
    archives.push({ shape: 'docker', compression: 'none', ...written });
  }
  rmSync(work, { recursive: true, force: true });
  const meta: BenchImageMeta = {
    version: 1,
    label,
    root,
    layers: layers.map((l) => ({
      createdBy: l.createdBy,
      entries: l.entries,
      plainSize: l.plainSize,
      gzipSize: l.gzipSize,
      diffId: l.diffId,
      gzipDigest: l.gzipDigest,
    })),
    archives,
  };
  writeFileSync(metaPath(outDir, label), JSON.stringify(meta, null, 2) + '\n');
  for (const a of archives) console.log(`${a.path}: ${mb(a.size)} (${a.shape})`);
  console.log(`made in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

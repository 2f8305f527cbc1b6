/**
 * One layer blob from host files: GNU tar streams the listed paths, Node hashes the tar (the
 * diff_id) and hands it to gzip (the OCI blob) and, when asked, to a plain file (the docker-archive
 * blob). Both blobs come from one tar pass, so the two archive shapes hold the same image.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeFileSync, writeSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface BuiltLayer {
  /** sha256 of the uncompressed tar: the config's diff_id. */
  readonly diffId: string;
  readonly plainSize: number;
  /** sha256 of the gzip blob. */
  readonly gzipDigest: string;
  readonly gzipSize: number;
}

export interface LayerJob {
  readonly paths: readonly string[];
  /** Prepended to every stored name, so a second pass over the same tree is a different layer. */
  readonly prefix: string;
  readonly listFile: string;
  readonly gzipFile: string;
  /** Where to keep the plain tar; undefined when only the gzip blob is wanted. */
  readonly plainFile: string | undefined;
}

/** One fixed mtime, so the same host tree always gives the same blobs. */
const MTIME = '@1767225600';

export async function buildLayer(job: LayerJob): Promise<BuiltLayer> {
  writeFileSync(job.listFile, job.paths.join('\0') + '\0');
  const tar = spawn(
    'tar',
    [
      '--create',
      '--file=-',
      '--directory=/',
      '--no-recursion',
      '--null',
      `--files-from=${job.listFile}`,
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      `--mtime=${MTIME}`,
      ...(job.prefix ? [`--transform=s,^,${job.prefix},S`] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const gzip = spawn('gzip', ['-6', '-n', '-c'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const diffHash = createHash('sha256');
  const gzipHash = createHash('sha256');
  const plain = job.plainFile === undefined ? undefined : openSync(job.plainFile, 'w');
  let plainSize = 0;
  let gzipSize = 0;
  let tarErrors = '';
  tar.stderr.on('data', (chunk: Buffer) => (tarErrors += chunk.toString()));

  tar.stdout.on('data', (chunk: Buffer) => {
    diffHash.update(chunk);
    plainSize += chunk.length;
    if (plain !== undefined) writeSync(plain, chunk);
    if (!gzip.stdin.write(chunk)) {
      tar.stdout.pause();
      gzip.stdin.once('drain', () => tar.stdout.resume());
    }
  });
  tar.stdout.on('end', () => gzip.stdin.end());
  const out = createWriteStream(job.gzipFile);
  gzip.stdout.on('data', (chunk: Buffer) => {
    gzipHash.update(chunk);
    gzipSize += chunk.length;
  });
  gzip.stdout.pipe(out);

  const closed = Promise.all([once(tar, 'close'), once(gzip, 'close'), once(out, 'close')]);
  const [[tarCode], [gzipCode]] = (await closed) as [[number | null], [number | null], unknown];
  if (plain !== undefined) closeSync(plain);
  // GNU tar exits 1 when a file changed while it was read; the archive is still whole.
  if (tarCode !== 0 && tarCode !== 1) throw new Error(`tar failed (exit ${tarCode}): ${tarErrors.trim()}`);
  if (gzipCode !== 0) throw new Error(`gzip failed (exit ${gzipCode}).`);
  return {
    diffId: `sha256:${diffHash.digest('hex')}`,
    plainSize,
    gzipDigest: `sha256:${gzipHash.digest('hex')}`,
    gzipSize,
  };
}

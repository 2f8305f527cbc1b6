/**
 * Memory with many entries: an image whose one layer holds 2,000,000 empty files (in 2,000
 * directories), opened by each CLI command in its own process; reports each command's peak RSS
 * (GNU time's %M) and wall time. The target is ≤ 1 GB for every command (docs/limits.md).
 *
 *   npx tsx bench/entries-bench.ts [--entries 2000000] [--commands inspect,diff,diff-text,ls,export,ci,files-view]
 *
 * (`cat` reads the last file; `files-view` is not a command: bench/files-view-tree.ts, the Files view's change tree
 * of the base layer.) Writes the archive to bench/out/entries-<n>.tar (a gzip layer, ~1 GB decoded) and the table to
 * bench/out/entries-<n>.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { buildTar } from '../src/core/testing/tar-builder';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '2000000' },
    commands: {
      type: 'string',
      default: 'inspect,history,diff,diff-text,ls,export,cat,ci,graph,packages,files-view',
    },
  },
});
const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const count = Number(values.entries);
const PER_DIR = 1000;

function header(name: string, type: '0' | '5'): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'latin1');
  h.write(type === '5' ? '0000755\0' : '0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write('00000000000\0', 124);
  h.write('14707440000\0', 136);
  h.write(type, 156);
  h.write('ustar\u000000', 257, 'latin1');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return h;
}

/** The layer, gzip-compressed as it streams out: its diff_id is the hash of the plain tar. */
async function writeLayer(path: string): Promise<string> {
  const plainHash = createHash('sha256');
  const gzip = createGzip({ level: 1 });
  const file = createWriteStream(path);
  gzip.pipe(file);
  const write = (b: Buffer): Promise<void> => {
    plainHash.update(b);
    return gzip.write(b) ? Promise.resolve() : new Promise((resolve) => gzip.once('drain', () => resolve()));
  };
  for (let i = 0; i < count; i++) {
    if (i % PER_DIR === 0) await write(header(`d${i / PER_DIR}/`, '5'));
    await write(header(`d${Math.floor(i / PER_DIR)}/f${i % PER_DIR}`, '0'));
  }
  await write(Buffer.alloc(1024));
  gzip.end();
  await new Promise<void>((resolve) => file.on('close', () => resolve()));
  return plainHash.digest('hex');
}

async function makeArchive(): Promise<string> {
  const archive = join(OUT, `entries-${count}.tar`);
  if (existsSync(archive)) return archive;
  mkdirSync(OUT, { recursive: true });
  const layerPath = join(OUT, `entries-${count}.layer.tar.gz`);
  const diffId = await writeLayer(layerPath);
  const layer = new Uint8Array(readFileSync(layerPath));
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [`sha256:${diffId}`] },
    history: [{ created_by: `${count} empty files` }],
  });
  const manifest = [{ Config: 'config.json', RepoTags: ['localhost/entries:1'], Layers: ['layer.tar.gz'] }];
  writeFileSync(
    archive,
    buildTar([
      { name: 'manifest.json', data: JSON.stringify(manifest) },
      { name: 'config.json', data: config },
      { name: 'layer.tar.gz', data: layer },
    ]),
  );
  return archive;
}

const ARCHIVE = '<archive>';
const ARGS: Record<string, string[]> = {
  inspect: ['inspect', '--json'],
  history: ['history', '--json'],
  diff: ['diff', '--json'],
  // The text report materializes each layer's change set (the Files view's change tree holds the same).
  'diff-text': ['diff'],
  ls: ['ls', '-R'],
  export: ['export', '--format', 'csv'],
  ci: ['ci', '--json'],
  graph: ['graph'],
  packages: ['packages', '--json'],
  // The archive goes last unless an argument names where it goes.
  cat: ['cat', ARCHIVE, '/d1999/f999'],
};

/** Not a CLI command: the Files view's change tree of the base layer, as the worker builds it. */
const FILES_VIEW = 'files-view';

const archive = await makeArchive();
console.log(
  `${archive}: ${(statSync(archive).size / 1e6).toFixed(0)} MB, ${count.toLocaleString('en')} entries`,
);
const rows: string[] = [];
for (const name of values.commands.split(',')) {
  const args = name === FILES_VIEW ? [] : ARGS[name];
  if (args === undefined)
    throw new Error(`No command ${name}; have ${[...Object.keys(ARGS), FILES_VIEW].join(', ')}.`);
  const command =
    name === FILES_VIEW
      ? ['--import', 'tsx', join(ROOT, 'bench/files-view-tree.ts'), archive]
      : [
          join(ROOT, 'bin/strata.mjs'),
          ...(args.includes(ARCHIVE) ? args.map((a) => (a === ARCHIVE ? archive : a)) : [...args, archive]),
        ];
  const run = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, ...command], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 4 * 1024 * 1024 * 1024,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const last = run.stderr.trim().split('\n').at(-1) ?? '';
  const [kb, seconds] = last.split(' ').map(Number);
  const label =
    name === FILES_VIEW ? 'Files view, base layer' : `strata ${args.filter((a) => a !== ARCHIVE).join(' ')}`;
  const row = `| ${label} | ${run.status} | ${((kb ?? 0) / 1024).toFixed(0)} MB | ${seconds} s |`;
  console.log(row);
  rows.push(row);
}
const node = execFileSync(process.execPath, ['--version'], { encoding: 'utf8' }).trim();
const table = [
  `${count.toLocaleString('en')} empty files in one gzip layer, Node ${node}, peak RSS by GNU time`,
  '',
  '| command | exit | peak RSS | wall |',
  '| --- | ---: | ---: | ---: |',
  ...rows,
].join('\n');
writeFileSync(join(OUT, `entries-${count}.md`), table + '\n');
console.log(`\n${table}`);

/**
 * `npm run fuzz`: a structure-aware mutation fuzzer over the committed fixtures, through every CLI
 * command (and so through the core's public entry points), run in-process in worker threads with a
 * heap cap (out of memory) and a time limit (hang). Every finding is saved with its reproduction
 * under fuzz/out/findings/; a sample of mutants also runs through the real `strata` process to
 * prove the in-process runs answer exactly as the CLI does. See fuzz/README.md.
 *
 *   npx tsx fuzz/run.ts [--count 10000] [--budget SECONDS] [--seed 1] [--workers 2] [--heap 1024]
 *                       [--timeout 60000] [--sample 250] [--replay INDEX]
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { classifyResult, RUN_CLASSES, type RunClass } from './classify';
import { FuzzPool, type PoolResult } from './pool';
import { Rng } from './rng';
import { mutateArchive, mutateBytes } from './mutate';
import { loadSeeds, registriesConfSeed, type Seed } from './seeds';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    budget: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '2' },
    heap: { type: 'string', default: '1024' },
    timeout: { type: 'string', default: '60000' },
    sample: { type: 'string', default: '250' },
    replay: { type: 'string' },
  },
});

const ROOT = join(import.meta.dirname, '..');
const OUT = join(import.meta.dirname, 'out');
const WORK = join(tmpdir(), `strata-fuzz-${process.pid}`);
const seedNumber = Number(values.seed);
const seeds = loadSeeds();

interface Planned {
  readonly index: number;
  readonly seed: string;
  readonly steps: readonly string[];
  readonly argv: readonly string[];
  readonly command: string;
  readonly files: readonly string[];
}

/** The command a mutant runs through, with real paths of the image for cat, ldd and owner. */
function commandFor(rng: Rng, seed: Seed, archive: string): string[] {
  const path = rng.pick(seed.paths);
  const image = seed.name.includes('multi-image')
    ? ['--image', 'localhost/t:2']
    : seed.name.includes('name-resolution')
      ? ['--image', 'localhost/test:1']
      : [];
  const general = [
    ['inspect', '--json', archive],
    ['history', '--json', archive],
    ['diff', '--json', archive],
    ['diff', archive],
    ['ls', '-R', archive],
    ['ls', '-R', '--json', '--removed', archive],
    ['export', '--format', 'csv', archive],
    ['export', '--format', 'json', archive],
    ['cat', archive, path],
    ['ci', '--json', archive],
    ['graph', archive],
  ];
  const content = [
    ['ldd', '-v', archive, path],
    ['ldd', '--json', archive, path],
    ['packages', '--json', archive],
    ['packages', '--format', 'cyclonedx', archive],
    ['owner', archive, path, '/usr/bin/app'],
    ['rdeps', 'libz.so.1', archive],
    ['graph', '--format', 'dot', archive],
  ];
  const [name, ...rest] = rng.pick(seed.content && rng.chance(0.6) ? content : general);
  return [name!, ...image, ...rest];
}

function plan(index: number): Planned & { bytes: Uint8Array } {
  const rng = new Rng(createHash('sha256').update(`${seedNumber}:${index}`).digest().readUInt32LE(0));
  if (rng.chance(0.03)) {
    const steps: string[] = [];
    const bytes = mutateBytes(rng, registriesConfSeed, steps);
    const file = join(WORK, `${index}.conf`);
    const argv = [
      'resolve',
      '--json',
      '--registries-conf',
      file,
      rng.pick(['ubuntu', 'foo', 'example.com/foo/x']),
    ];
    return { index, seed: 'registries.conf', steps, argv, command: 'resolve', files: [file], bytes };
  }
  // The content image (ELF, ld.so.cache, package databases) gets a third of the mutants.
  const content = seeds.filter((s) => s.content);
  const seed = rng.chance(0.35) ? rng.pick(content) : rng.pick(seeds.filter((s) => !s.content));
  const mutant = mutateArchive(rng, seed.bytes);
  const file = join(WORK, `${index}${seed.name.endsWith('.gz') ? '.tar.gz' : '.tar'}`);
  const argv = commandFor(rng, seed, file);
  return {
    index,
    seed: seed.name,
    steps: mutant.steps,
    argv,
    command: argv[0]!,
    files: [file],
    bytes: mutant.bytes,
  };
}

function saveFinding(p: Planned, bytes: Uint8Array, kind: RunClass, why: string, result?: PoolResult): void {
  const dir = join(OUT, 'findings', `${kind}-${p.command}-${p.index}`);
  mkdirSync(dir, { recursive: true });
  const name = p.files[0]!.endsWith('.conf')
    ? 'registries.conf'
    : p.files[0]!.endsWith('.gz')
      ? 'archive.tar.gz'
      : 'archive.tar';
  writeFileSync(join(dir, name), bytes);
  const argv = p.argv.map((a) => (p.files.includes(a) ? join(dir, name) : a));
  writeFileSync(
    join(dir, 'finding.json'),
    JSON.stringify({ kind, why, index: p.index, seed: p.seed, steps: p.steps, argv, result }, null, 2),
  );
  writeFileSync(join(dir, 'repro.sh'), `npx strata ${argv.map((a) => JSON.stringify(a)).join(' ')}\n`);
}

/** The real CLI process on the same mutant: exit code, stdout hash and stderr must match. */
function runProcess(argv: readonly string[]): Promise<{ code: number; stdoutHash: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin/strata.mjs'), ...argv],
      { cwd: ROOT, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({
          code,
          stdoutHash: createHash('sha256').update(stdout).digest('hex'),
          stderr: stderr.toString('utf8'),
        });
      },
    );
  });
}

async function replay(index: number): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const p = plan(index);
  writeFileSync(p.files[0]!, p.bytes);
  console.log(`mutant ${index} of seed ${seedNumber}: ${p.seed}: ${p.steps.join('; ')}`);
  console.log(`file: ${p.files[0]!}\nnpx strata ${p.argv.join(' ')}`);
  const real = await runProcess(p.argv);
  console.log(`exit ${real.code}\n${real.stderr}`);
  console.log(classifyResult(p.command, real.code, real.stderr));
}

async function fuzz(): Promise<void> {
  const count = Number(values.count);
  const budgetMs = Number(values.budget) * 1000;
  const sampleEvery = Number(values.sample);
  mkdirSync(WORK, { recursive: true });
  rmSync(join(OUT, 'findings'), { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const pool = new FuzzPool(Number(values.workers), Number(values.heap), Number(values.timeout));
  const counts = new Map<string, Map<RunClass, number>>();
  const tally = (command: string, kind: RunClass): void => {
    const row = counts.get(command) ?? new Map<RunClass, number>();
    row.set(kind, (row.get(kind) ?? 0) + 1);
    counts.set(command, row);
  };
  const samples: Planned[] = [];
  const sampleResults = new Map<number, PoolResult>();
  const started = Date.now();
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < count && (budgetMs === 0 || Date.now() - started < budgetMs)) {
      const p = plan(next++);
      writeFileSync(p.files[0]!, p.bytes);
      const result = await pool.run(p.argv);
      const verdict =
        result.kind === 'answer'
          ? classifyResult(p.command, result.code, result.stderr)
          : { kind: result.kind, why: result.why };
      tally(p.command, verdict.kind);
      if (verdict.kind !== 'clean') {
        saveFinding(p, p.bytes, verdict.kind, verdict.why ?? '', result);
        console.log(
          `#${p.index} ${verdict.kind} ${p.command} (${p.seed}: ${p.steps.join('; ')}): ${verdict.why}`,
        );
      }
      if (sampleEvery > 0 && p.index % sampleEvery === 0 && result.kind === 'answer') {
        samples.push(p);
        sampleResults.set(p.index, result);
      } else {
        for (const f of p.files) rmSync(f, { force: true });
      }
      if (++done % 500 === 0) console.log(`${done} mutants, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  };
  await Promise.all(Array.from({ length: Number(values.workers) }, worker));
  await pool.close();
  const seconds = (Date.now() - started) / 1000;

  let same = 0;
  const differ: string[] = [];
  for (const p of samples) {
    const mine = sampleResults.get(p.index)!;
    const real = await runProcess(p.argv);
    // A CycloneDX SBOM carries a fresh serial number and timestamp: its stdout differs run to run by design.
    const sameOut =
      mine.kind === 'answer' && (real.stdoutHash === mine.stdoutHash || p.argv.includes('cyclonedx'));
    if (mine.kind === 'answer' && real.code === mine.code && sameOut && real.stderr === mine.stderr) same++;
    else
      differ.push(
        `#${p.index} ${p.argv.join(' ')}: in-process exit ${mine.kind === 'answer' ? mine.code : mine.kind}, process exit ${real.code}`,
      );
    for (const f of p.files) rmSync(f, { force: true });
  }
  rmSync(WORK, { recursive: true, force: true });
  writeReport(counts, done, seconds, same, differ);
}

function writeReport(
  counts: Map<string, Map<RunClass, number>>,
  total: number,
  seconds: number,
  same: number,
  differ: readonly string[],
): void {
  const commands = [...counts.keys()].sort();
  const cell = (command: string | undefined, kind: RunClass): number =>
    command === undefined
      ? commands.reduce((n, c) => n + (counts.get(c)?.get(kind) ?? 0), 0)
      : (counts.get(command)?.get(kind) ?? 0);
  const lines = [
    `${total} mutants (seed ${seedNumber}) in ${seconds.toFixed(0)} s, ${values.workers} workers, heap cap ${values.heap} MB, time limit ${Number(values.timeout) / 1000} s`,
    '',
    `| command | runs | ${RUN_CLASSES.join(' | ')} |`,
    `| --- | ---: | ${RUN_CLASSES.map(() => '---:').join(' | ')} |`,
    ...commands.map(
      (c) =>
        `| ${c} | ${RUN_CLASSES.reduce((n, k) => n + cell(c, k), 0)} | ${RUN_CLASSES.map((k) => cell(c, k)).join(' | ')} |`,
    ),
    `| **all** | ${total} | ${RUN_CLASSES.map((k) => cell(undefined, k)).join(' | ')} |`,
    '',
    `Through the real strata process: ${same} of ${same + differ.length} sampled mutants gave the same exit code, stdout and stderr.`,
    ...differ.map((d) => `- differs: ${d}`),
  ];
  const text = lines.join('\n') + '\n';
  writeFileSync(join(OUT, 'report.md'), text);
  console.log(`\n${text}`);
  const findings = RUN_CLASSES.filter((k) => k !== 'clean').reduce((n, k) => n + cell(undefined, k), 0);
  process.exitCode = findings > 0 || differ.length > 0 ? 1 : 0;
}

if (values.replay !== undefined) await replay(Number(values.replay));
else await fuzz();

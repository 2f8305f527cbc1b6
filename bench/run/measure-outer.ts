/**
 * `docker save | gzip`: the docker-archive gzipped whole (made once, `gzip -6`, beside it). In the same
 * run, interleaved: native `gzip -dc FILE | tar -t` (one gzip stream cannot be decoded in parallel: the
 * floor for "ready"), strata's core in Node (open = the one pass with the spill and every layer indexed;
 * then 200 files' contents against the same files read from the plain tar), and the page to "ready".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import type { OuterReadResult } from './outer-read';
import { runPage } from './page-run';
import { median } from './stats';

export interface OuterResult {
  readonly label: string;
  readonly packedBytes: number;
  readonly plainBytes: number;
  readonly runs: number;
  readonly ms: {
    readonly nativeList: number;
    readonly nodeOpen: number;
    readonly nodeOpenPlain: number;
    readonly nodeReadPacked: number;
    readonly nodeReadPlain: number;
    readonly pageReady: number;
    readonly pageReadyPlain: number;
    /** After "ready": a file's contents shown, and the whole image's linkage drawn (every ELF file read). */
    readonly pageFile: number;
    readonly pageFilePlain: number;
    readonly pageLinkage: number;
    readonly pageLinkagePlain: number;
  };
  readonly files: number;
  readonly allMs: Record<string, number[]>;
}

export function packedPath(plain: string): string {
  return `${plain}.gz`;
}

/** The docker-archive as `docker save | gzip` would give it; made once. */
export function ensurePacked(plain: string, log: (line: string) => void): string {
  const packed = packedPath(plain);
  if (!existsSync(packed) || statSync(packed).mtimeMs < statSync(plain).mtimeMs) {
    log(`gzip -6 ${plain} (once)`);
    execFileSync('bash', ['-c', 'gzip -6 -c "$1" > "$2"', 'gzip', plain, packed]);
  }
  return packed;
}

function nativeList(packed: string): number {
  const started = performance.now();
  const run = spawnSync('bash', [
    '-o',
    'pipefail',
    '-c',
    'gzip -dc "$1" | tar -t > /dev/null',
    'native',
    packed,
  ]);
  if (run.status !== 0) throw new Error(`gzip -dc | tar -t failed on ${packed}.`);
  return performance.now() - started;
}

function nodeRead(plain: string, packed: string): OuterReadResult {
  const out = execFileSync('npx', ['tsx', 'bench/run/outer-read.ts', plain, packed], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as OuterReadResult;
}

export async function measureOuter(
  label: string,
  plain: string,
  browser: Browser,
  siteUrl: string,
  runs: number,
  log: (line: string) => void,
): Promise<OuterResult> {
  const packed = ensurePacked(plain, log);
  const all: Record<string, number[]> = {
    nativeList: [],
    nodeOpen: [],
    nodeOpenPlain: [],
    nodeReadPacked: [],
    nodeReadPlain: [],
    pageReady: [],
    pageReadyPlain: [],
    pageFile: [],
    pageFilePlain: [],
    pageLinkage: [],
    pageLinkagePlain: [],
  };
  let files = 0;
  const picked = pickTextFile(plain);
  log(`after ready, the page opens ${picked.query} and waits for "${picked.text}"`);
  const readsAfterReady = (page: Page) => readAfterReady(page, picked);
  for (let run = 1; run <= runs; run++) {
    all.nativeList!.push(nativeList(packed));
    const node = nodeRead(plain, packed);
    if (node.verifiedLayers !== node.layers)
      throw new Error(
        `${label} docker.tar.gz: strata verified ${node.verifiedLayers} of ${node.layers} layers.`,
      );
    files = node.files;
    all.nodeOpen!.push(node.openMs.packed);
    all.nodeOpenPlain!.push(node.openMs.plain);
    all.nodeReadPacked!.push(node.readMs.packed);
    all.nodeReadPlain!.push(node.readMs.plain);
    const page = await runPage(browser, siteUrl, packed, { afterReady: readsAfterReady });
    all.pageReady!.push(page.readyMs);
    all.pageFile!.push(page.afterReady.file ?? Number.NaN);
    all.pageLinkage!.push(page.afterReady.linkage ?? Number.NaN);
    const pagePlain = await runPage(browser, siteUrl, plain, { afterReady: readsAfterReady });
    all.pageReadyPlain!.push(pagePlain.readyMs);
    all.pageFilePlain!.push(pagePlain.afterReady.file ?? Number.NaN);
    all.pageLinkagePlain!.push(pagePlain.afterReady.linkage ?? Number.NaN);
    log(
      `${label} docker.tar.gz run ${run}/${runs}: gzip -dc | tar -t ${s(all.nativeList!.at(-1)!)}, ` +
        `node open ${s(node.openMs.packed)}, ${files} files ${s(node.readMs.packed)} (plain tar ${s(node.readMs.plain)}), ` +
        `page ready ${s(page.readyMs)}, then a file ${s(page.afterReady.file ?? Number.NaN)} ` +
        `(plain tar ${s(pagePlain.afterReady.file ?? Number.NaN)}), linkage ${s(page.afterReady.linkage ?? Number.NaN)} ` +
        `(plain tar ${s(pagePlain.afterReady.linkage ?? Number.NaN)})`,
    );
  }
  const ms = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, median(v)])) as OuterResult['ms'];
  return {
    label,
    packedBytes: statSync(packed).size,
    plainBytes: statSync(plain).size,
    runs,
    ms,
    files,
    allMs: all,
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A small Python file of the archive's second layer: its last two path parts and a line of its text. */
function pickTextFile(plain: string): { query: string; text: string } {
  const sh = (script: string) =>
    execFileSync('bash', ['-o', 'pipefail', '-c', script, 'pick', plain], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
  const layer = sh(`tar -tf "$1" | grep '[.]tar$' | sed -n 2p`).trim();
  const path = sh(
    `tar -xOf "$1" ${layer} | tar -tv | awk '$1 ~ /^-/ && $3 > 500 && $3 < 20000 && $6 ~ /[a-z_]+[.]py$/ {print $6}' | sed -n 20p`,
  ).trim();
  const text = sh(`tar -xOf "$1" ${layer} | tar -xO ${path} | grep -m1 -E '^[a-z][ -~]{12,}$'`).trim();
  return { query: path.split('/').slice(-2).join('/'), text: text.slice(0, 24) };
}

/**
 * Right after "ready", as a user would: a file's contents (found by the Files search), then the Linkage tab
 * to its picture, which resolves every ELF file of the image (the `ldd` of all of them).
 */
async function readAfterReady(
  page: Page,
  file: { query: string; text: string },
): Promise<Record<string, number>> {
  await page.getByRole('tab', { name: 'Files' }).click();
  await page.getByRole('button', { name: 'Merged tree' }).click();
  await page.getByLabel('Search paths').fill(file.query);
  const result = page.getByRole('list', { name: 'Search results' }).getByRole('button').first();
  await result.waitFor({ timeout: 5 * 60_000 });
  let started = performance.now();
  await result.click();
  await page
    .getByLabel('File contents')
    .getByText(file.text)
    .first()
    .waitFor({ timeout: 5 * 60_000 });
  const fileMs = performance.now() - started;
  started = performance.now();
  await page.getByRole('tab', { name: 'Linkage' }).click();
  await page.getByTestId('linkage-picture').waitFor({ timeout: 10 * 60_000 });
  return { file: fileMs, linkage: performance.now() - started };
}

export function outerTable(r: OuterResult): string {
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const row = (name: string, ms: number, base: number) =>
    `${name.padEnd(58)}  ${(ms / 1000).toFixed(2).padStart(6)}  ${(ms / base).toFixed(2).padStart(6)}×`;
  const native = r.ms.nativeList;
  return [
    `${r.label} docker-archive | gzip: ${mb(r.packedBytes)} MB (${mb(r.plainBytes)} MB plain); median of ${r.runs}`,
    `${'runner'.padEnd(58)}  ${'wall s'.padStart(6)}  ${'ratio'.padStart(7)}`,
    `${'-'.repeat(58)}  ------  -------`,
    row('native: gzip -dc FILE | tar -t', native, native),
    row('strata core in Node: open (one pass, spill, layers verified)', r.ms.nodeOpen, native),
    row('page: change event → ready', r.ms.pageReady, native),
    row(`Node: ${r.files} files' contents, plain tar`, r.ms.nodeReadPlain, r.ms.nodeReadPlain),
    row(`Node: the same files from the .tar.gz (÷ plain tar)`, r.ms.nodeReadPacked, r.ms.nodeReadPlain),
    row('page: ready on the plain tar (for reference; ÷ native above)', r.ms.pageReadyPlain, native),
    row("page, after ready: a file's contents, plain tar", r.ms.pageFilePlain, r.ms.pageFilePlain),
    row('page, after ready: the same from the .tar.gz (÷ plain tar)', r.ms.pageFile, r.ms.pageFilePlain),
    row(
      'page, after ready: Linkage drawn (every ELF read), plain tar',
      r.ms.pageLinkagePlain,
      r.ms.pageLinkagePlain,
    ),
    row(
      'page, after ready: the same from the .tar.gz (÷ plain tar)',
      r.ms.pageLinkage,
      r.ms.pageLinkagePlain,
    ),
  ].join('\n');
}

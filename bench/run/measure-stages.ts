/** The stage timings of one archive in Node and in Chromium (see bench/stages/stages.ts). */
import type { Browser } from '@playwright/test';
import type { ArchiveMeta } from '../archive/archive-meta';
import { nodeEnv, openFileSource } from '../../src/cli/node-env';
import { layerBlobRanges } from '../stages/blob-ranges';
import type { ParallelHashTime } from '../stages/parallel-hash';
import { timeSelf, timeStages, type SelfTimes, type StageTime } from '../stages/stages';

export interface StageResult {
  readonly label: string;
  /** oci or docker: the stages know gzip and plain layers. */
  readonly shape: ArchiveMeta['shape'];
  readonly node: readonly StageTime[];
  readonly chromium: readonly StageTime[];
  readonly nodeSelf: SelfTimes;
  readonly chromiumSelf: SelfTimes;
  /** Chromium: read + gunzip + tar on the page's thread, both sha256 on a second worker. */
  readonly chromiumParallelHash: ParallelHashTime;
}

export async function measureStages(
  label: string,
  archive: ArchiveMeta,
  browser: Browser,
  stageUrl: string,
  log: (line: string) => void,
): Promise<StageResult> {
  const ranges = await layerBlobRanges(archive.path);
  const compressed = archive.compression === 'gzip';
  const source = await openFileSource(archive.path);
  let node: StageTime[];
  let nodeSelf: SelfTimes;
  try {
    nodeSelf = await timeSelf(source, ranges, nodeEnv, compressed);
    node = await timeStages(source, ranges, nodeEnv, compressed, (line) =>
      log(`node ${label} ${archive.shape} ${line}`),
    );
  } finally {
    await source.close();
  }
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(stageUrl);
    await page.locator('#archive').setInputFiles(archive.path);
    page.setDefaultTimeout(30 * 60_000);
    const chromium = await page.evaluate(({ blobs, gz }) => window.runStages(blobs, gz), {
      blobs: ranges,
      gz: compressed,
    });
    for (const t of chromium) log(`chromium ${label} ${archive.shape} ${t.stage}: ${t.ms.toFixed(0)} ms`);
    const chromiumSelf = await page.evaluate(({ blobs, gz }) => window.runSelf(blobs, gz), {
      blobs: ranges,
      gz: compressed,
    });
    const chromiumParallelHash = await page.evaluate(({ blobs, gz }) => window.runParallelHash(blobs, gz), {
      blobs: ranges,
      gz: compressed,
    });
    log(`chromium ${label} ${archive.shape} parallel hash: ${chromiumParallelHash.ms.toFixed(0)} ms`);
    return { label, shape: archive.shape, node, chromium, nodeSelf, chromiumSelf, chromiumParallelHash };
  } finally {
    await context.close();
  }
}

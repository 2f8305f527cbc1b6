/**
 * Every way of reading one archive, in the same run and interleaved (native, native with sha256sum,
 * strata's core in Node, the page in Chromium; then again), so drift in the machine's speed hits
 * all of them alike. Medians are reported; memory is the maximum over the runs.
 */
import { execFileSync } from 'node:child_process';
import type { Browser } from '@playwright/test';
import type { ArchiveMeta, BenchImageMeta } from '../archive/archive-meta';
import { runCat, runNative } from './native';
import type { NodeIndexResult } from './node-index';
import { runPage, type PageRun } from './page-run';
import { median } from './stats';

export interface ArchiveResult {
  readonly label: string;
  readonly shape: ArchiveMeta['shape'];
  readonly compression: ArchiveMeta['compression'];
  readonly archiveBytes: number;
  /** Layer blob bytes as stored (gzip or plain). */
  readonly storedBytes: number;
  /** Uncompressed layer tar bytes. */
  readonly decodedBytes: number;
  readonly layers: number;
  readonly entries: number;
  readonly runs: number;
  readonly ms: {
    readonly cat: number;
    readonly native: number;
    readonly nativeHashed: number;
    readonly node: number;
    readonly pageFirstRow: number;
    readonly pageReady: number;
  };
  /** Median CPU time (user + system, all processes of the runner). */
  readonly cpuMs: {
    readonly native: number;
    readonly nativeHashed: number;
    readonly node: number;
    readonly pageReady: number;
  };
  readonly memory: {
    readonly workerPeakHeapUsed: number;
    readonly workerPeakHeapPlusBuffers: number;
    readonly workerRetainedHeap: number;
    readonly workerRetainedHeapPlusBuffers: number;
    readonly rendererPeakRss: number | null;
    readonly nodePeakHeapUsed: number;
    readonly nodePeakRss: number;
    readonly nodePeakArrayBuffers: number;
  };
  readonly allMs: Record<string, number[]>;
}

function runNode(path: string): NodeIndexResult {
  const out = execFileSync('npx', ['tsx', 'bench/run/node-index.ts', path], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as NodeIndexResult;
}

export async function measureArchive(
  meta: BenchImageMeta,
  archive: ArchiveMeta,
  browser: Browser,
  siteUrl: string,
  runs: number,
  log: (line: string) => void,
): Promise<ArchiveResult> {
  const name = `${meta.label} ${archive.shape}`;
  // One read first, so every runner below starts from the same warm page cache.
  const cat = runCat(archive);
  const all: Record<string, number[]> = {
    native: [],
    nativeHashed: [],
    node: [],
    pageFirstRow: [],
    pageReady: [],
  };
  const cpu: Record<string, number[]> = { native: [], nativeHashed: [], node: [], pageReady: [] };
  const nodes: NodeIndexResult[] = [];
  const pages: PageRun[] = [];
  for (let run = 1; run <= runs; run++) {
    const native = runNative(archive, 'plain');
    const hashed = runNative(archive, 'hashed');
    all.native!.push(native.wallMs);
    cpu.native!.push(native.cpuMs);
    all.nativeHashed!.push(hashed.wallMs);
    cpu.nativeHashed!.push(hashed.cpuMs);
    const node = runNode(archive.path);
    if (node.verifiedLayers !== node.layers)
      throw new Error(`${name}: strata verified ${node.verifiedLayers} of ${node.layers} layers in Node.`);
    nodes.push(node);
    all.node!.push(node.openMs + node.indexMs);
    cpu.node!.push(node.cpuMs);
    const page = await runPage(browser, siteUrl, archive.path);
    if (page.verifiedLayers !== meta.layers.length)
      throw new Error(
        `${name}: the page shows ${page.verifiedLayers} of ${meta.layers.length} layers verified.`,
      );
    pages.push(page);
    all.pageFirstRow!.push(page.firstRowMs);
    all.pageReady!.push(page.readyMs);
    cpu.pageReady!.push(page.rendererCpuMs);
    log(
      `${name} run ${run}/${runs}: native ${s(all.native!.at(-1)!)}, native+sha256 ${s(all.nativeHashed!.at(-1)!)}, ` +
        `node ${s(all.node!.at(-1)!)}, page first row ${s(page.firstRowMs)}, ready ${s(page.readyMs)}`,
    );
  }
  const blobs = [...new Set(archive.blobs)];
  const compressed = archive.compression === 'gzip';
  return {
    label: meta.label,
    shape: archive.shape,
    compression: archive.compression,
    archiveBytes: archive.size,
    storedBytes:
      archive.storedBytes ?? meta.layers.reduce((sum, l) => sum + (compressed ? l.gzipSize : l.plainSize), 0),
    decodedBytes: meta.layers.reduce((sum, l) => sum + l.plainSize, 0),
    layers: blobs.length,
    entries: nodes[0]?.entries ?? 0,
    runs,
    ms: {
      cat,
      native: median(all.native!),
      nativeHashed: median(all.nativeHashed!),
      node: median(all.node!),
      pageFirstRow: median(all.pageFirstRow!),
      pageReady: median(all.pageReady!),
    },
    cpuMs: {
      native: median(cpu.native!),
      nativeHashed: median(cpu.nativeHashed!),
      node: median(cpu.node!),
      pageReady: median(cpu.pageReady!),
    },
    memory: {
      workerPeakHeapUsed: Math.max(...pages.map((p) => p.worker.peakHeapUsed)),
      workerPeakHeapPlusBuffers: Math.max(...pages.map((p) => p.worker.peakHeapPlusBuffers)),
      workerRetainedHeap: Math.max(...pages.map((p) => p.worker.retainedHeap)),
      workerRetainedHeapPlusBuffers: Math.max(...pages.map((p) => p.worker.retainedHeapPlusBuffers)),
      rendererPeakRss: pages.some((p) => p.rendererPeakRss === null)
        ? null
        : Math.max(...pages.map((p) => p.rendererPeakRss ?? 0)),
      nodePeakHeapUsed: Math.max(...nodes.map((n) => n.peakHeapUsed)),
      nodePeakRss: Math.max(...nodes.map((n) => n.peakRss)),
      nodePeakArrayBuffers: Math.max(...nodes.map((n) => n.peakArrayBuffers)),
    },
    allMs: all,
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * The benchmark's tables, as printed and as written into the README: throughput and ratios to the
 * native pipeline per archive, memory per archive size, and the stage profile.
 */
import type { ArchiveResult } from './measure-archive';
import type { StageResult } from './measure-stages';
import { fixed, mb, mbps, textTable } from './stats';

const KINDS = {
  oci: 'OCI, gzip layers',
  docker: 'docker-archive, plain layers',
  zstd: 'OCI, zstd layers (skopeo)',
  zstdchunked: 'OCI, zstd:chunked layers (skopeo)',
} as const;
const DECODE = { gzip: ' | gzip -dc', zstd: ' | zstd -dc', none: '' } as const;

export function throughputTable(r: ArchiveResult): string {
  const kind = KINDS[r.shape];
  const title =
    `${r.label} ${r.shape} (${kind}): archive ${fixed(mb(r.archiveBytes))} MB, layers ${fixed(mb(r.storedBytes))} MB stored, ` +
    `${fixed(mb(r.decodedBytes))} MB uncompressed, ${r.layers} layers, ${r.entries.toLocaleString('en')} entries; median of ${r.runs}`;
  const row = (name: string, ms: number, ratio: boolean, cpuMs?: number): string[] => [
    name,
    fixed(ms / 1000, 2),
    cpuMs === undefined ? '' : fixed(cpuMs / 1000, 2),
    fixed(mbps(r.storedBytes, ms)),
    fixed(mbps(r.decodedBytes, ms)),
    ratio ? `${fixed(ms / r.ms.native, 2)}×` : '',
    ratio ? `${fixed(ms / r.ms.nativeHashed, 2)}×` : '',
  ];
  const native = `native: tar -xOf${DECODE[r.compression]} | tar -t`;
  return `${title}\n${textTable(
    ['runner', 'wall s', 'CPU s', 'MB/s stored', 'MB/s uncompr.', '÷ native', '÷ native+sha256'],
    [
      row('cat archive > /dev/null (page cache)', r.ms.cat, false),
      row(native, r.ms.native, true, r.cpuMs.native),
      row('native + sha256sum of stored and decoded', r.ms.nativeHashed, true, r.cpuMs.nativeHashed),
      row('strata core in Node (open + indexImage)', r.ms.node, true, r.cpuMs.node),
      row('page: change event → first Layers row', r.ms.pageFirstRow, false),
      row('page: change event → appState ready', r.ms.pageReady, true, r.cpuMs.pageReady),
    ],
  )}`;
}

export function memoryTable(results: readonly ArchiveResult[]): string {
  const m = (bytes: number | null) => (bytes === null ? '–' : fixed(mb(bytes)));
  return textTable(
    [
      'archive',
      'stored MB',
      'entries',
      'worker heap MB',
      'worker heap+buffers MB',
      'kept after GC MB',
      'renderer peak RSS MB',
      'Node heap MB',
      'Node RSS MB',
    ],
    results.map((r) => [
      `${r.label} ${r.shape}`,
      fixed(mb(r.storedBytes)),
      r.entries.toLocaleString('en'),
      m(r.memory.workerPeakHeapUsed),
      m(r.memory.workerPeakHeapPlusBuffers),
      m(r.memory.workerRetainedHeapPlusBuffers),
      m(r.memory.rendererPeakRss),
      m(r.memory.nodePeakHeapUsed),
      m(r.memory.nodePeakRss),
    ]),
  );
}

export function stageTable(r: StageResult): string {
  const rows = r.node.map((n) => {
    const c = r.chromium.find((t) => t.stage === n.stage);
    return [
      r.shape === 'oci' ? n.stage : n.stage.replace('+gunzip', ''),
      fixed(n.ms, 0),
      fixed(mbps(n.bytes, n.ms)),
      fixed(c?.ms ?? Number.NaN, 0),
      fixed(mbps(c?.bytes ?? Number.NaN, c?.ms ?? Number.NaN)),
    ];
  });
  const parallel = r.chromiumParallelHash;
  rows.push([
    r.shape === 'oci' ? 'read+gunzip+tar, sha256 ×2 on a 2nd worker' : 'read+tar, sha256 on a 2nd worker',
    '',
    '',
    fixed(parallel.ms, 0),
    fixed(mbps(parallel.bytes, parallel.ms)),
  ]);
  return `${r.label} ${r.shape}: one pass over all layer blobs per row (MB/s of the bytes the last step puts out)\n${textTable(
    ['pass', 'Node ms', 'Node MB/s', 'Chromium ms', 'Chromium MB/s'],
    rows,
  )}`;
}

/** Self times inside one full pipeline per environment, with the share of the wall time. */
export function selfTable(r: StageResult): string {
  const row = (name: string, pick: (t: StageResult['nodeSelf']) => number): string[] => {
    const cells = [name];
    for (const t of [r.nodeSelf, r.chromiumSelf]) {
      const ms = pick(t);
      cells.push(fixed(ms, 0), `${fixed((100 * ms) / t.wallMs, 0)}%`);
    }
    return cells;
  };
  const compressed = r.shape === 'oci';
  const rows = [
    row(compressed ? 'sha256 of stored (gzip) bytes' : 'sha256 of the layer', (t) => t.sha256StoredMs),
    ...(compressed ? [row('sha256 of decoded bytes', (t) => t.sha256DecodedMs)] : []),
    row('tar parse + entry index', (t) => t.tarMs),
    row(
      compressed ? 'read + gunzip + async overhead (rest)' : 'read + async overhead (rest)',
      (t) => t.readAndDecodeMs,
    ),
    row('wall time of the pass', (t) => t.wallMs),
  ];
  return `${r.label} ${r.shape}: self time of each step inside one full pass (hasher alone: Node ${fixed(r.nodeSelf.sha256MBps, 0)} MB/s, Chromium ${fixed(r.chromiumSelf.sha256MBps, 0)} MB/s)\n${textTable(
    ['step', 'Node ms', 'Node %', 'Chromium ms', 'Chromium %'],
    rows,
  )}`;
}

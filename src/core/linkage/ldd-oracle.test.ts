import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOracleFile, type OracleRecord } from '../../../fixtures/linkage/oracle-records';
import { dirImageFs } from '../../cli/testing/dir-image-fs';
import { formatLdd, lddExitCode } from './format-ldd';
import { resolveLinkGraph } from './link-graph';
import { LinkageContext } from './linkage-context';
import { loadExecutable } from './load-executable';

/**
 * The loader emulation against real `LC_ALL=C chroot ROOT ldd [-v] FILE` output recorded by
 * fixtures/linkage/make-oracles.sh. The edge cases run everywhere (their binaries are committed); the whole
 * Debian rootfs only where the script has built fixtures/linkage/.work/rootfs.
 */
const FIXTURES = join(import.meta.dirname, '../../../fixtures/linkage');
const EDGE_ROOT = join(FIXTURES, 'edge/root');
const ROOTFS = join(FIXTURES, '.work/rootfs');
const HAVE_ROOTFS = existsSync(join(ROOTFS, 'usr/bin/curl'));
const BIG_ROOTFS = join(FIXTURES, '.work/big-rootfs');
const BIG_ORACLE = join(FIXTURES, '.work/big-all.txt');
const HAVE_BIG = existsSync(BIG_ORACLE) && existsSync(join(BIG_ROOTFS, 'usr/bin'));
const perBinary = readdirSync(join(FIXTURES, 'oracles'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => readOracleFile(join(FIXTURES, 'oracles', f)));

/** Where glibc itself misbehaves; the emulation reports the intended result instead. */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  'ldd -r /opt/t/bin/nover':
    'glibc 2.36 aborts with a check_match assertion on a versioned reference into a library without versions',
};

async function emulate(
  ctx: LinkageContext,
  record: OracleRecord,
): Promise<{ text: string; exitCode: number }> {
  const result = await loadExecutable(ctx, record.file, { checkSymbols: record.relocations });
  const text = formatLdd(result, { verbose: record.verbose, relocations: record.relocations });
  return { text, exitCode: lddExitCode(result) };
}

const compared = (records: readonly OracleRecord[]) =>
  records.filter((r) => !(r.command in KNOWN_DIFFERENCES));

describe('edge cases and classics against chroot ldd (committed edge root)', () => {
  const ctx = new LinkageContext(dirImageFs(EDGE_ROOT));
  const inEdgeRoot = compared(perBinary).filter((r) => existsSync(join(EDGE_ROOT, r.file)));
  const elsewhere = perBinary.filter((r) => !existsSync(join(EDGE_ROOT, r.file)));

  it.each(inEdgeRoot.map((r) => [r.command, r] as const))('%s', async (_command, record) => {
    expect(await emulate(ctx, record)).toEqual({ text: record.text, exitCode: record.exitCode });
  });

  it.skipIf(HAVE_ROOTFS || elsewhere.length === 0).each(elsewhere.map((r) => [r.command] as const))(
    '%s (skipped: needs libc, run fixtures/linkage/make-oracles.sh to build the rootfs)',
    () => undefined,
  );

  it('lists the known differences with glibc', () => {
    console.log(
      Object.entries(KNOWN_DIFFERENCES)
        .map(([c, why]) => `not compared: ${c}: ${why}`)
        .join('\n'),
    );
    expect(perBinary.filter((r) => r.command in KNOWN_DIFFERENCES)).toHaveLength(1);
  });

  it.runIf(!HAVE_ROOTFS)('says what it skipped', () => {
    console.log(
      `skipped ${elsewhere.length} per-binary records and the rootfs-all comparison: ` +
        'fixtures/linkage/.work/rootfs is absent (build it with fixtures/linkage/make-oracles.sh as root)',
    );
    expect(elsewhere.length).toBeGreaterThan(0);
  });

  it('a symlinked executable takes $ORIGIN from its realpath, as a real exec does', async () => {
    const viaLink = await loadExecutable(ctx, '/opt/t/sub/link');
    const direct = perBinary.find((r) => r.command === 'ldd /opt/t/bin/runpath-origin')!;
    expect(formatLdd(viaLink)).toBe(direct.text);
  });
});

describe.skipIf(!HAVE_ROOTFS)(
  'the Debian 12 rootfs against chroot ldd (fixtures/linkage/.work/rootfs)',
  () => {
    const ctx = new LinkageContext(dirImageFs(ROOTFS));

    it.each(compared(perBinary).map((r) => [r.command, r] as const))('%s', async (_command, record) => {
      expect(await emulate(ctx, record)).toEqual({ text: record.text, exitCode: record.exitCode });
    });

    it.each([
      ['ldd -v', 'rootfs-all.txt.gz'],
      ['ldd -r', 'rootfs-r.txt.gz'],
    ])('every ELF object: %s line for line', async (what, file) => {
      const records = compared(readOracleFile(join(FIXTURES, 'oracles', file)));
      const mismatches: string[] = [];
      for (const record of records) {
        const got = await emulate(ctx, record);
        if (got.text !== record.text || got.exitCode !== record.exitCode) {
          mismatches.push(`${record.command}\n--- expected\n${record.text}--- emulated\n${got.text}`);
        }
      }
      const undefinedLines = records.reduce((n, r) => n + r.text.split('undefined symbol:').length - 1, 0);
      console.log(
        `rootfs: ${records.length - mismatches.length}/${records.length} objects match chroot ${what}` +
          (what === 'ldd -r' ? ` (${undefinedLines} undefined-symbol lines)` : ''),
      );
      expect(records.length).toBeGreaterThan(900);
      expect(mismatches).toEqual([]);
    });

    it('the whole-image graph (measured, not asserted: see the report line)', async () => {
      const started = performance.now();
      const graph = await resolveLinkGraph(dirImageFs(ROOTFS));
      const ms = Math.round(performance.now() - started);
      console.log(
        `rootfs graph: ${graph.nodes.length} ELF files, ${graph.edges.length} edges, ` +
          `${graph.unresolved.length} unresolved, ${ms} ms including the directory walk`,
      );
      const curl = graph.edges.filter((e) => e.from === '/usr/bin/curl').map((e) => e.name);
      expect(curl).toEqual(['libcurl.so.4', 'libz.so.1', 'libc.so.6']);
    });
  },
);

describe.skipIf(!HAVE_BIG)('the bigger rootfs (STRATA_BIG_ROOTFS=1 fixtures/linkage/make-oracles.sh)', () => {
  it('every ELF object: ldd -v line for line', async () => {
    const ctx = new LinkageContext(dirImageFs(BIG_ROOTFS));
    const records = readOracleFile(BIG_ORACLE);
    const mismatches: string[] = [];
    for (const record of records) {
      const got = await emulate(ctx, record);
      if (got.text !== record.text || got.exitCode !== record.exitCode) {
        mismatches.push(`${record.command}\n--- expected\n${record.text}--- emulated\n${got.text}`);
      }
    }
    console.log(
      `big rootfs: ${records.length - mismatches.length}/${records.length} objects match chroot ldd -v`,
    );
    expect(mismatches).toEqual([]);
  });

  it('the whole-image graph (measured, not asserted)', async () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const graph = await resolveLinkGraph(dirImageFs(BIG_ROOTFS));
    const used = process.cpuUsage(cpu);
    console.log(
      `big rootfs graph: ${graph.nodes.length} ELF files, ${graph.loads.size} processes, ` +
        `${Math.round(performance.now() - started)} ms wall, ${Math.round((used.user + used.system) / 1000)} ms CPU ` +
        'including the directory walk',
    );
    expect(graph.nodes.length).toBeGreaterThan(2000);
  });
});

/**
 * `docker save | gzip` and `.tar.zst`: every command answers on a compressed outer archive exactly what it
 * answers on the plain tar, because the one decoding pass keeps the decoded archive in a temporary file
 * (node-env.ts) and later reads are ranged reads of it. The archives are made here from the committed
 * sample and fixtures with the host's gzip and zstd: one gzip member, two concatenated members (what
 * `cat a.gz b.gz` and parallel compressors write), and zstd.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, hasTool } from './testing/run-cli';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'public/samples/sample.tar');
const FIXTURES = join(ROOT, 'fixtures/archives');

let work = '';

type Packer = (plain: string, out: string) => void;

const PACKERS: Record<string, Packer> = {
  gzip: (plain, out) => execFileSync('sh', ['-c', `gzip -c -1 < '${plain}' > '${out}'`]),
  'gzip, two members': (plain, out) => {
    const size = Number(execFileSync('stat', ['-c', '%s', plain]).toString());
    const half = Math.floor(size / 2);
    execFileSync('sh', [
      '-c',
      `{ head -c ${half} '${plain}' | gzip -c -1; tail -c +${half + 1} '${plain}' | gzip -c -1; } > '${out}'`,
    ]);
  },
  zstd: (plain, out) => execFileSync('zstd', ['-q', '-f', '-o', out, plain]),
};

function pack(plain: string, how: string): string {
  const out = join(work, `${plain.split('/').pop()}.${how.replace(/\W+/g, '-')}.packed`);
  PACKERS[how]!(plain, out);
  return out;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'strata-outer-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SAMPLE_COMMANDS: string[][] = [
  ['ldd', '-v', '/usr/bin/curl'],
  ['cat', '/etc/os-release'],
  ['owner', '/usr/bin/curl'],
  ['packages', '--json'],
  ['ls', '-R', '/usr/lib/x86_64-linux-gnu/engines-3'],
  ['diff', '--json'],
  ['graph', '--format', 'dot'],
];

describe.skipIf(!hasTool('zstd'))('commands on a compressed outer archive', () => {
  for (const how of Object.keys(PACKERS)) {
    // Every command on the commonest shape; the others differ only in the decoder of the one pass.
    const commands = how === 'gzip' ? SAMPLE_COMMANDS : SAMPLE_COMMANDS.slice(0, 2);
    describe(how, () => {
      let packed = '';
      beforeAll(() => {
        packed = pack(SAMPLE, how);
      });

      for (const command of commands) {
        it(command.join(' '), async () => {
          const [name, ...rest] = command;
          const path = rest.pop()!;
          const args = (archive: string) =>
            name === 'packages' || name === 'diff' || name === 'graph'
              ? [name, ...rest, path, archive]
              : [name!, ...rest, archive, path];
          const plain = await runCli(args(SAMPLE));
          const compressed = await runCli(args(packed));
          expect(plain.code).toBe(0);
          expect(compressed).toEqual(plain);
        });
      }

      it.runIf(how === 'gzip')('rdeps', async () => {
        const plain = await runCli(['rdeps', 'libssl3', SAMPLE]);
        const compressed = await runCli(['rdeps', 'libssl3', packed]);
        expect(compressed.out.replaceAll(packed, SAMPLE)).toBe(plain.out);
        expect(compressed.code).toBe(plain.code);
      });
    });
  }

  // Layers inside the compressed archive come in every format: gzip, estargz (multi-member), zstd,
  // zstd:chunked, plain. Reading every regular file of the top layer gives the plain tar's bytes.
  const LAYERED = readdirSync(FIXTURES).filter((f) =>
    /^(podman-oci-archive|synthetic-estargz-oci-archive|skopeo-zstd-oci-archive|podman-zstd-chunked-oci-archive|podman-docker-archive)\.tar$/.test(
      f,
    ),
  );
  for (const file of LAYERED) {
    for (const how of file === 'podman-oci-archive.tar' ? ['gzip', 'zstd'] : ['gzip']) {
      it(`${file} inside ${how}: every file's contents`, async () => {
        const plain = join(FIXTURES, file);
        const packed = pack(plain, how);
        const listing = await runCli(['export', '--format', 'json', plain]);
        const { entries } = JSON.parse(listing.out) as {
          entries: { path: string; layer: number; type: string; change: string }[];
        };
        const files = entries.filter((e) => e.type === 'file' && e.change !== 'removed').slice(-8);
        expect(files.length).toBeGreaterThan(0);
        for (const { path, layer } of files) {
          const a = await runCli(['cat', '--layer', String(layer), plain, path]);
          const b = await runCli(['cat', '--layer', String(layer), packed, path]);
          expect(a.code, path).toBe(0);
          expect(b, path).toEqual(a);
        }
      });
    }
  }

  it('leaves no decoded copy behind', async () => {
    const before = readdirSync(tmpdir()).filter(
      (f) => f.startsWith('strata-') && f !== work.split('/').pop(),
    );
    const packed = pack(SAMPLE, 'gzip');
    await runCli(['cat', packed, '/etc/os-release']);
    const after = readdirSync(tmpdir()).filter((f) => f.startsWith('strata-') && f !== work.split('/').pop());
    expect(after.filter((f) => !before.includes(f))).toEqual([]);
  });
});

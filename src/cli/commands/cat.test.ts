import { execFileSync, execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io';
import { main } from '../main';

const ROOT = join(import.meta.dirname, '../../..');
const T3 = join(ROOT, 'fixtures/archives/podman-docker-archive.tar');
const T3_OCI = join(ROOT, 'fixtures/archives/podman-oci-archive.tar');
const SAMPLE = join(ROOT, 'public/samples/sample.tar');
const work = mkdtempSync(join(tmpdir(), 'strata-cat-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number;
  out: string;
  err: string;
  bytes: Uint8Array[];
}

async function run(args: string[], withBytes = true): Promise<Run> {
  const result: Run = { code: 0, out: '', err: '', bytes: [] };
  const io: CliIo = { stdout: (t) => (result.out += t), stderr: (t) => (result.err += t) };
  if (withBytes) io.stdoutBytes = (b) => result.bytes.push(b.slice());
  result.code = await main(args, io);
  return result;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const joined = (parts: Uint8Array[]): Buffer => Buffer.concat(parts);

/** The file as GNU tar extracts it from the sample's base layer blob (mmdebstrap names entries "./usr/…"). */
function extractFromSample(path: string): Buffer {
  const index = JSON.parse(execFileSync('tar', ['-xOf', SAMPLE, 'index.json'], { encoding: 'utf8' })) as {
    manifests: { digest: string }[];
  };
  const blob = (digest: string) => `blobs/sha256/${digest.slice(7)}`;
  const manifest = JSON.parse(
    execFileSync('tar', ['-xOf', SAMPLE, blob(index.manifests[0]!.digest)], { encoding: 'utf8' }),
  ) as { layers: { digest: string }[] };
  const layer = join(work, 'base-layer.tar.gz');
  writeFileSync(
    layer,
    execFileSync('tar', ['-xOf', SAMPLE, blob(manifest.layers[0]!.digest)], { maxBuffer: 1 << 28 }),
  );
  return execFileSync('tar', ['-xzOf', layer, `.${path}`], { maxBuffer: 1 << 28 });
}

describe('strata cat on t:3', () => {
  it('prints a text file through the text sink', async () => {
    expect(await run(['cat', T3, '/etc/motd'])).toEqual({ code: 0, out: 'hi\n', err: '', bytes: [] });
    expect((await run(['cat', T3, '/etc/ünïcödé-名前.txt'], false)).code).toBe(0);
  });

  it('follows a symlink inside the image, and prints what replaced it at the top', async () => {
    expect((await run(['cat', '--layer', '0', T3, '/etc/link'])).out).toBe('hi\n');
    expect((await run(['cat', T3, '/etc/link'])).out).toBe('now a file\n');
  });

  it('reads a hardlink through the version it was linked to', async () => {
    expect((await run(['cat', T3, '/etc/motd.hardlink'])).out).toBe('hi\n');
    expect((await run(['cat', T3, '/etc/motd.hardlink2'])).out).toBe('hi\n');
    // the OCI archive's gzip layers give the same bytes
    expect((await run(['cat', T3_OCI, '/etc/motd.hardlink2'])).out).toBe('hi\n');
  });

  it('reads a file at the layer asked for and no longer at the top', async () => {
    expect((await run(['cat', '--layer', '4', T3, '/etc/d/z'])).out).toBe('z\n');
    expect(await run(['cat', T3, '/etc/d/z'])).toMatchObject({
      code: 1,
      err: 'strata cat: /etc/d/z: no such file in the image at layer 5.\n',
    });
  });

  it('exits 1 with a sentence for a directory, a FIFO, a missing path and a dangling symlink', async () => {
    const sentence = async (args: string[]) => {
      const r = await run(['cat', T3, ...args]);
      expect(r.code).toBe(1);
      return r.err;
    };
    expect(await sentence(['/etc'])).toBe(
      'strata cat: /etc is a directory in the image at layer 5; list it with strata ls.\n',
    );
    expect(await sentence(['/var/fifo'])).toBe(
      'strata cat: /var/fifo is a fifo in the image at layer 5, not a regular file: it has no content to print.\n',
    );
    expect(await sentence(['/nope'])).toBe('strata cat: /nope: no such file in the image at layer 5.\n');
    expect(await sentence(['/bin/sh'])).toBe(
      'strata cat: /bin/sh is a symlink to /bin/busybox, which leads nowhere in the image at layer 5.\n',
    );
    expect((await run(['cat', T3])).code).toBe(2);
  });
});

describe('strata cat of binary files', () => {
  it('writes an ELF binary byte for byte through the byte sink (sample, gzip layer)', async () => {
    const r = await run(['cat', SAMPLE, '/usr/bin/curl']);
    expect({ code: r.code, out: r.out, err: r.err }).toEqual({ code: 0, out: '', err: '' });
    const bytes = joined(r.bytes);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(sha256(bytes)).toBe(sha256(extractFromSample('/usr/bin/curl')));
  });

  it('follows a relative symlink to a binary (/bin/sh -> dash)', async () => {
    const r = await run(['cat', SAMPLE, '/bin/sh']);
    expect(sha256(joined(r.bytes))).toBe(sha256(extractFromSample('/bin/dash')));
  });

  it('refuses binary data when the output takes text only', async () => {
    const r = await run(['cat', SAMPLE, '/usr/bin/curl'], false);
    expect(r).toMatchObject({
      code: 1,
      out: '',
      err: 'strata cat: /usr/bin/curl holds binary data; this output takes text only.\n',
    });
  });

  it('reads a file larger than one 16 MiB read in pieces', async () => {
    const dir = join(work, 'big');
    mkdirSync(join(dir, 'root/data'), { recursive: true });
    const size = 16 * 1024 * 1024 + 12345;
    const content = Buffer.alloc(size);
    for (let i = 0; i < size; i++) content[i] = (i * 31 + (i >> 12)) & 0xff;
    writeFileSync(join(dir, 'root/data/big.bin'), content);
    execSync('tar -cf layer.tar -C root data && gzip -n layer.tar', { cwd: dir });
    const diffId = sha256(execFileSync('gzip', ['-dc', join(dir, 'layer.tar.gz')], { maxBuffer: 1 << 26 }));
    const config = {
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [`sha256:${diffId}`] },
      history: [{ created_by: 'big file' }],
    };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify([{ Config: 'config.json', RepoTags: ['big:1'], Layers: ['layer.tar.gz'] }]),
    );
    execSync('tar -cf ../big.tar manifest.json config.json layer.tar.gz', { cwd: dir });
    const r = await run(['cat', join(work, 'big.tar'), '/data/big.bin']);
    expect(r.code).toBe(0);
    expect(r.bytes.map((b) => b.length)).toEqual([16 * 1024 * 1024, 12345]);
    expect(sha256(joined(r.bytes))).toBe(sha256(readFileSync(join(dir, 'root/data/big.bin'))));
  });
});

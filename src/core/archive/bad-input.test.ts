/**
 * Bad input gets a clear sentence, never a hang or a stack trace (docs/conventions.md#errors-are-sentences).
 * This is the regression list: each bad file and the exact message a user sees.
 */
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeEnv } from '../../cli/node-env';
import { ArchiveSession } from '../session/archive-session';
import { memorySource } from '../io/byte-source';
import { buildTar, type BuildEntry } from '../testing/tar-builder';
import { scanOuter } from './outer-scan';
import { ArchiveError } from './archive-error';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const layerA = buildTar([{ name: 'a.txt', data: 'a'.repeat(3000) }]);
const layerB = buildTar([{ name: 'b.txt', data: 'b'.repeat(3000) }]);

function config(layers: Uint8Array[]): string {
  return JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: layers.map((l) => `sha256:${sha(l)}`) },
    history: layers.map((_, i) => ({ created_by: `step ${i + 1}` })),
  });
}

function dockerArchive(
  layers: Uint8Array[],
  extra: Partial<{ Config: string; Layers: string[] }> = {},
  entries: BuildEntry[] = [],
): Uint8Array {
  const manifest = [
    {
      Config: 'config.json',
      RepoTags: ['localhost/bad:1'],
      Layers: layers.map((_, i) => `layer${i}.tar`),
      ...extra,
    },
  ];
  return buildTar([
    { name: 'manifest.json', data: JSON.stringify(manifest) },
    { name: 'config.json', data: config(layers) },
    ...entries,
    ...layers.map((l, i) => ({ name: `layer${i}.tar`, data: l })),
  ]);
}

async function openError(bytes: Uint8Array): Promise<string> {
  try {
    await ArchiveSession.open(memorySource(bytes), nodeEnv);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'opened';
}

async function layerResults(bytes: Uint8Array): Promise<{ warnings: readonly string[]; layers: string[] }> {
  const session = await ArchiveSession.open(memorySource(bytes), nodeEnv);
  const image = session.info.images[0]!;
  await session.indexImage(image);
  return {
    warnings: session.info.warnings,
    layers: image.layers.map((l) => `${session.status(l).state}: ${session.status(l).error ?? ''}`),
  };
}

describe('bad input: the message a user sees', () => {
  it('a 0-byte file', async () => {
    expect(await openError(new Uint8Array(0))).toBe('The file is empty (0 bytes).');
  });

  it('a file that is not a tar', async () => {
    expect(await openError(new TextEncoder().encode('PNG? no. just text.\n'.repeat(100)))).toBe(
      'This file is not an image archive: it is neither a tar nor a compressed tar.',
    );
  });

  it('a gzip file that does not hold a tar', async () => {
    expect(await openError(gzipSync(Buffer.from('hello '.repeat(500))))).toBe(
      'This file is not an image archive: it is neither a tar nor a compressed tar.',
    );
  });

  it('a tar that holds no image', async () => {
    expect(await openError(buildTar([{ name: 'notes.txt', data: 'hi' }]))).toBe(
      'This tar archive holds no container image: it has neither manifest.json nor an OCI index.json.',
    );
  });

  it('an xz-compressed archive', async () => {
    expect(await openError(new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0, 1, 2, 3]))).toBe(
      'The file is xz-compressed; decompress it first (for example with xz -d) and open the .tar.',
    );
  });

  it('manifest.json that is not JSON', async () => {
    expect(await openError(buildTar([{ name: 'manifest.json', data: '{nope' }]))).toBe(
      'The manifest.json is not valid JSON.',
    );
  });

  it('a manifest pointing outside the archive', async () => {
    expect(await openError(dockerArchive([layerA], { Config: '../../etc/passwd' }))).toBe(
      'manifest.json item 1 points outside the archive (../../etc/passwd).',
    );
  });

  it('a config that is missing', async () => {
    expect(await openError(dockerArchive([layerA], { Config: 'nowhere.json' }))).toBe(
      'The image config nowhere.json is missing from the archive.',
    );
  });

  it('an absurdly large metadata file', async () => {
    const huge = buildTar([
      { name: 'manifest.json', data: JSON.stringify([{ Config: 'config.json', Layers: [] }]) },
      { name: 'config.json', data: ' '.repeat(33 * 1024 * 1024) },
    ]);
    expect(await openError(huge)).toBe('config.json is 34,603,008 bytes, too large for image metadata.');
  });

  it('absurd entry counts', async () => {
    const many = buildTar(Array.from({ length: 50 }, (_, i) => ({ name: `f${i}`, data: '' })));
    await expect(scanOuter(memorySource(many), nodeEnv, { maxEntries: 10 })).rejects.toThrow(
      'The archive has more than 10 entries; that is not an image archive.',
    );
  });

  it('a missing layer blob: that layer is marked, the rest usable', async () => {
    const result = await layerResults(
      dockerArchive([layerA, layerB], { Layers: ['layer0.tar', 'gone.tar'] }),
    );
    expect(result.layers).toEqual(['done: ', 'absent: the archive has no gone.tar']);
  });

  it('a layer symlink pointing outside the archive', async () => {
    const bytes = dockerArchive([layerA], { Layers: ['evil/layer.tar'] }, [
      { name: 'evil/layer.tar', type: '2', linkname: '../../../../etc/shadow' },
    ]);
    expect((await layerResults(bytes)).layers).toEqual(['absent: the archive has no evil/layer.tar']);
  });

  it('corrupt gzip in one layer: that layer failed with the reason, the rest usable', async () => {
    const gz = gzipSync(layerB);
    gz.fill(0x55, 40, 80);
    const patched = buildTar([
      {
        name: 'manifest.json',
        data: JSON.stringify([{ Config: 'config.json', Layers: ['layer0.tar', 'layer1.tar.gz'] }]),
      },
      { name: 'config.json', data: config([layerA, layerB]) },
      { name: 'layer0.tar', data: layerA },
      { name: 'layer1.tar.gz', data: gz },
    ]);
    const result = await layerResults(patched);
    expect(result.layers[0]).toBe('done: ');
    expect(result.layers[1]).toMatch(/^failed: The gzip data is corrupt or ends early \(.+\)\.$/);
  });

  it('a truncated archive: the layers before the cut are shown, and where it ends', async () => {
    const whole = dockerArchive([layerA, layerB]);
    const cut = whole.subarray(0, whole.length - 2500);
    const result = await layerResults(cut);
    expect(result.warnings).toEqual([
      `The archive is truncated: it ends at byte ${cut.length.toLocaleString('en')}. Layers stored past that point cannot be read.`,
    ]);
    expect(result.layers).toEqual([
      'done: ',
      `failed: This layer is cut off: the archive ends at byte ${cut.length.toLocaleString('en')}, inside it.`,
    ]);
  });

  it('a truncated archive cut before its manifest', async () => {
    const whole = buildTar([
      { name: 'layer0.tar', data: layerA },
      { name: 'manifest.json', data: '[]' },
    ]);
    expect(await openError(whole.subarray(0, 2000))).toBe(
      'The archive is truncated at byte 2,000, before its manifest; nothing can be shown.',
    );
  });

  it('a truncated gzip archive', async () => {
    const gz = gzipSync(dockerArchive([layerA, layerB]));
    expect(await openError(gz.subarray(0, gz.length - 100))).toMatch(
      /^The archive's gzip compression is damaged: The gzip data is corrupt or ends early \(.+\)\.$/,
    );
  });
});

/** The page says these in the user's language by the sentence's name; the CLI prints the English message. */
describe('bad input: each sentence is named for the page', () => {
  async function openSentence(bytes: Uint8Array): Promise<unknown> {
    try {
      await ArchiveSession.open(memorySource(bytes), nodeEnv);
    } catch (error) {
      return error instanceof ArchiveError ? [error.code, error.sentence] : error;
    }
    return 'opened';
  }

  it('names the sentence and its parameters next to the English message', async () => {
    const truncated = buildTar([
      { name: 'layer0.tar', data: layerA },
      { name: 'manifest.json', data: '[]' },
    ]).subarray(0, 2000);
    const results = await Promise.all(
      [
        new Uint8Array(0),
        new TextEncoder().encode('PNG? no. just text.\n'.repeat(100)),
        buildTar([{ name: 'notes.txt', data: 'hi' }]),
        new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0, 1, 2, 3]),
        dockerArchive([layerA], { Config: '../../etc/passwd' }),
        dockerArchive([layerA], { Config: 'nowhere.json' }),
        truncated,
      ].map(openSentence),
    );
    expect(results).toEqual([
      ['empty', { name: 'file-empty', params: {} }],
      ['not-a-tar', { name: 'not-a-tar', params: {} }],
      ['not-an-image', { name: 'not-an-image', params: {} }],
      ['unsupported-compression', { name: 'compressed-with', params: { compression: 'xz', tool: 'xz -d' } }],
      ['bad-metadata', { name: 'manifest-outside', params: { item: 1, path: '../../etc/passwd' } }],
      ['missing-blob', { name: 'config-missing', params: { path: 'nowhere.json' } }],
      ['truncated', { name: 'truncated-before-manifest', params: { at: 2000 } }],
    ]);
  });
});

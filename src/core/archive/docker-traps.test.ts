/**
 * docker-archive traps built in memory (docs/archive-formats.md#traps): symlinked duplicate layers, null
 * RepoTags, missing history.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeEnv } from '../../cli/node-env';
import { ArchiveSession } from '../session/archive-session';
import { historyRows } from '../session/history-view';
import { memorySource } from '../io/byte-source';
import { buildTar } from '../testing/tar-builder';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const layer = buildTar([{ name: 'same.txt', data: 'same' }]);

describe('docker-archive traps', () => {
  it('reads a layer that a later entry repeats as a symlink, and rows without history', async () => {
    const config = JSON.stringify({
      os: 'linux',
      architecture: 'amd64',
      rootfs: { type: 'layers', diff_ids: [`sha256:${sha(layer)}`, `sha256:${sha(layer)}`] },
      history: [{ created_by: 'only one step', created: '2024-01-01T00:00:00Z' }],
    });
    const bytes = buildTar([
      { name: 'aaa/', type: '5' },
      { name: 'aaa/layer.tar', data: layer },
      { name: 'bbb/', type: '5' },
      // Docker writes a layer that repeats once and links the later copy to it
      // (docs/archive-formats.md#docker-24-and-earlier).
      { name: 'bbb/layer.tar', type: '2', linkname: '../aaa/layer.tar' },
      { name: 'cfg.json', data: config },
      {
        name: 'manifest.json',
        data: JSON.stringify([
          { Config: 'cfg.json', RepoTags: null, Layers: ['aaa/layer.tar', 'bbb/layer.tar'] },
        ]),
      },
      { name: 'repositories', data: '{}' },
    ]);
    const session = await ArchiveSession.open(memorySource(bytes), nodeEnv);
    const image = session.info.images[0]!;
    expect(image.rawNames).toEqual([]);
    expect(image.layers.map((l) => l.blobPath)).toEqual(['aaa/layer.tar', 'aaa/layer.tar']);
    await session.indexImage(image);
    const rows = historyRows(session, image);
    expect(rows.map((r) => [r.createdBy, r.size, r.verified])).toEqual([
      ['(no history)', layer.length, true],
      ['only one step', layer.length, true],
    ]);
  });

  it('names the sentence of each warning about its metadata, in the order of the English', async () => {
    const config = JSON.stringify({
      os: 'linux',
      architecture: 'amd64',
      rootfs: { type: 'layers', diff_ids: [`sha256:${sha(layer)}`, `sha256:${sha(layer)}`] },
      history: [{ created_by: 'one' }, { created_by: 'two' }, { created_by: 'three' }],
    });
    const bytes = buildTar([
      { name: 'aaa/layer.tar', data: layer },
      { name: 'cfg.json', data: config },
      { name: 'manifest.json', data: JSON.stringify([{ Config: 'cfg.json', Layers: ['aaa/layer.tar'] }]) },
    ]);
    const session = await ArchiveSession.open(memorySource(bytes), nodeEnv);
    const image = session.info.images[0]!;
    expect(image.warnings).toEqual([
      'The config lists 2 layers but manifest.json lists 1.',
      'The history lists more layer-making steps than the image has layers.',
    ]);
    expect(image.warningSentences).toEqual([
      { name: 'image-layer-count', params: { config: 2, manifest: 1 } },
      { name: 'history-extra-steps', params: {} },
    ]);
  });
});

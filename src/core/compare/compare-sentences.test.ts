/**
 * A comparison's warnings keep the sentences they quote by name: the English the CLI prints and the sentence
 * the page says are the same warning, whatever it quotes (a layer's error, its state, a package reader's error).
 */
import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../image/model';
import { buildLayerStack } from '../layers/layer-stack';
import { packageError } from '../packages/package-sentences';
import type { ArchiveSession, LayerStatus } from '../session/archive-session';
import { buildCompareReport } from './compare-report';
import { layersRead, type CompareSide } from './compare-side';
import { renderCompareSaid } from './compare-sentences';

const status = (s: Partial<LayerStatus>): LayerStatus => ({
  state: 'done',
  index: undefined,
  error: undefined,
  verified: null,
  warnings: [],
  decodedBytes: 0,
  readBytes: 0,
  ...s,
});

const STATUSES: LayerStatus[] = [
  status({}),
  status({
    state: 'failed',
    error: "This layer's tar is damaged: The tar header at byte 1,024 is corrupt (bad checksum).",
    errorSentence: { name: 'layer-tar-bad-checksum', params: { at: 1024 } },
  }),
  status({ state: 'failed', error: 'strata ran out of memory.' }),
  status({ state: 'absent' }),
  status({
    state: 'absent',
    error: 'the archive has no blobs/sha256/ab',
    errorSentence: { name: 'absent-no-file', params: { path: 'blobs/sha256/ab' } },
  }),
];

const image = {
  id: `sha256:${'a'.repeat(64)}`,
  rawNames: ['app:1'],
  config: {},
  layers: STATUSES.map((_, index) => ({ index, diffId: `sha256:${String(index).repeat(64)}` })),
} as unknown as ImageRecord;

const session = {
  status: (layer: { index: number }) => STATUSES[layer.index]!,
} as unknown as ArchiveSession;

describe("a comparison's warnings", () => {
  const read = layersRead(session, image);

  it('name each layer compared as empty, with the sentence of its error', () => {
    expect(read.warnings).toHaveLength(4);
    expect(read.warningSentences.map(renderCompareSaid)).toEqual(read.warnings);
    expect(read.warningSentences[0]).toEqual({
      book: 'compareSentences',
      name: 'layer-empty',
      params: {
        n: 1,
        why: { book: 'errors', name: 'layer-tar-bad-checksum', params: { at: 1024 } },
      },
    });
    expect(read.warningSentences[1]?.params['why']).toBe('strata ran out of memory.');
    expect(read.warningSentences[2]?.params['why']).toEqual({
      book: 'compareSentences',
      name: 'layer-absent',
      params: {},
    });
  });

  it("say each side's warning after its image's name, the quoted sentence kept inside", () => {
    const unreadable = packageError('at-path', {
      path: '/var/lib/rpm/Packages',
      problem: packageError('bdb-encrypted').said,
    });
    const side = (name: string): CompareSide => ({
      image,
      name,
      size: 0,
      stack: buildLayerStack([[]]),
      packageDbs: [],
      linkGraph: { nodes: [], edges: [], unresolved: [], loads: new Map() },
      warnings: [...read.warnings, `A package database cannot be read: ${unreadable.message}`, 'as written'],
      warningSentences: [
        ...read.warningSentences,
        { book: 'compareSentences', name: 'package-db-unreadable', params: { error: unreadable.said } },
      ],
    });
    const report = buildCompareReport(side('old:1'), side('new:1'), {
      engine: null,
      version: '0',
      date: '2026-01-01',
    });
    expect(report.warningSentences.map(renderCompareSaid)).toEqual(report.warnings);
    expect(report.warnings[4]).toBe(
      'old:1 (old): A package database cannot be read: /var/lib/rpm/Packages: The Berkeley DB database is encrypted; strata cannot read it.',
    );
    expect(report.warningSentences[11]).toEqual({
      book: 'compareSentences',
      name: 'side-new',
      params: { name: 'new:1', warning: 'as written' },
    });
  });
});

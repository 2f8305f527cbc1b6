/** Applying a layer warns by sentence name too: the English `strata diff` prints is the sentence's English. */
import { describe, expect, it } from 'vitest';
import { dir, file, hardlink } from './layer-builders';
import { renderLayerSaid } from './layer-sentences';
import { buildLayerStack } from './layer-stack';

describe('layer warnings', () => {
  it('carry their sentences by name, the same English as their message', () => {
    const stack = buildLayerStack([[dir('/etc'), file('/etc/.wh.', 0)], [hardlink('/nowhere', '/missing')]]);
    expect(stack.warnings.map((w) => w.said)).toEqual([
      { book: 'layerSentences', name: 'whiteout-no-name', params: {} },
      { book: 'layerSentences', name: 'hardlink-broken', params: { target: '/missing' } },
    ]);
    expect(stack.warnings.map((w) => renderLayerSaid(w.said!))).toEqual(stack.warnings.map((w) => w.message));
  });
});

/** The page's URL: the compared images round-trip through v=2, and older links still open. */
import { describe, expect, it } from 'vitest';
import { useStore, type StoreState } from '../state/store';
import { decodeLink, encodeLink } from './page-link';

const id = (c: string) => `sha256:${c.repeat(64)}`;
const image = { imageId: id('a'), name: 'localhost/app:2' };

function state(patch: Partial<StoreState>): StoreState {
  return { ...useStore.getState(), view: 'compare', ...patch };
}

describe('page link', () => {
  it('names the old and new images of the Compare view, and reads them back', () => {
    const hash = encodeLink(
      state({
        compareOld: { imageId: id('b'), name: 'localhost/app:1' },
        compareNew: { imageId: id('a'), name: '' },
      }),
      image,
    );
    expect(hash).toContain(`old=${encodeURIComponent(id('b'))}`);
    const link = decodeLink(hash);
    expect(link).toMatchObject({
      version: 2,
      imageId: id('a'),
      view: 'compare',
      compareOld: { imageId: id('b'), name: 'localhost/app:1' },
      compareNew: { imageId: id('a'), name: '' },
    });
  });

  it('leaves the pair out until one is picked, and reads a link without it as no pair', () => {
    const hash = encodeLink(state({ compareOld: null, compareNew: null }), image);
    expect(hash).not.toContain('old=');
    expect(decodeLink(hash)).toMatchObject({ compareOld: null, compareNew: null });
  });

  it('ignores a compared image that is not an image id', () => {
    const link = decodeLink(`#v=2&image=${id('a')}&view=compare&old=latest&new=${id('c')}`);
    expect(link).toMatchObject({ compareOld: null, compareNew: { imageId: id('c'), name: '' } });
  });

  it('still opens links written before the pair was part of them', () => {
    expect(decodeLink(`#v=2&image=${id('a')}&view=files&layer=1`)).toMatchObject({
      view: 'files',
      layer: 1,
      compareOld: null,
    });
    expect(decodeLink(`#v=1&image=${id('a')}&view=graph`)).toMatchObject({ version: 1, view: 'graph' });
  });

  it('applying a link sets the pair, and a link without one clears it', () => {
    const s = useStore.getState();
    s.setPendingShare(
      decodeLink(`#v=2&image=${id('a')}&view=compare&old=${id('b')}&oldname=x&new=${id('a')}`),
    );
    s.applyPendingShare();
    expect(useStore.getState()).toMatchObject({
      view: 'compare',
      compareOld: { imageId: id('b'), name: 'x' },
      compareNew: { imageId: id('a'), name: '' },
    });
    s.setPendingShare(decodeLink(`#v=2&image=${id('a')}&view=files`));
    s.applyPendingShare();
    expect(useStore.getState()).toMatchObject({ compareOld: null, compareNew: null });
  });
});

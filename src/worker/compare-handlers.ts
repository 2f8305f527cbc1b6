/**
 * The Compare view's request: two open images, each read through its archive's views, compared in the core,
 * the linkage change laid out by the same Graphviz module as the linkage picture.
 */
import { buildCompareReport, compareSideFromViews } from '../core';
import type { HandlerTable } from './handler-types';
import { dotEngine, footerFacts } from './picture-engine';

export function compareHandlers(): HandlerTable<'compare'> {
  return {
    compare: async (request, { archives }) => {
      const before = archives.image(request.old);
      const after = archives.image(request.new);
      const oldSide = await compareSideFromViews(before.views, before.image);
      const newSide = await compareSideFromViews(after.views, after.image);
      return buildCompareReport(oldSide, newSide, {
        engine: await dotEngine(),
        ...footerFacts(),
        ...(request.words ? { words: request.words } : {}),
      });
    },
  };
}

/** One call from a source to a placed picture: focused (what X loads, what loads X) or the whole image. */
import { focusGraph, type FocusOptions } from './focus';
import { layoutPicture, type DotEngine } from './layout';
import { overviewGraph, overviewLists } from './overview';
import type { Picture, PictureSource } from './picture-types';
import type { SideList } from './svg';

export interface PictureRequest extends FocusOptions {
  /** The focused object's key; null for the whole image. */
  readonly focus: string | null;
}

export interface BuiltPicture {
  readonly picture: Picture;
  /** The ranked lists beside the overview; empty for a focused picture. */
  readonly side: readonly SideList[];
}

/** null when `focus` names no object of the source. */
export function buildPicture(
  source: PictureSource,
  request: PictureRequest,
  engine: DotEngine,
): BuiltPicture | null {
  if (request.focus === null)
    return {
      // On the overview, `unfold` names the groups opened into their objects.
      picture: layoutPicture(overviewGraph(source, request.unfold ?? [], request.words), engine),
      side: overviewLists(source, request.words),
    };
  const graph = focusGraph(source, request.focus, request);
  return graph === null ? null : { picture: layoutPicture(graph, engine), side: [] };
}

/**
 * Every export of one picture at once, for the page: the worker makes them next to the layout, so the page
 * shows and downloads exactly the files the CLI writes (same SVG, DOT, Mermaid and Markdown code).
 */
import type { MermaidResult } from '../mermaid';
import { pictureDot } from './dot';
import type { Picture, PictureMeta } from './picture-types';
import type { SideList } from './svg';
import { writeSvg } from './svg';
import { pictureMarkdown, pictureMermaid } from './text-exports';
import { pictureFileName, pictureTitle } from './title';

export interface PictureExports {
  readonly title: string;
  /** The file name without extension, e.g. `strata-sample_1-curl-loads`. */
  readonly fileBase: string;
  readonly svg: { readonly light: string; readonly dark: string };
  readonly dot: string;
  readonly mermaid: MermaidResult;
  readonly markdown: string;
}

export function pictureExports(
  picture: Picture,
  meta: PictureMeta,
  side: readonly SideList[],
): PictureExports {
  return {
    title: pictureTitle(meta),
    fileBase: pictureFileName(meta, '').replace(/\.$/, ''),
    svg: {
      light: writeSvg(picture, meta, { theme: 'light', side }),
      dark: writeSvg(picture, meta, { theme: 'dark', side }),
    },
    dot: pictureDot(picture.graph, meta),
    mermaid: pictureMermaid(picture.graph, meta),
    markdown: pictureMarkdown(picture.graph, meta),
  };
}

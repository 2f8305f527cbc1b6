/** The linkage picture: what the page, the worker and the CLI use of it. */
export type * from './picture-types';
export { buildPicture, type BuiltPicture, type PictureRequest } from './picture';
export { focusGraph, type FocusOptions } from './focus';
export { layoutPicture, type DotEngine } from './layout';
export { overviewGraph, overviewLists } from './overview';
export { pictureSource, basename as pictureBasename } from './source';
export { findObject, searchObjects, type FindResult } from './find';
export { writeSvg, type SideList, type SvgOptions } from './svg';
export { pictureDot } from './dot';
export { pictureMarkdown, pictureMermaid, pictureTree } from './text-exports';
export { pictureFileName, pictureFooter, pictureSubtitle, pictureTitle, layerText, shortId } from './title';
export { colouring, LAYER_FILLS, PALETTES } from './colors';
export { pictureLegend, type LegendEntry } from './legend';
export { PICTURE_WORDS, type PictureWordName, type PictureWords } from './words';
export { pictureExports, type PictureExports } from './exports';
export type { MermaidResult } from '../mermaid';

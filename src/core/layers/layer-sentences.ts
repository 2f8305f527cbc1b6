/**
 * The English sentences of applying a layer over the ones below it (whiteouts, the root, hard links), by a
 * stable name. The page's catalogues hold the same names under `layerSentences`; the CLI prints the English
 * (`strata diff`). Names are a contract between the worker and the page: add, never rename.
 */
import { sentenceBook } from '../model/said';

export const LAYER_SENTENCES = {
  'whiteout-no-name': 'A whiteout marker without a name (".wh.") is invalid and was ignored.',
  'root-not-dir': 'The root entry is not a directory and was ignored.',
  'hardlink-broken': 'The hardlink target {{target}} is not in this layer or below it.',
} as const;

export type LayerSentenceName = keyof typeof LAYER_SENTENCES;

export const LAYER_BOOK = 'layerSentences';

const LAYER = sentenceBook<LayerSentenceName>(LAYER_BOOK, LAYER_SENTENCES);
export const layerSaid = LAYER.say;
export const renderLayerSaid = LAYER.render;

/** Results of the Files view: tree pages, change summaries, search, path history, contents, waste. */
export type {
  ChangeCounts,
  FileContent,
  PathEvent,
  SearchHitView,
  SearchView,
  TreeResult,
  TreeScope,
  WasteView,
} from '../core';

/** Results of the Files view: tree pages, change summaries, search, path history, contents, waste. */
export type {
  ChangeCounts,
  ContentKind,
  FileContent,
  PathEvent,
  SearchMatch,
  SearchMatches,
  TreeResult,
  TreeScope,
  WasteSummary,
} from '../core';

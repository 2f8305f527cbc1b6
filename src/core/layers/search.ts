/**
 * Path search over the merged tree at one layer, or over every path any layer ever had ("all",
 * which finds files a later layer deleted: the usual "where did my 2 GB go" question).
 */
import type { SearchHit, SearchQuery, SearchResult } from './layer-types';
import { toNode } from './classify';
import { compileGlob } from './glob';
import { ROOT, type PathTable, type Version } from './path-table';

export class SearchQueryError extends Error {
  override name = 'SearchQueryError';
}

function compileMatcher(query: SearchQuery): (path: string) => boolean {
  const sensitive = query.caseSensitive === true;
  switch (query.mode) {
    case 'substring': {
      const needle = sensitive ? query.text : query.text.toLowerCase();
      return sensitive ? (p) => p.includes(needle) : (p) => p.toLowerCase().includes(needle);
    }
    case 'glob': {
      const glob = compileGlob(query.text, sensitive);
      return (p) => glob.matches(p);
    }
    case 'regex': {
      let regex: RegExp;
      try {
        regex = new RegExp(query.text, sensitive ? 'u' : 'iu');
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new SearchQueryError(`The search pattern is not a valid regular expression (${reason}).`);
      }
      return (p) => regex.test(p);
    }
  }
}

function lastPresent(table: PathTable, id: number): Version | undefined {
  const stack = table.versionsOf(id);
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.present) return stack[i];
  return undefined;
}

/** Throws SearchQueryError (with a sentence for the user) when a regex does not compile. */
export function searchPaths(
  table: PathTable,
  topLayer: number,
  layer: number | 'all',
  query: SearchQuery,
  limit: number,
): SearchResult {
  const matches = compileMatcher(query);
  const hits: SearchHit[] = [];
  let truncated = false;
  for (let id = 0; id < table.size; id++) {
    if (id === ROOT) continue;
    const version = layer === 'all' ? lastPresent(table, id) : table.versionAt(id, layer);
    if (version?.present !== true) continue;
    const path = table.paths[id]!;
    if (!matches(path)) continue;
    if (hits.length >= limit) {
      truncated = true;
      break;
    }
    const inFinal = table.presentAt(id, topLayer);
    hits.push({ path, node: toNode(path, version), inFinal });
  }
  hits.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { hits, truncated };
}

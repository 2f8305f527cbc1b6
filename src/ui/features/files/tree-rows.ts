/**
 * Flattening the expanded part of a tree into the rows a virtual list draws: the root's page, then
 * under each expanded directory its own page, depth-first. Pages come from the worker per directory.
 */
import type { TreeRow } from '../../../protocol/messages';
import type { TreeResult } from '../../../protocol/files';

export interface FlatRow {
  readonly key: string;
  readonly depth: number;
  readonly row?: TreeRow;
  /** A "more entries" row: the directory and how many are not shown. */
  readonly more?: { readonly dir: string; readonly hidden: number };
}

export function flatten(
  expanded: ReadonlySet<string>,
  pages: ReadonlyMap<string, TreeResult | undefined>,
): FlatRow[] {
  const rows: FlatRow[] = [];
  const walk = (dir: string, depth: number) => {
    const result = pages.get(dir);
    if (!result) return;
    for (const row of result.page.rows) {
      rows.push({ key: row.path, depth, row });
      if (row.hasChildren && expanded.has(row.path)) walk(row.path, depth + 1);
    }
    const hidden = result.page.total - result.page.offset - result.page.rows.length;
    if (hidden > 0) rows.push({ key: `${dir}\u0000more`, depth, more: { dir, hidden } });
  };
  walk('/', 0);
  return rows;
}

/** Bulk inserts that read the same on PGlite and a server: rows as one JSON parameter per few thousand. */
import type { Sql } from './sql';

const BATCH = 4000;

/**
 * Inserts `rows` into `table`, each with `key` (a column and its value, the same for every row) and the
 * `columns` named with their SQL types. One statement per batch instead of one per row.
 */
export async function insertRows(
  sql: Sql,
  table: string,
  key: readonly [string, string | number],
  rows: readonly object[],
  columns: Record<string, string>,
): Promise<void> {
  const names = Object.keys(columns);
  const record = names.map((c) => `${c} ${columns[c]!}`).join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    await sql.query(
      `INSERT INTO ${table} (${key[0]}, ${names.join(', ')})
       SELECT $1, ${names.map((c) => `r.${c}`).join(', ')} FROM jsonb_to_recordset($2::jsonb) AS r(${record})`,
      [key[1], JSON.stringify(rows.slice(i, i + BATCH))],
    );
  }
}

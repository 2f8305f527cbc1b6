/** Opening the index named by --db: created (and migrated) for indexing, required to exist for queries. */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { migrate } from './migrations';
import { DEFAULT_DB, isServerUrl, openSql, type OpenedSql } from './sql';

export async function openIndex(spec: string | undefined, mode: 'write' | 'read'): Promise<OpenedSql> {
  const db = spec ?? DEFAULT_DB;
  if (mode === 'read' && !isServerUrl(db) && db !== ':memory:') {
    const info = await stat(resolve(db)).catch(() => undefined);
    if (info === undefined)
      throw new Error(`There is no index at ${db}: build one with strata index --db ${db} ARCHIVE…`);
  }
  const sql = await openSql(db);
  try {
    await migrate(sql);
  } catch (error) {
    await sql.close();
    throw error;
  }
  return sql;
}

/**
 * Versioned schema: numbered migrations applied in order, each once, recorded in
 * schema_migrations. Several workers may start at once against one server, so the whole run holds
 * a transaction-scoped advisory lock: one applies, the others wait and then find nothing to do.
 */
import { MIGRATION_0001 } from './migrations/0001-initial';
import type { Sql } from './sql';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', sql: MIGRATION_0001 }];

/** The schema version this build reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** An arbitrary constant naming strata's migration lock among the server's advisory locks. */
const MIGRATION_LOCK = 7_331_401;

/** Brings the schema up to SCHEMA_VERSION; returns the versions applied in this call. */
export async function migrate(sql: Sql): Promise<number[]> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    if (newest > SCHEMA_VERSION)
      throw new Error(
        `The index has schema version ${newest}, newer than this strata reads (${SCHEMA_VERSION}); upgrade strata.`,
      );
    const done: number[] = [];
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      done.push(m.version);
    }
    return done;
  });
}

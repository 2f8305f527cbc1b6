/**
 * One query interface over both engines the index runs on: an embedded PostgreSQL (PGlite, a
 * directory on disk, nothing to install) and a PostgreSQL server (`postgres://…`, node-postgres).
 * The schema and every statement are the same on both; only opening and transactions differ.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

export interface Sql {
  /** One statement with $1… parameters; rows as objects. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
  /** `fn` runs in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenedSql extends Sql {
  readonly engine: 'pglite' | 'postgres';
  /** What the user named: the directory (absolute) or the URL without its password. */
  readonly label: string;
  /** The server's connection string; null for an embedded index. */
  readonly url: string | null;
}

/** The default index: `.strata-index/` in the working directory. */
export const DEFAULT_DB = '.strata-index';

export function isServerUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//.test(spec);
}

function withoutPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

async function openServer(url: string): Promise<OpenedSql> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // A server that is down or refuses us is one sentence, not a stack trace from the first query.
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end();
    throw new Error(
      `Cannot connect to PostgreSQL at ${withoutPassword(url)}: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  const onClient = (client: { query: InstanceType<typeof pg.Pool>['query'] }): Sql => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await client.query(text, params as unknown[])).rows as T[];
    },
    async exec(text) {
      await client.query(text);
    },
    transaction: (fn) => fn(onClient(client)),
    close: () => Promise.resolve(),
  });
  return {
    engine: 'postgres',
    label: withoutPassword(url),
    url,
    ...onClient(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(onClient(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

type PgliteLike = Pick<import('@electric-sql/pglite').Transaction, 'query' | 'exec'>;

async function openEmbedded(dir: string | null): Promise<OpenedSql> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dir !== null) await mkdir(dir, { recursive: true });
  const db = dir === null ? new PGlite() : new PGlite(dir);
  await db.waitReady;
  const on = (target: PgliteLike): Omit<Sql, 'transaction' | 'close'> => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await target.query<T>(text, params as unknown[])).rows;
    },
    async exec(text) {
      await target.exec(text);
    },
  });
  const inTx = (tx: PgliteLike): Sql => ({
    ...on(tx),
    // PGlite has one connection: a nested transaction simply joins the outer one.
    transaction: (fn) => fn(inTx(tx)),
    close: () => Promise.resolve(),
  });
  return {
    engine: 'pglite',
    label: dir ?? '(in memory)',
    url: null,
    ...on(db),
    transaction: (fn) => db.transaction((tx) => fn(inTx(tx))),
    close: () => db.close(),
  };
}

/**
 * `postgres://…` opens a server; anything else is a directory holding an embedded index (created
 * when missing). `:memory:` is an embedded index that lives only as long as the process (tests).
 */
export function openSql(spec: string): Promise<OpenedSql> {
  if (isServerUrl(spec)) return openServer(spec);
  return openEmbedded(spec === ':memory:' ? null : resolve(spec));
}

/**
 * rpm's sqlite backend `rpmdb.sqlite` (RHEL 9, Fedora 33+, CBL-Mariner): table `Packages` with
 * `hnum` and `blob` (the header); the other tables are indexes and are not needed. sql.js runs
 * SQLite as WebAssembly; where its .wasm comes from differs between Node, the browser worker and
 * the bundler, so the caller injects it (`wasmBinary` bytes or a `locateFile` function).
 */
import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';
import { applySqliteWal } from './sqlite-wal';
import { packageError } from './package-sentences';

export interface SqliteOptions {
  /** The bytes of sql.js's `sql-wasm.wasm`. */
  readonly wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where sql.js should fetch its wasm from, e.g. a URL made by the bundler. */
  readonly locateFile?: (file: string) => string;
}

export interface SqliteBlobs {
  readonly blobs: readonly { readonly hnum: number; readonly blob: Uint8Array }[];
  readonly walFramesApplied: number;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

export function isSqlite(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  for (let i = 0; i < 16; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

// One SQLite runtime per injected wasm source: instantiating the module is the slow part.
const runtimes = new WeakMap<object, Promise<SqlJsStatic>>();

function loadSqlJs(options: SqliteOptions): Promise<SqlJsStatic> {
  const key = options.wasmBinary ?? options.locateFile ?? options;
  let runtime = runtimes.get(key);
  if (runtime === undefined) {
    // sql.js prints its own start-up failures; they come back here as one sentence instead.
    const quiet = (): void => undefined;
    const config: Parameters<typeof initSqlJs>[0] & { print?: () => void; printErr?: () => void } = {
      print: quiet,
      printErr: quiet,
    };
    if (options.wasmBinary !== undefined) config.wasmBinary = toArrayBuffer(options.wasmBinary);
    if (options.locateFile !== undefined) config.locateFile = options.locateFile;
    runtime = initSqlJs(config);
    runtimes.set(key, runtime);
  }
  return runtime;
}

/** A copy with its own exactly-sized buffer: a Node Buffer's `.buffer` may be a shared pool. */
function toArrayBuffer(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  return new Uint8Array(bytes).buffer;
}

export async function readRpmSqlite(
  database: Uint8Array,
  wal: Uint8Array | undefined,
  options: SqliteOptions,
): Promise<SqliteBlobs | Error> {
  let image = database;
  let walFramesApplied = 0;
  if (wal !== undefined && wal.length > 0) {
    const applied = applySqliteWal(database, wal);
    if (applied instanceof Error) return applied;
    image = applied.database;
    walFramesApplied = applied.framesApplied;
  }
  let SQL: SqlJsStatic;
  try {
    SQL = await loadSqlJs(options);
  } catch (error) {
    return packageError('sqlite-no-start', { reason: reason(error) });
  }
  let db;
  try {
    db = new SQL.Database(image);
  } catch (error) {
    return packageError('sqlite-no-open', { reason: reason(error) });
  }
  try {
    const statement = db.prepare('SELECT hnum, blob FROM Packages ORDER BY hnum');
    const blobs: { hnum: number; blob: Uint8Array }[] = [];
    while (statement.step()) {
      const [hnum, blob] = statement.get();
      if (typeof hnum === 'number' && blob instanceof Uint8Array) blobs.push({ hnum, blob });
    }
    statement.free();
    return { blobs, walFramesApplied };
  } catch (error) {
    return packageError('sqlite-no-table', { reason: reason(error) });
  } finally {
    db.close();
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

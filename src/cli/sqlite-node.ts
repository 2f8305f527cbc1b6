/**
 * sql.js under Node: the core cannot find sql.js's .wasm by itself (core/packages/README.md), so
 * the CLI hands it the bytes of `sql.js/dist/sql-wasm.wasm`, resolved from the installed package.
 * Read once per process: sql.js keeps one runtime per wasm buffer, so every call hands over the same one.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { SqliteOptions } from '../core';

let wasm: Promise<Uint8Array> | undefined;

function wasmBytes(): Promise<Uint8Array> {
  wasm ??= readFile(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'));
  return wasm;
}

/** Options for `readPackageDbs(fs, { sqlite })`: the wasm bytes of the installed sql.js. */
export async function nodeSqliteOptions(): Promise<SqliteOptions> {
  return { wasmBinary: await wasmBytes() };
}

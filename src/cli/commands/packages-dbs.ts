/**
 * What owner and packages share: the package databases of the merged tree at one layer, read
 * through the batching reader, with sql.js's wasm for sqlite rpm databases. Databases that fail to
 * read are warnings beside the others; none at all is an error sentence naming where strata looked.
 */
import { readPackageDbs, type ImageFs, type PackageDb, PACKAGE_DB_DIRS } from '../../core';
import { InputError, type CliIo } from '../cli-io';
import { nodeSqliteOptions } from '../sqlite-node';
import type { OpenedStack } from './diff-stack';
import { packageDbReader } from './packages-reader';

export interface LayerDbs {
  readonly fs: ImageFs;
  readonly dbs: readonly PackageDb[];
}

/** Database warnings and read failures on stderr, one line each. */
export function warnDbProblems(io: CliIo, dbs: readonly PackageDb[], errors: readonly Error[]): void {
  for (const db of dbs) for (const w of db.warnings) io.stderr(`warning: ${db.location}: ${w}\n`);
  for (const e of errors) io.stderr(`warning: ${e.message}\n`);
}

export async function readLayerDbs(opened: OpenedStack, layer: number, io: CliIo): Promise<LayerDbs> {
  const fs = opened.stack.imageFs(layer, packageDbReader(opened));
  const { dbs, errors } = await readPackageDbs(fs, { sqlite: await nodeSqliteOptions() });
  if (dbs.length === 0 && errors.length > 0)
    throw new InputError(
      `The package database at layer ${layer} cannot be read: ${errors.map((e) => e.message).join(' ')}`,
    );
  if (dbs.length === 0)
    throw new InputError(
      `The image has no package database at layer ${layer} (strata looks in ${PACKAGE_DB_DIRS.filter((d) => !d.startsWith('/usr/lib/apk')).join(', ')}); its files belong to no dpkg, rpm or apk package.`,
    );
  warnDbProblems(io, dbs, errors);
  return { fs, dbs };
}

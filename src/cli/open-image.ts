/** Open an archive from disk and pick one image, turning every failure into a CLI error sentence. */
import { stat } from 'node:fs/promises';
import {
  ArchiveError,
  ArchiveSession,
  DEFAULT_DECODE_LIMITS,
  pickImage,
  type DecodeLimits,
  type ImageRecord,
} from '../core';
import { InputError, UsageError } from './cli-io';
import { nodeEnv, nodeIndexer, openFileSource, type FileSource } from './node-env';

export interface OpenedImage {
  readonly session: ArchiveSession;
  readonly image: ImageRecord;
  readonly source: FileSource;
}

/**
 * The decompression bomb limits, raised or lowered by STRATA_MAX_LAYER_BYTES and STRATA_MAX_RATIO
 * (docs/limits.md).
 */
export function decodeLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): DecodeLimits {
  const read = (name: string, fallback: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0)
      throw new UsageError(`${name}=${text} is not a positive number.`);
    return value;
  };
  return {
    ...DEFAULT_DECODE_LIMITS,
    maxLayerBytes: read('STRATA_MAX_LAYER_BYTES', DEFAULT_DECODE_LIMITS.maxLayerBytes),
    maxRatio: read('STRATA_MAX_RATIO', DEFAULT_DECODE_LIMITS.maxRatio),
  };
}

export async function openSession(path: string): Promise<{ session: ArchiveSession; source: FileSource }> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new InputError(`${path}: no such file.`);
  if (info.isDirectory())
    throw new InputError(`${path} is a directory; strata opens image archives (.tar, .tar.gz), not folders.`);
  const file = await openFileSource(path);
  try {
    const session = await ArchiveSession.open(file, nodeEnv, {
      indexer: nodeIndexer,
      limits: decodeLimitsFromEnv(),
    });
    // Closing the source closes the session too: a compressed archive's decoded copy goes with it.
    const source: FileSource = {
      ...file,
      close: () => Promise.all([session.close(), file.close()]).then(() => undefined),
    };
    return { session, source };
  } catch (error) {
    await file.close();
    if (error instanceof ArchiveError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
}

export async function openImage(
  path: string,
  query: string | undefined,
  platform?: string,
): Promise<OpenedImage> {
  const { session, source } = await openSession(path);
  const pick = pickImage(session.info, query, platform);
  if ('error' in pick) {
    await source.close();
    if (pick.choose === true) throw new UsageError(pick.error);
    throw new InputError(pick.error);
  }
  return { session, image: pick.image, source };
}

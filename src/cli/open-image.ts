/** Open an archive from disk and pick one image, turning every failure into a CLI error sentence. */
import { stat } from 'node:fs/promises';
import { ArchiveError, ArchiveSession, pickImage, type ImageRecord } from '../core';
import { InputError, UsageError } from './cli-io';
import { nodeEnv, nodeIndexer, openFileSource, type FileSource } from './node-env';

export interface OpenedImage {
  readonly session: ArchiveSession;
  readonly image: ImageRecord;
  readonly source: FileSource;
}

export async function openSession(path: string): Promise<{ session: ArchiveSession; source: FileSource }> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new InputError(`${path}: no such file.`);
  if (info.isDirectory())
    throw new InputError(`${path} is a directory; strata opens image archives (.tar, .tar.gz), not folders.`);
  const file = await openFileSource(path);
  try {
    const session = await ArchiveSession.open(file, nodeEnv, { indexer: nodeIndexer });
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
    if (query === undefined && platform === undefined) throw new UsageError(pick.error);
    throw new InputError(pick.error);
  }
  return { session, image: pick.image, source };
}

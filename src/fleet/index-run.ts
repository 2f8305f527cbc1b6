/**
 * One indexing run over many sources: each source is opened, each of its images indexed; a source that
 * cannot be read (a bad archive, an unreachable registry) is reported and the rest go on.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { ArchiveSession, platformString, type ImageRecord } from '../core';
import { nodeEnv, openFileSource } from '../cli/node-env';
import { indexImage, type IndexContext } from './index-image';
import { layerStored } from './layer-store';
import type { IndexedImage } from './image-store';
import { formatProgress, newProgress, type Progress } from './progress';
import { openRegistryArchive } from './registry/registry-archive';
import { sourceName, type Source } from './sources';
import type { Sql } from './sql';

export interface SourceFailure {
  readonly source: string;
  readonly message: string;
}

export interface IndexResult {
  readonly images: IndexedImage[];
  readonly layers: { indexed: number; reused: number };
  readonly failures: SourceFailure[];
}

export interface IndexOptions {
  /** OS/ARCH[/VARIANT]: only images of this platform (a registry index is resolved to it). */
  readonly platform?: string | undefined;
  /** A line of progress on stderr per finished image. */
  readonly onProgress?: (line: string, progress: Progress) => void;
}

export function workerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export function newIndexContext(sql: Sql, onLayer?: IndexContext['onLayer']): IndexContext {
  return {
    sql,
    worker: workerName(),
    layers: new Map(),
    indexed: new Set(),
    reused: new Set(),
    ...(onLayer ? { onLayer } : {}),
  };
}

function wanted(image: ImageRecord, platform: string | undefined): boolean {
  if (platform === undefined) return true;
  const p = platformString(image.platform);
  return p === platform || p.startsWith(`${platform}/`);
}

export function errorSentence(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An opened source: its archive session and how to let go of it. */
export interface OpenedSource {
  readonly session: ArchiveSession;
  close(): Promise<void>;
}

export async function openSource(
  source: Source,
  options: Pick<IndexOptions, 'platform'> & { isStored?: (diffId: string) => Promise<boolean> },
): Promise<OpenedSource> {
  if (source.kind === 'registry')
    return openRegistryArchive(source.reference, {
      platform: options.platform,
      isStored: options.isStored ?? (() => Promise.resolve(false)),
    });
  const file = await openFileSource(source.path);
  try {
    return { session: await ArchiveSession.open(file, nodeEnv), close: () => file.close() };
  } catch (error) {
    await file.close();
    throw error;
  }
}

/** Indexes one source's images (all, or those named by `only`: image keys), counting into `progress`. */
export async function indexSource(
  ctx: IndexContext,
  source: Source,
  options: IndexOptions,
  progress: Progress,
  only?: ReadonlySet<string>,
): Promise<IndexedImage[]> {
  const name = sourceName(source);
  const opened = await openSource(source, { ...options, isStored: (diffId) => layerStored(ctx.sql, diffId) });
  const done: IndexedImage[] = [];
  try {
    const images = opened.session.info.images.filter(
      (i) => wanted(i, options.platform) && (only === undefined || only.has(i.key)),
    );
    if (images.length === 0)
      throw new Error(
        options.platform === undefined
          ? `${name}: the archive holds no image.`
          : `${name}: no image for platform ${options.platform}.`,
      );
    progress.imagesTotal += images.length;
    progress.layersTotal += images.reduce((n, i) => n + i.layers.length, 0);
    for (const image of images) {
      const position = opened.session.info.images.indexOf(image);
      const before = opened.session.bytesReadSoFar;
      done.push(await indexImage(ctx, opened.session, image, name, position));
      progress.bytesRead += opened.session.bytesReadSoFar - before;
      progress.imagesDone++;
      progress.layersDone += image.layers.length;
      options.onProgress?.(
        `${formatProgress(progress)} ${name}: ${done.at(-1)!.names[0] ?? image.id}`,
        progress,
      );
    }
  } finally {
    await opened.close();
  }
  return done;
}

export async function runIndex(
  sql: Sql,
  sources: readonly Source[],
  options: IndexOptions,
): Promise<IndexResult> {
  const progress = newProgress();
  const ctx = newIndexContext(sql, (_, how) => {
    if (how === 'indexed') progress.layersIndexed++;
    else progress.layersReused++;
  });
  const images: IndexedImage[] = [];
  const failures: SourceFailure[] = [];
  for (const source of sources) {
    try {
      images.push(...(await indexSource(ctx, source, options, progress)));
    } catch (error) {
      const message = errorSentence(error);
      const name = sourceName(source);
      failures.push({ source: name, message: message.startsWith(name) ? message : `${name}: ${message}` });
    }
  }
  return { images, layers: { indexed: ctx.indexed.size, reused: ctx.reused.size }, failures };
}

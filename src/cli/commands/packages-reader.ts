/**
 * Content readers for many small files, through the session's one content cache
 * (core/session/content-cache.ts): the first read of a wanted file fetches every wanted file of
 * its layer in a few spans, so a dpkg database (a status file plus one `.list` per package) costs
 * a few decodes of a gzip layer, not one per file.
 */
import { isPackageDbFile, type BatchPredicate, type ContentReader } from '../../core';
import type { OpenedStack } from './diff-stack';

/** Files under the package database directories (dpkg status and lists, rpm and apk databases). */
export function packageDbReader(opened: OpenedStack): ContentReader {
  return batchedReader(opened, isPackageDbFile);
}

/** A reader that fetches every file `wanted` accepts of a layer on that layer's first read. */
export function batchedReader(opened: OpenedStack, wanted: BatchPredicate): ContentReader {
  return opened.session.contentReader(opened.image, { batch: wanted });
}

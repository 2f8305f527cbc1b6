/**
 * The Files view of an image's base layer, as the worker builds it: the change tree of layer 0 and a page of
 * its root and of its first directory. entries-bench.ts runs it (`--commands files-view`) under GNU time for
 * its peak RSS beside the CLI commands.
 *
 *   npx tsx bench/files-view-tree.ts bench/out/entries-2000000.tar
 */
import { openImage } from '../src/cli/open-image';
import { TreeViews } from '../src/core';

const archive = process.argv[2];
if (archive === undefined) throw new Error('usage: files-view-tree.ts ARCHIVE');
const { session, image, source } = await openImage(archive, undefined);
await session.indexImage(image);
const views = new TreeViews();
const target = { id: 'bench', session, image };
const scope = { layer: 0, mode: 'changes' } as const;
const root = await views.page(target, scope, { path: '/', offset: 0, limit: 1000, sort: 'name' });
const first = root.page.rows[0];
const inside =
  first === undefined
    ? undefined
    : await views.page(target, scope, { path: first.path, offset: 0, limit: 1000, sort: 'name' });
console.log(
  `L0: ${root.counts?.added ?? 0} added; / has ${root.page.total} rows, ${first?.path ?? '-'} has ${inside?.page.total ?? 0}`,
);
await source.close();

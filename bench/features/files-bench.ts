/**
 * Files view (issue 4) on a ~250,000-entry, five-layer docker-archive (make-files-image.ts).
 * Node: the layer stack, each layer's changes, a layer range, the big directory's listing and the
 * pages the worker serves; native in the same run: `tar -tvf` of every layer, and `find` / `ls -U` on
 * the layers extracted in order. Page: ready → first tree row, merged tree, the big directory
 * expanded to all its rows, then ~5 s of wheel scrolling with main-thread long tasks recorded.
 * Run: npx tsx bench/features/files-bench.ts [--reuse-site] [--reuse-image]
 */
import type { Locator, Page } from '@playwright/test';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ArchiveSession,
  buildLayerStack,
  ChangeTree,
  EntryTable,
  mergedTreePage,
  pickImage,
} from '../../src/core';
import { nodeEnv, openFileSource } from '../../src/cli/node-env';
import { BIG_COUNT, BIG_DIR, makeFilesImage } from './make-files-image';
import { OUT } from './docker-image';
import { layerBlobs } from './docker-image';
import { flag, median, medianShell, printSummary, ratio, report, shell, timed } from './measure';
import { describeLongTasks, longTasksDuring, openImagePage, startApp, timeClickTo } from './page-session';

const archive = join(OUT, 'features-files.tar');
if (!flag('--reuse-image') || !existsSync(archive)) {
  const made = await timed(() => makeFilesImage());
  const entries = made.value.layers.reduce((n, l) => n + l.entries, 0);
  console.log(`made ${archive}: ${made.value.layers.length} layers, ${entries.toLocaleString('en')} entries`);
}

// Node: strata's core.
const source = await openFileSource(archive);
const session = await ArchiveSession.open(source, nodeEnv);
const pick = pickImage(session.info, undefined);
if ('error' in pick) throw new Error(pick.error);
const image = pick.image;
const indexed = await timed(() => session.indexImage(image));
report('node: open + index every layer (read, parse, verify diff_ids)', indexed.ms);
const entries = image.layers.map((l) => session.status(l).index?.entries ?? EntryTable.empty);
const total = entries.reduce((n, e) => n + e.length, 0);
const built = await median(3, () => buildLayerStack(entries));
const stack = built.value;
report(
  `node: build layer stack (${total.toLocaleString('en')} entries, ${stack.pathCount.toLocaleString('en')} paths)`,
  built.ms,
);
let changed = 0;
for (let n = 0; n < stack.layerCount; n++) {
  const fresh = buildLayerStack(entries);
  const { ms, value } = await timed(() => fresh.changes(n));
  changed += value.added.length + value.modified.length + value.removed.length;
  report(
    `node: changes(${n}): +${value.added.length} ~${value.modified.length} -${value.removed.length}`,
    ms,
  );
}
const between = await median(3, () => stack.changesBetween(1, 4));
report(
  `node: changesBetween(1, 4)`,
  between.ms,
  `${between.value.added.length + between.value.modified.length + between.value.removed.length} paths`,
);
const listed = await median(3, () => stack.listDir(stack.topLayer, BIG_DIR, { limit: BIG_COUNT }));
report(`node: listDir(top, ${BIG_DIR}) all children`, listed.ms, `${listed.value?.total ?? 0} children`);
const ROW_HEIGHT = 26;
const request = { path: BIG_DIR, offset: 0, limit: 2000, sort: 'name' as const };
const merged = await median(3, () => mergedTreePage(stack, stack.topLayer, request));
report(`node: mergedTreePage(top, ${BIG_DIR}, 2,000 rows) (the worker's page)`, merged.ms);
const changeTree = await median(3, () => new ChangeTree(stack.changes(2)).page(stack, 2, request));
report(`node: ChangeTree(changes(2)).page(${BIG_DIR}, 2,000 rows)`, changeTree.ms);
await source.close();

// Native baseline in the same run, after one read has put the archive in the page cache.
const blobs = layerBlobs(archive);
shell(`cat ${archive} > /dev/null`);
const tarList = medianShell(
  3,
  blobs.map((b) => `tar -xOf ${archive} ${b} | tar -tv > /dev/null`).join(' && '),
);
report(
  'native: tar -xOf ARCHIVE BLOB | tar -tv, every layer',
  tarList.ms,
  `index ${ratio(indexed.ms, tarList.ms)}, stack ${ratio(built.ms, tarList.ms)}`,
);
if (!flag('--skip-extract')) {
  const extracted = join(OUT, 'features-files', 'rootfs');
  rmSync(extracted, { recursive: true, force: true });
  mkdirSync(extracted);
  const untar = shell(blobs.map((b) => `tar -xOf ${archive} ${b} | tar -x -C ${extracted}`).join(' && '));
  report('native: tar -xf every layer in order (whiteouts left as files)', untar.ms);
  const find = medianShell(3, `find ${extracted} | wc -l`);
  report('native: find rootfs | wc -l', find.ms, `${find.stdout.trim()} paths`);
  const ls = medianShell(3, `ls -U ${extracted}${BIG_DIR} | wc -l`);
  report(`native: ls -U ${BIG_DIR} | wc -l`, ls.ms, `listDir ${ratio(listed.ms, ls.ms)}`);
  rmSync(extracted, { recursive: true, force: true });
}

// The page.
const app = await startApp(flag('--reuse-site'));
try {
  const { page, readyMs } = await openImagePage(app, archive);
  report('page: file picked → ready', readyMs);
  const tree = page.getByRole('tree', { name: 'Files' });
  const first = await timeClickTo(
    page,
    page.getByRole('tab', { name: 'Files' }),
    '[role=tree] [role=treeitem]',
  );
  report(
    'page: Files tab click → first tree row in DOM / next frame',
    first.foundMs,
    `frame ${first.frameMs.toFixed(0)} ms`,
  );
  const mergedPage = await timeClickTo(
    page,
    page.getByRole('button', { name: 'Merged tree' }),
    `[role=tree] [role=treeitem][data-path="${BIG_DIR}"]:not(.tree__row--added)`,
  );
  report(
    'page: Merged tree click → merged rows in DOM / next frame',
    mergedPage.foundMs,
    `frame ${mergedPage.frameMs.toFixed(0)} ms`,
  );
  const expand = await timeClickTo(
    page,
    tree.locator(`[role=treeitem][data-path="${BIG_DIR}"]`),
    `[role=treeitem][data-path="${BIG_DIR}/f000000.txt"]`,
  );
  report(
    `page: expand ${BIG_DIR} → first child row / next frame`,
    expand.foundMs,
    `frame ${expand.frameMs.toFixed(0)} ms`,
  );
  let shown = 2000;
  let scrollAfterMore = 0;
  const more = page.locator('.tree__more').first();
  while (shown < BIG_COUNT - 5000) {
    await tree.evaluate((el) => (el.scrollTop = el.scrollHeight));
    // The button is a virtual row: it exists only once the scrolled-to rows are drawn.
    const present = await more.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (!present) break;
    const hidden = Number(/([\d,]+) more entries/.exec(await more.innerText())?.[1]?.replace(/,/g, '') ?? 0);
    const target = shown + Math.min(10000, hidden);
    const step = await timeClickToHeight(page, more, target * ROW_HEIGHT);
    scrollAfterMore = await tree.evaluate((el) => el.scrollTop);
    report(`page: show more → ${target.toLocaleString('en')} rows (tree height grown)`, step);
    shown = target;
  }
  report('page: tree scrollTop after the last show more (was at the bottom)', null, `${scrollAfterMore} px`);
  const rows = await tree.evaluate((el) => Math.round(el.scrollHeight / 26));
  const box = (await tree.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  let wheels = 0;
  const scrolled = await longTasksDuring(page, async () => {
    const end = Date.now() + 5000;
    while (Date.now() < end) {
      await page.mouse.wheel(0, wheels % 200 < 150 ? 1200 : -1200);
      wheels++;
    }
  });
  const top = await tree.evaluate((el) => el.scrollTop);
  report(
    `page: wheel-scroll ~5 s over ${rows.toLocaleString('en')} rows (${wheels} wheel events)`,
    null,
    `${describeLongTasks(scrolled)}; scrollTop ${top}`,
  );
  await page.context().close();
} finally {
  await app.close();
}
console.log(`(${changed} changed paths over all layers)`);
printSummary('files-bench');

/** Click, then time in the page until the Files tree's scroll height reaches `height` px. */
async function timeClickToHeight(page: Page, target: Locator, height: number): Promise<number> {
  const start = await page.evaluate(() => {
    const mark: { click?: number; grown?: number } = {};
    (window as unknown as { benchGrow: typeof mark }).benchGrow = mark;
    document.addEventListener('click', () => (mark.click ??= performance.now()), {
      capture: true,
      once: true,
    });
    return performance.now();
  });
  await target.click();
  const grown = await page.waitForFunction(
    (h) => {
      const el = document.querySelector('[role=tree][aria-label="Files"]');
      return el !== null && el.scrollHeight >= h ? performance.now() : false;
    },
    height,
    { timeout: 10 * 60_000, polling: 'raf' },
  );
  const end = (await grown.jsonValue()) as number;
  const click = await page.evaluate(
    () => (window as unknown as { benchGrow: { click?: number } }).benchGrow.click,
  );
  return end - (click ?? start);
}

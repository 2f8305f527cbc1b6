/**
 * Packages view (issue 6): a 1,000-package dpkg database and a 500-package rpm database (sqlite and
 * Berkeley DB), each in an image holding the 100,000 files it lists (make-package-images.ts).
 * Node: readPackageDbs over the merged tree, buildOwnerIndex, and ownerOf for every file. Native in
 * the same run: `dpkg-query -W --admindir` / `rpm -qa --dbpath` on the same databases, and
 * `dpkg-query -S` of one file / `rpm -qa --qf '[%{FILENAMES}\n]'` (both read every file list).
 * Page: Packages tab click → first row of the Installed packages table.
 * Run: npx tsx bench/features/packages-bench.ts [--reuse-site] [--profile (the worker's CPU profile of the click)]
 */
import { ArchiveSession, buildOwnerIndex, pickImage, readPackageDbs } from '../../src/core';
import { nodeEnv, openFileSource } from '../../src/cli/node-env';
import { nodeSqliteOptions } from '../../src/cli/sqlite-node';
import { makeDpkgImage, makeRpmBdbImage, makeRpmSqliteImage, type PackageImage } from './make-package-images';
import { flag, medianShell, printSummary, ratio, report, timed } from './measure';
import { openImagePage, startApp, timeClickTo } from './page-session';
import { WorkerProfiler } from './worker-profile';

const images: PackageImage[] = [makeDpkgImage(), await makeRpmSqliteImage(), makeRpmBdbImage()];
const sqlite = await nodeSqliteOptions();

async function nodeRun(img: PackageImage): Promise<number> {
  const source = await openFileSource(img.archive);
  try {
    const session = await ArchiveSession.open(source, nodeEnv);
    const pick = pickImage(session.info, undefined);
    if ('error' in pick) throw new Error(pick.error);
    await session.indexImage(pick.image);
    const stack = session.layerStack(pick.image);
    const fs = stack.imageFs(stack.topLayer, (l, entry, offset, length) =>
      session.readEntry(pick.image, l, entry, offset, length),
    );
    const read = await timed(() => readPackageDbs(fs, { sqlite }));
    const { dbs, errors } = read.value;
    if (errors.length > 0) throw errors[0]!;
    const count = dbs.reduce((n, db) => n + db.packages.length, 0);
    report(`node ${img.label}: readPackageDbs`, read.ms, `${count} packages`);
    const index = await timed(() => buildOwnerIndex(fs, dbs));
    report(`node ${img.label}: buildOwnerIndex`, index.ms);
    const owners = await timed(async () => {
      let owned = 0;
      for (const path of img.files) if ((await index.value.ownerOf(path)).package !== null) owned++;
      return owned;
    });
    report(
      `node ${img.label}: ownerOf every file (${img.files.length.toLocaleString('en')})`,
      owners.ms,
      `${owners.value} owned`,
    );
    report(`node ${img.label}: index + every look-up`, index.ms + owners.ms);
    return read.ms;
  } finally {
    await source.close();
  }
}

function native(img: PackageImage): { list: string; owner: string } {
  const probe = img.files[img.files.length - 1]!;
  if (img.label === 'dpkg')
    return {
      list: `dpkg-query --admindir=${img.dbDir} -W | wc -l`,
      owner: `dpkg-query --admindir=${img.dbDir} -S ${probe}`,
    };
  const backend = img.label === 'rpm-sqlite' ? 'sqlite' : 'bdb_ro';
  const rpm = `rpm --dbpath ${img.dbDir} --define '_db_backend ${backend}'`;
  // rpm -qf wants the file on the host (and bdb_ro the Name index): list every package's files instead.
  return { list: `${rpm} -qa | wc -l`, owner: `${rpm} -qa --qf '[%{FILENAMES}\\n]' | wc -l` };
}

for (const img of images) {
  const readMs = await nodeRun(img);
  const commands = native(img);
  try {
    const list = medianShell(3, commands.list);
    report(
      `native ${img.label}: ${commands.list.split(' ')[0]} list (median of 3)`,
      list.ms,
      `${list.stdout.trim()} packages; node read ${ratio(readMs, list.ms)}`,
    );
    const owner = medianShell(3, commands.owner);
    report(
      `native ${img.label}: ${img.label === 'dpkg' ? 'dpkg-query -S of one file' : 'rpm -qa, every file name'} (median of 3)`,
      owner.ms,
      owner.stdout.trim().split('\n')[0],
    );
  } catch (error) {
    report(
      `native ${img.label}: failed`,
      null,
      String((error as { stderr?: unknown }).stderr ?? error).split('\n')[0],
    );
  }
}

const app = await startApp(flag('--reuse-site'));
try {
  for (const img of images) {
    const { page, readyMs } = await openImagePage(app, img.archive);
    report(`page ${img.label}: file picked → ready`, readyMs);
    const profiler = flag('--profile') ? await WorkerProfiler.attach(page) : null;
    await profiler?.start();
    const rows = await timeClickTo(
      page,
      page.getByRole('tab', { name: 'Packages' }),
      'table[aria-label="Installed packages"] tbody tr',
    );
    const shown = await page.getByRole('region', { name: 'Packages' }).innerText();
    report(
      `page ${img.label}: Packages click → first table row / next frame`,
      rows.foundMs,
      `frame ${rows.frameMs.toFixed(0)} ms; ${/[\d,]+ (dpkg|rpm) packages/.exec(shown)?.[0] ?? ''}`,
    );
    if (profiler)
      console.log(`worker profile, ${img.label}, Packages click:\n${(await profiler.stop()).join('\n')}`);
    await page.context().close();
  }
} finally {
  await app.close();
}
printSummary('packages-bench');

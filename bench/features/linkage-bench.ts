/**
 * Linkage view (issue 5) on a real image of the host's libraries and programs (make-linkage-image.ts,
 * a few thousand ELF files). Node: resolveLinkGraph over the merged tree after indexImage and
 * warmContents, for the plain docker-archive and the gzip OCI copy; native in the same run: `ldd`
 * over the same files on the host. Page: Linkage tab click → the first grouped overview picture, right
 * after "ready" and again once warm; ~5 s of scrolling the overview; then, on the force-laid canvas,
 * ~5 s of panning (mouse drags) and zooming (wheel), with main-thread long tasks recorded. `--page-only` skips
 * the Node and native lines.
 * Run: npx tsx bench/features/linkage-bench.ts [--reuse-site] [--reuse-image] [--page-only] [--profile]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArchiveSession, layoutGraph, loaderSettings, pickImage, resolveLinkGraph } from '../../src/core';
import { nodeEnv, openFileSource } from '../../src/cli/node-env';
import { OUT } from './docker-image';
import { linkageElfFiles, makeLinkageImage } from './make-linkage-image';
import { flag, median, medianShell, printSummary, ratio, report, shell, timed } from './measure';
import { WorkerProfiler } from './worker-profile';
import { describeLongTasks, longTasksDuring, openImagePage, startApp, timeClickTo } from './page-session';
import { overviewWarmAndScroll } from './overview-bench';

const docker = join(OUT, 'features-linkage-docker.tar');
const oci = join(OUT, 'features-linkage-oci.tar');
let elfFiles: readonly string[];
if (!flag('--reuse-image') || !existsSync(docker) || !existsSync(oci)) {
  const made = await timed(() => makeLinkageImage());
  elfFiles = made.value.elfFiles;
  console.log(`made ${docker} and ${oci} in ${(made.ms / 1000).toFixed(0)} s`);
} else {
  elfFiles = linkageElfFiles();
}
console.log(`${elfFiles.length.toLocaleString('en')} regular ELF files in the image`);

async function nodeGraph(archive: string, label: string): Promise<number> {
  const source = await openFileSource(archive);
  try {
    const session = await ArchiveSession.open(source, nodeEnv);
    const pick = pickImage(session.info, undefined);
    if ('error' in pick) throw new Error(pick.error);
    const image = pick.image;
    const indexed = await timed(() => session.indexImage(image));
    report(`node ${label}: open + indexImage`, indexed.ms);
    const warm = await timed(() => session.warmContents(image));
    report(`node ${label}: warmContents (decode once, keep ELF heads)`, warm.ms);
    const stack = session.layerStack(image);
    const settings = loaderSettings(image);
    const graph = await median(3, () =>
      resolveLinkGraph(
        stack.imageFs(stack.topLayer, (l, entry, offset, length) =>
          session.readEntry(image, l, entry, offset, length),
        ),
        settings,
      ),
    );
    const g = graph.value;
    report(
      `node ${label}: resolveLinkGraph (median of 3)`,
      graph.ms,
      `${g.nodes.length} objects, ${g.edges.length} edges, ${g.unresolved.length} unresolved`,
    );
    // The linkage view lays the graph out after resolving it (core/views/linkage-view.ts): the same call here.
    const ids = new Map(g.nodes.map((node, i) => [node.path, i]));
    const edges = g.edges.flatMap((e) => {
      const source = ids.get(e.from);
      const target = ids.get(e.to);
      return source === undefined || target === undefined ? [] : [{ source, target }];
    });
    const weights = new Array<number>(g.nodes.length).fill(0);
    for (const e of edges) weights[e.target]!++;
    const layout = await timed(() => layoutGraph(g.nodes.length, edges, weights));
    report(`node ${label}: layoutGraph (the worker's d3-force layout)`, layout.ms);
    return graph.ms;
  } finally {
    await source.close();
  }
}

if (!flag('--page-only')) {
  const plainMs = await nodeGraph(docker, 'docker-archive');
  const gzipMs = await nodeGraph(oci, 'oci gzip');
  // Native: ldd (the host's own loader, --list) over the same files; some are not dynamic, so exit codes are ignored.
  const list = join(OUT, 'features-linkage', 'elf-files.list');
  writeFileSync(list, elfFiles.join('\0') + '\0');
  shell(`xargs -0 cat < ${list} > /dev/null`);
  const ldd = medianShell(3, `xargs -0 -n 64 ldd < ${list} 2>&1 | wc -l; true`);
  report(
    `native: ldd over the ${elfFiles.length} ELF files (median of 3)`,
    ldd.ms,
    `${ldd.stdout.trim()} lines; docker ${ratio(plainMs, ldd.ms)}, oci ${ratio(gzipMs, ldd.ms)}`,
  );
}

const app = await startApp(flag('--reuse-site'));
try {
  {
    // The sample (public/samples/sample.tar): the overview a new user sees first.
    const { page } = await openImagePage(app, join('public', 'samples', 'sample.tar'));
    const cold = await timeClickTo(
      page,
      page.getByRole('tab', { name: 'Linkage' }),
      '[data-testid="linkage-picture"] svg',
    );
    report('page sample: Linkage click → first overview picture (right after ready)', cold.foundMs);
    await overviewWarmAndScroll(page, 'sample');
    await page.context().close();
  }
  for (const [label, archive] of [
    ['docker-archive', docker],
    ['oci gzip', oci],
  ] as const) {
    const { page, readyMs } = await openImagePage(app, archive);
    report(`page ${label}: file picked → ready`, readyMs);
    await page.evaluate(() => {
      const mark: { since?: number; draw?: number; frame?: number; calls: number } = { calls: 0 };
      (window as unknown as { benchDraw: typeof mark }).benchDraw = mark;
      document.addEventListener('click', () => (mark.since ??= performance.now()), {
        capture: true,
        once: true,
      });
      const proto = CanvasRenderingContext2D.prototype;
      for (const name of ['stroke', 'fill', 'fillText', 'arc'] as const) {
        const original = (proto as unknown as Record<string, (...args: unknown[]) => void>)[name]!;
        (proto as unknown as Record<string, unknown>)[name] = function (
          this: CanvasRenderingContext2D,
          ...args: unknown[]
        ) {
          mark.calls++;
          if (mark.since !== undefined && mark.draw === undefined) {
            mark.draw = performance.now();
            requestAnimationFrame(() => (mark.frame = performance.now()));
          }
          original.apply(this, args);
        };
      }
    });
    const profiler = flag('--profile') ? await WorkerProfiler.attach(page) : null;
    await profiler?.start();
    // The whole image opens as the grouped overview: click → its picture on screen, right after "ready".
    const cold = await timeClickTo(
      page,
      page.getByRole('tab', { name: 'Linkage' }),
      '[data-testid="linkage-picture"] svg',
    );
    const text = await page
      .getByText(/ELF objects, [\d,]+ load edges/)
      .first()
      .textContent();
    const status = await page.locator('.picture__status').textContent();
    report(
      `page ${label}: Linkage click → first overview picture (right after ready)`,
      cold.foundMs,
      `frame ${cold.frameMs.toFixed(0)} ms; ${(text ?? '').split(' · click')[0]}; picture ${(status ?? '').replace(/^ · /, '')}`,
    );
    if (profiler)
      console.log(`worker profile, ${label}, Linkage click:\n${(await profiler.stop()).join('\n')}`);
    await overviewWarmAndScroll(page, label);
    // The force-laid canvas of every object, still a switch: its pan and zoom.
    await page.getByLabel('grouped by package').uncheck();
    const canvas = page.getByTestId('graph-canvas');
    await canvas.waitFor();
    // The force layout is asked for when the canvas is switched on: pan and zoom once it is drawn.
    const laidOut = await timed(() =>
      page
        .getByText(/laid out in [\d,]+ ms/)
        .first()
        .waitFor(),
    );
    report(`page ${label}: force-laid canvas switched on → laid out`, laidOut.ms);
    const box = (await canvas.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    let drags = 0;
    let wheels = 0;
    const drawCalls = () =>
      page.evaluate(() => (window as unknown as { benchDraw: { calls: number } }).benchDraw.calls);
    const callsBefore = await drawCalls();
    const tasks = await longTasksDuring(page, async () => {
      const end = Date.now() + 5000;
      while (Date.now() < end) {
        await page.mouse.move(cx, cy);
        await page.mouse.down();
        for (let s = 1; s <= 10; s++) await page.mouse.move(cx + s * 12 * (drags % 2 ? -1 : 1), cy + s * 6);
        await page.mouse.up();
        drags++;
        for (let w = 0; w < 5; w++) {
          await page.mouse.wheel(0, wheels % 20 < 10 ? -120 : 120);
          wheels++;
        }
      }
    });
    report(
      `page ${label}: pan (${drags} drags) + zoom (${wheels} wheel events) ~5 s`,
      null,
      `${describeLongTasks(tasks)}; ${(await drawCalls()) - callsBefore} canvas draw calls meanwhile`,
    );
    await page.context().close();
  }
} finally {
  await app.close();
}
printSummary('linkage-bench');

/**
 * Where the memory of a many-entries layer goes: the heap after each stage of opening it (index,
 * layer stack, one layer's change set, directory totals, a listing of every directory, dive's figures,
 * the corrected waste), measured after a full GC in one process; `peak` is the largest heap seen before
 * that GC (sampled every 50 ms), which is what the command's RSS follows.
 *
 *   node --expose-gc --import tsx bench/entries-stages.ts bench/out/entries-2000000.tar
 *
 * Run bench/entries-bench.ts first to make the archive.
 */
import { openImage } from '../src/cli/open-image';

const archive = process.argv[2];
if (archive === undefined) throw new Error('usage: entries-stages.ts ARCHIVE');
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('Run with node --expose-gc.');

let last = 0;
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}, 50);
function report(stage: string): void {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  gc!();
  const { heapUsed, rss, arrayBuffers } = process.memoryUsage();
  const mb = (n: number): string => `${(n / 1e6).toFixed(0)} MB`;
  console.log(
    `| ${stage} | ${mb(heapUsed)} | +${mb(heapUsed - last)} | ${mb(peak)} | ${mb(arrayBuffers)} | ${mb(rss)} |`,
  );
  last = heapUsed;
  peak = 0;
}

console.log(
  '| stage | heap | added | peak heap | array buffers | rss |\n| --- | ---: | ---: | ---: | ---: | ---: |',
);
report('start');
const { session, image, source } = await openImage(archive, undefined);
await session.indexImage(image);
const entries = image.layers.reduce((n, l) => n + (session.status(l).index?.entries.length ?? 0), 0);
report(`indexed (${entries.toLocaleString('en')} entries)`);
const stack = session.layerStack(image);
report(`stacked (${stack.pathCount.toLocaleString('en')} paths)`);
const set = stack.changes(stack.topLayer);
report(`change set of the top layer (${set.added.length.toLocaleString('en')} added)`);
stack.totalSize(stack.topLayer, '/');
report('directory totals');
let listed = 0;
const pending = ['/'];
for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
  for (const e of stack.listDir(stack.topLayer, dir)?.entries ?? []) {
    listed++;
    if (e.kind === 'dir') pending.push(e.path);
  }
}
report(`every directory listed (${listed.toLocaleString('en')} rows)`);
const dive = stack.diveFigures();
report(`dive's figures (efficiency ${dive.efficiency.toFixed(3)})`);
stack.trueWaste();
report('corrected waste');
clearInterval(sampler);
await source.close();

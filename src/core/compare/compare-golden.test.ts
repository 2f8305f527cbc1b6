/**
 * Every image pair of fixtures/compare, plus the sample (glibc, Debian) against app:2 (musl), compared end to
 * end and held against golden files: the JSON and Markdown of `strata compare`, and a digest of each image's
 * whole link graph (objects, edges, unresolved names and every emulated load) so that a faster path through
 * the loaders, the trees or the layer reads cannot change a result unseen. The page's route (the archive's
 * views) must give the same comparison as the CLI's (readCompareSide).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeEnv, openFileSource, type FileSource } from '../../cli/node-env';
import type { ImageRecord } from '../image/model';
import type { LinkGraph } from '../linkage/link-graph';
import { loaderSettings } from '../views/linkage-view';
import { ArchiveSession } from '../session/archive-session';
import { ImageViews } from '../views/image-views';
import { compareImages } from './compare-images';
import { compareMarkdown } from './compare-markdown';
import { buildCompareReport, compareSideFromViews } from './compare-report';
import { readCompareSides } from './compare-sides';

const ROOT = join(import.meta.dirname, '../../..');
const DIR = join(ROOT, 'fixtures/compare');
const GOLDEN = join(DIR, 'golden/pairs');

interface Pair {
  readonly name: string;
  readonly old: readonly [archive: string, image: string];
  readonly new: readonly [archive: string, image: string];
}

const PAIRS_ARCHIVE = 'fixtures/compare/pairs.docker-archive.tar.gz';
const RPM_APK = 'fixtures/compare/rpm-apk-pairs.docker-archive.tar.gz';
const PAIRS: readonly Pair[] = [
  {
    name: 'app-1--app-2',
    old: ['fixtures/compare/app-1.oci-archive.tar', 'localhost/app:1'],
    new: ['fixtures/compare/app-2.docker-archive.tar.gz', 'localhost/app:2'],
  },
  { name: 'app-1--app-rebased-1', old: [PAIRS_ARCHIVE, 'app:1'], new: [PAIRS_ARCHIVE, 'app-rebased:1'] },
  { name: 'app-1--static-1', old: [PAIRS_ARCHIVE, 'app:1'], new: [PAIRS_ARCHIVE, 'static:1'] },
  { name: 'rpm-old--rpm-new', old: [RPM_APK, 'rpm-old:1'], new: [RPM_APK, 'rpm-new:1'] },
  { name: 'apk-old--apk-new', old: [RPM_APK, 'apk-old:1'], new: [RPM_APK, 'apk-new:1'] },
  {
    name: 'sample--app-2',
    old: ['public/samples/sample.tar', 'localhost/strata-sample:1'],
    new: ['fixtures/compare/app-2.docker-archive.tar.gz', 'localhost/app:2'],
  },
];

const sources: FileSource[] = [];
afterAll(async () => {
  for (const source of sources) await source.close();
});

async function opened(
  archive: string,
  name: string,
): Promise<{ session: ArchiveSession; image: ImageRecord }> {
  const source = await openFileSource(join(ROOT, archive));
  sources.push(source);
  const session = await ArchiveSession.open(source, nodeEnv);
  const image = session.info.images.find((i) => i.rawNames.some((n) => n === name || n.endsWith(`/${name}`)));
  if (image === undefined) throw new Error(`${archive} has no image ${name}.`);
  return { session, image };
}

const digest = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** Counts and a digest of each part of a link graph, the loads in path order. */
function graphDigest(graph: LinkGraph): string {
  const loads = [...graph.loads].sort(([a], [b]) => (a < b ? -1 : 1));
  return [
    `nodes ${graph.nodes.length} ${digest(graph.nodes)}`,
    `edges ${graph.edges.length} ${digest(graph.edges)}`,
    `unresolved ${graph.unresolved.length} ${digest(graph.unresolved)}`,
    `loads ${loads.length} ${digest(loads)}`,
  ].join('\n');
}

describe.each(PAIRS)('compare $name against its golden files', (pair) => {
  it('JSON, Markdown and both link graphs are unchanged; the page compares the same', async () => {
    const inputs = await Promise.all(
      [pair.old, pair.new].map(async ([archive, name]) => {
        const { session, image } = await opened(archive, name);
        return { session, image, options: { settings: loaderSettings(image) } };
      }),
    );
    const [oldSide, newSide] = await readCompareSides(inputs[0]!, inputs[1]!);
    const result = compareImages(oldSide, newSide);
    await expect(JSON.stringify(result, null, 2) + '\n').toMatchFileSnapshot(
      join(GOLDEN, `${pair.name}.json.txt`),
    );
    await expect(compareMarkdown(result)).toMatchFileSnapshot(join(GOLDEN, `${pair.name}.md.txt`));
    const graphs = `old\n${graphDigest(oldSide.linkGraph)}\nnew\n${graphDigest(newSide.linkGraph)}\n`;
    await expect(graphs).toMatchFileSnapshot(join(GOLDEN, `${pair.name}.linkage.txt`));

    const viewSides = await Promise.all(
      [pair.old, pair.new].map(async ([archive, name]) => {
        const { session, image } = await opened(archive, name);
        return compareSideFromViews(new ImageViews(session), image);
      }),
    );
    const report = buildCompareReport(viewSides[0]!, viewSides[1]!, { engine: null, version: '', date: '' });
    expect(report.result).toEqual(result);
  });
});

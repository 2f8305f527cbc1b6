/**
 * Every archive made by real tools in fixtures/archives, read by the core and compared with what
 * podman and skopeo themselves said of the same image (stored beside each archive). Each runs twice:
 * with normal reads, and with 7-byte reads and 7-byte decoder output.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEnv, openFileSource } from '../../cli/node-env';
import { ArchiveSession, historyRows, pickImage, type ImageRecord } from '../index';
import { memorySource } from '../io/byte-source';
import { tinyEnv, tinySource } from '../testing/test-env';

const DIR = join(import.meta.dirname, '../../../fixtures/archives');
const archives = readdirSync(DIR).filter((f) => f.endsWith('.tar') || f.endsWith('.tar.gz'));

interface PodmanRow {
  id: string;
  CreatedBy: string;
  size: number;
  comment?: string;
}

function oracle(archive: string, kind: string): unknown {
  const path = join(DIR, `${archive.replace(/\.tar(\.gz)?$/, '')}.${kind}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as unknown) : undefined;
}

async function open(file: string, tiny: boolean): Promise<ArchiveSession> {
  if (!tiny) {
    const source = await openFileSource(join(DIR, file));
    return ArchiveSession.open(source, nodeEnv);
  }
  return ArchiveSession.open(tinySource(memorySource(readFileSync(join(DIR, file)), file)), tinyEnv(nodeEnv));
}

function expectMatchesPodman(session: ArchiveSession, image: ImageRecord, podman: PodmanRow[]): void {
  const ours = historyRows(session, image);
  expect(ours.map((r) => r.createdBy)).toEqual(podman.map((r) => r.CreatedBy));
  expect(ours.map((r) => r.comment)).toEqual(podman.map((r) => r.comment ?? ''));
  // podman's SIZE is the diff_id-covered length; a zstd:chunked layer decodes without the tar
  // padding (docs/archive-formats.md#zstd), so only verified layers are compared byte for byte.
  expect(ours.map((r) => (r.verified === false ? null : r.size))).toEqual(
    podman.map((r, i) => (ours[i]?.verified === false ? null : r.size)),
  );
}

/**
 * podman's top history row carries the ID of the local image whose top layer it is, which two images sharing
 * that layer both show (docs/archive-formats.md#what-podman-history-prints): find ours by it, then by the
 * steps' comments.
 */
function imageOf(session: ArchiveSession, rows: PodmanRow[]): ImageRecord {
  const comments = rows.map((r) => r.comment ?? '').join('\n');
  const image =
    session.info.images.find(
      (i) =>
        historyRows(session, i)
          .map((r) => r.comment)
          .join('\n') === comments,
    ) ?? session.info.images.find((i) => i.id === `sha256:${rows[0]?.id ?? ''}`);
  if (!image) throw new Error(`No image with id ${rows[0]?.id ?? '?'}`);
  return image;
}

describe.each([false, true])('fixtures (7-byte chunks: %s)', (tiny) => {
  it.each(archives)('%s', async (file) => {
    const session = await open(file, tiny);
    expect(session.info.images.length).toBeGreaterThan(0);
    for (const image of session.info.images) {
      await session.indexImage(image);
      for (const layer of image.layers) {
        const status = session.status(layer);
        expect(status.state, `${file} layer ${layer.index}: ${status.error ?? ''}`).toBe('done');
        // zstd:chunked may legitimately differ from its diff_id (tar padding dropped:
        // docs/archive-formats.md#zstd).
        const chunked = Object.keys(layer.annotations).some((k) => k.includes('zstd-chunked'));
        if (!chunked) expect(status.verified, `${file} layer ${layer.index}`).toBe(true);
      }
    }
    const history = oracle(file, 'podman-history') as PodmanRow[] | Record<string, PodmanRow[]> | undefined;
    if (Array.isArray(history)) expectMatchesPodman(session, imageOf(session, history), history);
    else if (history) {
      for (const rows of Object.values(history)) {
        expectMatchesPodman(session, imageOf(session, rows), rows);
      }
    }
    const config = oracle(file, 'skopeo-config') as { rootfs?: { diff_ids: string[] } } | undefined;
    if (config?.rootfs) {
      const ids = session.info.images.map((i) => i.layers.map((l) => l.diffId));
      expect(ids).toContainEqual(config.rootfs.diff_ids);
    }
  });
});

describe('what the fixtures show', () => {
  it('a multi-platform index offers both platforms and preselects linux/amd64', async () => {
    const session = await open('podman-multi-platform-oci-archive.tar', false);
    expect(
      session.info.images
        .map(
          (i) =>
            `${i.platform.os}/${i.platform.architecture}${i.platform.variant ? '/' + i.platform.variant : ''}`,
        )
        .sort(),
    ).toEqual(['linux/amd64', 'linux/arm64/v8']);
    const pick = pickImage(session.info);
    expect('image' in pick && pick.image.platform.architecture).toBe('amd64');
  });

  it('a Docker 29 containerd-store save lists the absent platform as not included', async () => {
    const session = await open('synthetic-docker29-containerd.tar', false);
    expect(session.info.notIncluded.map((n) => n.platform.architecture)).toEqual(['arm64']);
  });

  it('names come out fully qualified', async () => {
    const skopeo = await open('skopeo-docker-archive.tar', false);
    expect(skopeo.info.images[0]?.rawNames).toEqual(['docker.io/myrepo/t:3']);
    const multi = await open('podman-multi-image-docker-archive.tar', false);
    expect(multi.info.images.flatMap((i) => i.rawNames)).toEqual([
      'localhost/t:1',
      'localhost/t:3',
      'localhost/s:1',
    ]);
  });

  it('without --image, a multi-image archive asks for a choice and names every image', async () => {
    const session = await open('podman-multi-image-docker-archive.tar', false);
    const pick = pickImage(session.info);
    expect('error' in pick && pick.error).toMatch(
      /^This archive holds 3 images; choose one with --image: localhost\/t:1 \(linux\/amd64\); localhost\/t:3/,
    );
  });
});

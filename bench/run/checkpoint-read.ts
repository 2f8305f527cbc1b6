/**
 * The checkpoint index against the spill, on `docker save | gzip` (the docker-archive gzipped whole), in
 * a fresh Node process. First the pass alone: zlib's gunzip (native), pako without checkpoints, pako with
 * a checkpoint every 1 MiB and every 4 MiB (the index's size, raw and gzipped). Then three sessions over
 * the same image: the plain tar, the `.tar.gz` as strata opens it (one pass, layers indexed, the decoded
 * tar spilled to a temp file), and the `.tar.gz` read through each checkpoint index as if it were the plain
 * tar; on each, the contents of 200 files spread over every layer and one `ldd` with a cold content cache
 * (files the index pass kept, such as ELF heads, come from memory on all three). Last the bare cost of
 * random access: the same 200 files' byte ranges read straight from the plain tar (what a read of the
 * spill costs: it is that tar, in a temp file) and through each checkpoint index. Prints one JSON line.
 *
 * Run: npx tsx bench/run/checkpoint-read.ts PLAIN.tar PACKED.tar.gz
 */
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { createGunzip, gzipSync } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import {
  ArchiveSession,
  LinkageContext,
  loadExecutable,
  loaderSettings,
  pickImage,
  type ByteSource,
  type ImageRecord,
} from '../../src/core';
import { nodeEnv, nodeIndexer, openFileSource } from '../../src/cli/node-env';
import { buildCheckpointIndex, checkpointSource, indexBytes } from '../checkpoint/gzip-checkpoints';
import { pickFiles, runOnPair, type PickedFiles } from './outer-files';

const LDD_TARGET = '/usr/bin/bash';
const SPANS = [1 << 20, 4 << 20];

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function zlibPass(path: string): Promise<number> {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), createGunzip(), sink);
  return bytes;
}

async function openSession(source: ByteSource) {
  const { value: session, ms } = await timed(async () => {
    const s = await ArchiveSession.open(source, nodeEnv, { indexer: nodeIndexer });
    return s;
  });
  const pick = pickImage(session.info);
  if ('error' in pick) throw new Error(pick.error);
  const indexed = await timed(() => session.indexImage(pick.image));
  return { session, image: pick.image, openMs: ms + indexed.ms };
}

type Picked = PickedFiles;

async function readFiles(session: ArchiveSession, image: ImageRecord, files: Picked) {
  return timed(async () => {
    let bytes = 0;
    for (const { layer, entry } of files)
      bytes += (await session.readEntry(image, layer, entry, 0, entry.size)).length;
    return bytes;
  });
}

/** ldd of one binary at the top layer, reading ELF files straight from the archive (no warm-up pass). */
async function ldd(session: ArchiveSession, image: ImageRecord) {
  return timed(async () => {
    const stack = session.layerStack(image);
    const fs = stack.imageFs(stack.topLayer, session.contentReader(image));
    const result = await loadExecutable(new LinkageContext(fs, loaderSettings(image)), LDD_TARGET);
    return `${result.status}: ${result.libraries.length} libraries`;
  });
}

/** Where each layer's data starts in the outer tar: `tar -R` gives each member's header block. */
function outerDataOffsets(plainPath: string): Map<string, number> {
  const listing = spawnSync('tar', ['-R', '-tf', plainPath], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const offsets = new Map<string, number>();
  for (const [, block, name] of listing.stdout.matchAll(/^block (\d+): (.*)$/gm))
    offsets.set(name!, (Number(block) + 1) * 512);
  return offsets;
}

/** The picked files as byte ranges of the decoded outer tar. */
function fileRanges(plainPath: string, image: ImageRecord, files: Picked) {
  const outer = outerDataOffsets(plainPath);
  return files.map(({ layer, entry }) => {
    const blob = image.layers[layer]?.blobPath;
    const start = blob ? outer.get(blob) : undefined;
    if (start === undefined) throw new Error(`Layer ${layer} is not a member of ${plainPath}.`);
    return { offset: start + entry.dataOffset, length: entry.size };
  });
}

async function readRanges(source: ByteSource, ranges: readonly { offset: number; length: number }[]) {
  return timed(async () => {
    let bytes = 0;
    for (const { offset, length } of ranges) bytes += (await source.read(offset, length)).length;
    return bytes;
  });
}

async function measureSession(name: string, source: ByteSource, files: Picked | undefined) {
  const opened = await openSession(source);
  try {
    const picked = files ?? pickFiles(opened.session, opened.image);
    const read = await readFiles(opened.session, opened.image, picked);
    const linked = await ldd(opened.session, opened.image);
    return {
      name,
      openMs: opened.openMs,
      readMs: read.ms,
      bytes: read.value,
      lddMs: linked.ms,
      ldd: linked.value,
      picked,
      image: opened.image,
    };
  } finally {
    await opened.session.close();
  }
}

async function main(plainPath: string, packedPath: string) {
  const packed = await openFileSource(packedPath);
  const plain = await openFileSource(plainPath);
  try {
    const native = await timed(() => zlibPass(packedPath));
    const pako = await timed(() => buildCheckpointIndex(packed, { checkpoints: false }));
    const indexes = [];
    for (const span of SPANS) {
      const built = await timed(() => buildCheckpointIndex(packed, { span }));
      const windows = built.value.points.map((p) => p.window);
      const gzipped = windows.reduce((sum, w) => sum + gzipSync(w).length, 0);
      indexes.push({ span, index: built.value, passMs: built.ms, bytes: indexBytes(built.value), gzipped });
    }
    const sessions = [];
    const base = await measureSession('plain tar', plain, undefined);
    sessions.push(base);
    sessions.push(await measureSession('.tar.gz, spill (strata today)', packed, base.picked));
    for (const { span, index } of indexes) {
      const source = checkpointSource(packed, index, `${packedPath} (decoded)`);
      sessions.push(
        await measureSession(`.tar.gz, checkpoints every ${span >> 20} MiB`, source, base.picked),
      );
    }
    for (const s of sessions)
      if (s.bytes !== base.bytes || s.ldd !== base.ldd)
        throw new Error(`${s.name} read different bytes or linkage than the plain tar.`);
    const ranges = fileRanges(plainPath, base.image, base.picked);
    const raw = [{ name: 'plain tar (= the spill)', ...(await readRanges(plain, ranges)) }];
    for (const { span, index } of indexes)
      raw.push({
        name: `checkpoints every ${span >> 20} MiB`,
        ...(await readRanges(checkpointSource(packed, index, packedPath), ranges)),
      });
    for (const r of raw)
      if (r.value !== raw[0]!.value) throw new Error(`${r.name} read a different number of bytes.`);
    return {
      packedBytes: packed.size,
      plainBytes: native.value,
      firstPassMs: { zlib: native.ms, pako: pako.ms },
      indexes: indexes.map(({ span, index, passMs, bytes, gzipped }) => ({
        span,
        points: index.points.length,
        passMs,
        bytes,
        gzipped,
      })),
      files: base.picked.length,
      ldd: `${LDD_TARGET} → ${base.ldd}`,
      sessions: sessions.map(({ name, openMs, readMs, lddMs }) => ({ name, openMs, readMs, lddMs })),
      rawReads: raw.map(({ name, ms, value }) => ({ name, ms, bytes: value })),
    };
  } finally {
    await Promise.all([packed.close(), plain.close()]);
  }
}

runOnPair('bench/run/checkpoint-read.ts', main);

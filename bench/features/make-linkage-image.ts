/**
 * A real image with thousands of ELF files and real linkage: the host's merged-/usr libraries,
 * programs and loader cache in two layers (libraries and loader config below, programs above),
 * written by the shared bench writer as a docker-archive (plain layers) and an OCI archive (gzip).
 */
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { buildLayer } from '../archive/build-layer';
import { walkTree, type TreeEntry } from '../archive/walk-tree';
import { imageConfig, writeDockerArchive, writeOciArchive, type StagedLayer } from '../archive/write-image';
import { OUT } from './docker-image';

const LOWER = [
  'lib',
  'lib64',
  'bin',
  'sbin',
  'usr/lib64',
  'usr/lib/x86_64-linux-gnu',
  'etc/ld.so.cache',
  'etc/ld.so.conf',
  'etc/ld.so.conf.d',
];
const UPPER = ['usr/bin', 'usr/sbin', 'usr/libexec', 'usr/lib/python3.11/lib-dynload'];

export interface LinkageImage {
  readonly docker: string;
  readonly oci: string;
  /** Absolute host paths of the regular ELF files in the image. */
  readonly elfFiles: readonly string[];
}

function isElf(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.toString('latin1') === '\x7fELF';
  } finally {
    closeSync(fd);
  }
}

function collect(roots: readonly string[]): TreeEntry[] {
  const parents = new Set<string>();
  const entries: TreeEntry[] = [];
  for (const root of roots) {
    const parts = root.split('/');
    for (let i = 1; i < parts.length; i++) parents.add(parts.slice(0, i).join('/'));
    entries.push(...walkTree(`/${root}`));
  }
  const dirs = [...parents].filter((p) => !entries.some((e) => e.path === p));
  return [...dirs.sort().map((path) => ({ path, isDir: true, size: 0 })), ...entries];
}

/** Absolute host paths of the regular ELF files the image holds. */
export function linkageElfFiles(): string[] {
  return collect([...LOWER, ...UPPER])
    .filter((e) => !e.isDir && e.size > 0 && isElf(`/${e.path}`))
    .map((e) => `/${e.path}`);
}

export async function makeLinkageImage(): Promise<LinkageImage> {
  const work = join(OUT, 'features-linkage');
  mkdirSync(work, { recursive: true });
  const staged: StagedLayer[] = [];
  for (const [i, roots] of [LOWER, UPPER].entries()) {
    const tree = collect(roots);
    const job = {
      paths: tree.map((e) => e.path),
      prefix: '',
      listFile: join(work, `layer${i}.list`),
      gzipFile: join(work, `layer${i}.tar.gz`),
      plainFile: join(work, `layer${i}.tar`),
    };
    const built = await buildLayer(job);
    staged.push({
      ...built,
      gzipFile: job.gzipFile,
      plainFile: job.plainFile,
      createdBy: `COPY ${roots.join(' ')}`,
      entries: tree.length,
    });
  }
  const config = imageConfig(staged);
  const docker = join(OUT, 'features-linkage-docker.tar');
  const oci = join(OUT, 'features-linkage-oci.tar');
  writeDockerArchive(work, staged, config, 'features-linkage', docker);
  writeOciArchive(work, staged, config, 'features-linkage', oci);
  return { docker, oci, elfFiles: linkageElfFiles() };
}

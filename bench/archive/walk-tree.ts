/**
 * The real files a benchmark image is made of: a sorted walk of host trees (/usr by default), cut
 * into layers by apparent size. Real binaries, libraries and text give real compression ratios and
 * a real mix of entry sizes, which synthetic random or zero-filled files would not.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface TreeEntry {
  /** Path relative to /, as tar stores it with `-C /`: "usr/lib/x86_64-linux-gnu/libc.so.6". */
  readonly path: string;
  readonly isDir: boolean;
  /** Apparent size of a regular file; 0 for directories and links. */
  readonly size: number;
}

/** Depth-first walk in name order, directories before their contents; sockets and devices skipped. */
export function walkTree(root: string): TreeEntry[] {
  const out: TreeEntry[] = [];
  const visit = (relative: string) => {
    const info = lstatSync(join('/', relative));
    if (info.isDirectory()) {
      out.push({ path: relative, isDir: true, size: 0 });
      let names: string[];
      try {
        names = readdirSync(join('/', relative)).sort();
      } catch {
        return;
      }
      for (const name of names) visit(`${relative}/${name}`);
    } else if (info.isFile()) {
      out.push({ path: relative, isDir: false, size: info.size });
    } else if (info.isSymbolicLink()) {
      out.push({ path: relative, isDir: false, size: 0 });
    }
  };
  visit(root.replace(/^\/+/, ''));
  return out;
}

/** Contiguous runs of the walk holding about `bytes` of file content each. */
export interface TreeChunk {
  readonly from: number;
  readonly to: number;
  readonly bytes: number;
}

/**
 * The walk cut into small runs and dealt out in a fixed shuffled order (a prime stride), so every
 * layer samples all of the tree: binaries, libraries, locale data and docs alike, with the tree's
 * own mix of file sizes, instead of one layer of /usr/bin and another of man pages.
 */
export function dealChunks(tree: readonly TreeEntry[], bytes: number): TreeChunk[] {
  const chunks: TreeChunk[] = [];
  let from = 0;
  let taken = 0;
  for (let i = 0; i < tree.length; i++) {
    taken += tree[i]!.size;
    if (taken >= bytes || i === tree.length - 1) {
      chunks.push({ from, to: i + 1, bytes: taken });
      from = i + 1;
      taken = 0;
    }
  }
  const stride = [7919, 7907, 7901].find((p) => chunks.length % p !== 0) ?? 1;
  return chunks.map((_, i) => chunks[(i * stride) % chunks.length]!);
}

/**
 * The next layer's paths, in tar order: dealt chunks from `from` until `bytes` of file content are
 * in, plus each chunk's parent directories, so every layer is a tree of its own as `COPY` layers are.
 */
export function takeLayer(
  tree: readonly TreeEntry[],
  chunks: readonly TreeChunk[],
  from: number,
  bytes: number,
): { paths: string[]; next: number; bytes: number } {
  const paths = new Set<string>();
  let taken = 0;
  let c = from;
  for (; c < chunks.length && taken < bytes; c++) {
    const chunk = chunks[c]!;
    const parts = tree[chunk.from]!.path.split('/');
    for (let i = 1; i < parts.length; i++) paths.add(parts.slice(0, i).join('/'));
    for (let i = chunk.from; i < chunk.to; i++) paths.add(tree[i]!.path);
    taken += chunk.bytes;
  }
  return { paths: [...paths].sort(), next: c, bytes: taken };
}

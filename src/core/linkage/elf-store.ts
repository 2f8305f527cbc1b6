import { parseElf, imageFileReader } from '../elf/parse-elf';
import type { ElfResult } from '../elf/elf-types';
import type { ImageFs } from '../model/image-fs';
import { splitPath } from '../model/path';

export interface StoredElf {
  /** The file inside the image after every symlink; undefined when the path does not exist. */
  readonly realPath: string | undefined;
  readonly elf: ElfResult;
}

const MISSING: ElfResult = {
  ok: false,
  code: 'unreadable',
  reason: 'no such file in the image',
  head: new Uint8Array(0),
};

/**
 * Parsed ELF files of one image, shared by every per-executable load: parsed once per realpath, so resolving
 * thousands of executables that all need libc reads libc once.
 */
export class ElfStore {
  private readonly byPath = new Map<string, Promise<StoredElf>>();
  private readonly byRealPath = new Map<string, Promise<ElfResult>>();

  constructor(readonly fs: ImageFs) {}

  get(path: string): Promise<StoredElf> {
    let entry = this.byPath.get(path);
    if (entry === undefined) {
      entry = this.load(path);
      this.byPath.set(path, entry);
    }
    return entry;
  }

  private async load(path: string): Promise<StoredElf> {
    const physical = await physicalPath(this.fs, path);
    const realPath = await this.fs.realpath(physical);
    if (realPath === undefined) return { realPath, elf: MISSING };
    const node = await this.fs.lstat(realPath);
    if (node?.kind !== 'file') return { realPath, elf: MISSING };
    let elf = this.byRealPath.get(realPath);
    if (elf === undefined) {
      elf = parseElf(imageFileReader(this.fs, realPath));
      this.byRealPath.set(realPath, elf);
    }
    return { realPath, elf: await elf };
  }
}

/**
 * Resolve ".." physically, as the kernel does: "a/b/../c" is the parent of where "a/b" really is, which differs
 * from a textual collapse when "a/b" is a symlink.
 */
export async function physicalPath(fs: ImageFs, path: string): Promise<string> {
  if (!path.split('/').includes('..') && !path.includes('/./') && !path.includes('//')) return path;
  let current = '';
  for (const part of splitPath(path)) {
    if (part === '..') {
      const real = (await fs.realpath(current === '' ? '/' : current)) ?? current;
      current = real.slice(0, Math.max(0, real.lastIndexOf('/')));
    } else current += '/' + part;
  }
  return current === '' ? '/' : current;
}

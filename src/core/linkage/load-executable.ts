import { ET_DYN, ET_EXEC } from '../elf/elf-constants';
import type { ImageFs } from '../model/image-fs';
import type { TargetMachine } from './cache-lookup';
import { loadGlibc } from './glibc-loader';
import type { LoaderSettings, LoadOptions, LoadResult } from './link-types';
import { LinkageContext } from './linkage-context';
import { defaultGlibcInterpreter, muslArch, targetOf } from './loader-common';
import { loadMusl } from './musl-loader';

function notDynamic(path: string, realPath: string | undefined, note: string): LoadResult {
  return {
    path,
    realPath: realPath ?? null,
    flavor: 'glibc',
    interpreter: null,
    status: 'not-dynamic',
    libraries: [],
    versions: [],
    messages: [],
    fatal: null,
    notes: [note],
    undefinedSymbols: null,
    relocationAborted: false,
  };
}

async function exists(ctx: LinkageContext, path: string): Promise<boolean> {
  return (await ctx.store.get(path)).realPath !== undefined;
}

function sameTarget(a: TargetMachine, b: TargetMachine): boolean {
  return a.machine === b.machine && a.class === b.class && a.littleEndian === b.littleEndian;
}

/**
 * What `LC_ALL=C ldd PATH` would report inside the image, without running anything. The main program's
 * $ORIGIN is the directory of its realpath, as for a real exec (ldd itself would use the path as given).
 */
export async function loadExecutable(
  ctx: LinkageContext,
  path: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const stored = await ctx.store.get(path);
  const elf = stored.elf;
  if (stored.realPath === undefined) return notDynamic(path, undefined, 'no such file in the image');
  if (!elf.ok) return notDynamic(path, stored.realPath, elf.reason);
  if (elf.dynamic === undefined) return notDynamic(path, stored.realPath, 'no PT_DYNAMIC: a static file');
  if (elf.header.type !== ET_DYN && elf.header.type !== ET_EXEC) {
    return notDynamic(path, stored.realPath, 'neither an executable nor a shared object');
  }
  const target = targetOf(elf.header);
  const interp = elf.interpreter;
  const arch = muslArch(target);
  const muslLdso = `/lib/ld-musl-${arch ?? 'unknown'}.so.1`;
  if (interp !== undefined && /(^|\/)ld-musl-[^/]*$/.test(interp)) {
    return loadMusl(ctx, path, stored.realPath, elf, interp, arch);
  }
  if (interp !== undefined && !(await exists(ctx, interp))) {
    // ldd tries the loaders it knows; none of the image's runs a program of another class or machine.
    const native = await nativeTarget(ctx);
    if (native !== undefined && !sameTarget(native, target)) {
      return notDynamic(path, stored.realPath, `its loader ${interp} is not in the image`);
    }
  }
  if (interp === undefined) {
    const glibcLdso = defaultGlibcInterpreter(target);
    if (!(await exists(ctx, glibcLdso))) {
      if (await exists(ctx, muslLdso)) return loadMusl(ctx, path, stored.realPath, elf, muslLdso, arch);
      const native = await nativeTarget(ctx);
      if (native !== undefined && !sameTarget(native, target)) {
        return notDynamic(path, stored.realPath, 'no loader in the image runs this class and machine');
      }
    }
  }
  return loadGlibc(ctx, path, stored.realPath, elf, target, interp, options);
}

const KNOWN_LOADERS = [
  '/lib64/ld-linux-x86-64.so.2',
  '/lib/ld-linux-aarch64.so.1',
  '/lib/ld-linux.so.2',
  '/lib/ld-linux-armhf.so.3',
  '/lib64/ld64.so.2',
  '/lib/ld64.so.1',
  '/lib/ld-linux-riscv64-lp64d.so.1',
];

/** The image's own machine: that of /bin/sh, else of the first well-known glibc loader present. */
async function nativeTarget(ctx: LinkageContext): Promise<TargetMachine | undefined> {
  for (const path of ['/bin/sh', ...KNOWN_LOADERS]) {
    const stored = await ctx.store.get(path);
    if (stored.elf.ok) return targetOf(stored.elf.header);
  }
  return undefined;
}

/** One-off convenience: a fresh context for a single file. Use a shared LinkageContext for many files. */
export async function resolveLoad(
  fs: ImageFs,
  path: string,
  settings: LoaderSettings = {},
): Promise<LoadResult> {
  return loadExecutable(new LinkageContext(fs, settings), path);
}

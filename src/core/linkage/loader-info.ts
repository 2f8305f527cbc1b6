import type { ImageFs } from '../model/image-fs';

/** What ld.so itself says about its search path and version (glibc elf/Makefile SYSTEM_DIRS, version.c). */
export interface GlibcLoaderInfo {
  /** Compiled-in system directories without trailing "/" (Debian amd64: /lib/x86_64-linux-gnu, ...). */
  readonly systemDirs: readonly string[];
  /** True when the directories were read from the binary rather than guessed. */
  readonly systemDirsFromBinary: boolean;
  /** "2.36" etc. from "... stable release version 2.36", undefined when not found. */
  readonly version: string | undefined;
  /** The full banner, e.g. "ld.so (Debian GLIBC 2.36-9+deb12u14) stable release version 2.36". */
  readonly banner: string | undefined;
}

const MAX_LDSO_BYTES = 16 * 1024 * 1024;
// SYSTEM_DIRS is stored as consecutive NUL-terminated absolute paths ending in "/" (gen-trusted-dirs.awk).
const SYSTEM_DIRS = /(?:\/[^\0/][^\0]*\/\0){2,}/;
const BANNER = /[ -~]*release version (\d+\.\d+)/;

export async function readGlibcLoaderInfo(
  fs: ImageFs,
  interpreter: string,
  is64: boolean,
): Promise<GlibcLoaderInfo> {
  const bytes = await fs.read(interpreter, 0, MAX_LDSO_BYTES);
  const text = bytes === undefined ? '' : latin1(bytes);
  const dirs = SYSTEM_DIRS.exec(text);
  const banner = BANNER.exec(text);
  return {
    systemDirs: dirs
      ? dirs[0]
          .split('\0')
          .filter((d) => d !== '')
          .map((d) => (d.length > 1 ? d.replace(/\/+$/, '') : d))
      : is64
        ? ['/lib64', '/usr/lib64']
        : ['/lib', '/usr/lib'],
    systemDirsFromBinary: dirs !== null,
    version: banner?.[1],
    banner: banner?.[0].replace(/^[^A-Za-z]*/, '').replace(/\.$/, ''),
  };
}

/** "2.36" >= "2.33"? Missing versions count as old. */
export function glibcAtLeast(version: string | undefined, major: number, minor: number): boolean {
  if (version === undefined) return false;
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  // Small pieces: spreading 64 Ki arguments overflows a browser worker's smaller stack.
  for (let i = 0; i < bytes.length; i += 4096) {
    out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return out;
}

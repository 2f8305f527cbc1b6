/**
 * DT_RPATH / DT_RUNPATH / LD_LIBRARY_PATH lists the way glibc's fillin_rpath and _dl_dst_substitute read them
 * (elf/dl-load.c): tokens $ORIGIN, $LIB, $PLATFORM (also ${...}); a token followed by [A-Za-z0-9_] is no token,
 * an unknown $FOO stays literal, a known token without a value drops the whole element; an empty element means
 * the bare name, opened relative to the working directory (ldd then prints `libx.so` alone, not `./libx.so`);
 * trailing slashes go; duplicates are merged.
 */

export interface TokenValues {
  readonly origin: string | undefined;
  readonly lib: string | undefined;
  readonly platform: string | undefined;
}

const TOKEN = /\$(?:\{(ORIGIN|LIB|PLATFORM)\}|(ORIGIN|LIB|PLATFORM)(?![A-Za-z0-9_]))/g;

/** Expand the tokens of one element; undefined when a known token has no value. */
export function expandTokens(element: string, values: TokenValues): string | undefined {
  let result = '';
  let last = 0;
  for (const match of element.matchAll(TOKEN)) {
    const name = match[1] ?? match[2];
    const value = name === 'ORIGIN' ? values.origin : name === 'LIB' ? values.lib : values.platform;
    if (value === undefined) return undefined;
    result += element.slice(last, match.index) + value;
    last = match.index + match[0].length;
  }
  return result + element.slice(last);
}

/** A glibc search list: separators ':' (and ';' for LD_LIBRARY_PATH), "" kept, no trailing "/". */
export function glibcPathList(list: string, values: TokenValues, separators = /:/): string[] {
  const dirs: string[] = [];
  for (const element of list.split(separators)) {
    const expanded = expandTokens(element, values);
    if (expanded === undefined) continue;
    // An empty element stays empty: the name is then opened as is, relative to the working directory.
    const dir = expanded.length > 1 ? expanded.replace(/\/+$/, '') : expanded;
    if (!dirs.includes(dir)) dirs.push(dir);
  }
  return dirs;
}

/**
 * musl's fixup_rpath (ldso/dynlink.c): only $ORIGIN / ${ORIGIN}; any other "$" voids the object's whole rpath;
 * empty elements are skipped (separators ':' and newline).
 */
export function muslPathList(list: string, origin: string): string[] {
  const replaced = list.replace(/\$\{ORIGIN\}|\$ORIGIN/g, origin);
  if (replaced.includes('$')) return [];
  return list
    .split(/[:\n]/)
    .filter((e) => e !== '')
    .map((e) => e.replace(/\$\{ORIGIN\}|\$ORIGIN/g, origin));
}

export function dirname(path: string): string {
  const at = path.lastIndexOf('/');
  if (at < 0) return '.';
  return at === 0 ? '/' : path.slice(0, at);
}

/** Join a directory as written with a file name, as glibc's open_path does (no normalisation). */
export function joinDir(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/**
 * Make a path absolute against the working directory. ".." stays: it is resolved physically when the image is
 * read (ElfStore), since "dir/.." differs from a textual collapse when "dir" is a symlink.
 */
export function absolutePath(path: string, cwd: string): string {
  return path.startsWith('/') ? path : joinDir(cwd, path);
}

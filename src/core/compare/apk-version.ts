/**
 * apk's version order (apk-tools src/version.c, the Gentoo rules it follows): numeric components (after the
 * first, one with a leading zero compares as a decimal fraction), an optional letter, `_suffix[N]` parts
 * (alpha, beta, pre, rc sort before the plain version; cvs, svn, git, hg, p after), a `~hash` that does
 * not order, then the `-rN` package revision.
 */

const PRE = ['alpha', 'beta', 'pre', 'rc'];
const POST = ['cvs', 'svn', 'git', 'hg', 'p'];

interface ApkVersion {
  readonly numbers: readonly string[];
  readonly letter: string;
  readonly suffixes: readonly { readonly rank: number; readonly n: number }[];
  readonly revision: number;
}

/** alpha < beta < pre < rc < (none) < cvs < svn < git < hg < p; unknown suffixes sort as (none). */
function suffixRank(name: string): number {
  const pre = PRE.indexOf(name);
  if (pre >= 0) return pre - PRE.length;
  const post = POST.indexOf(name);
  return post >= 0 ? post + 1 : 0;
}

function parse(version: string): ApkVersion {
  const match = /^([0-9]+(?:\.[0-9]+)*)([a-z]?)((?:_[a-z]+[0-9]*)*)(?:~[0-9a-f]+)?(?:-r([0-9]+))?$/.exec(
    version,
  );
  if (match === null) return { numbers: [version], letter: '', suffixes: [], revision: 0 };
  const suffixes = [...(match[3] ?? '').matchAll(/_([a-z]+)([0-9]*)/g)].map((m) => ({
    rank: suffixRank(m[1]!),
    n: Number(m[2] || 0),
  }));
  return {
    numbers: match[1]!.split('.'),
    letter: match[2] ?? '',
    suffixes,
    revision: Number(match[4] ?? 0),
  };
}

function compareNumber(a: string, b: string, first: boolean): number {
  if (!first && (a.startsWith('0') || b.startsWith('0'))) {
    // A fraction: 1.05 < 1.1, compared digit by digit with trailing zeros dropped.
    const x = a.replace(/0+$/, '');
    const y = b.replace(/0+$/, '');
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Negative, 0 or positive as apk version a sorts before, with or after b. */
export function compareApkVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (!/^[0-9]/.test(x.numbers[0]!) || !/^[0-9]/.test(y.numbers[0]!)) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 0; i < Math.min(x.numbers.length, y.numbers.length); i++) {
    const order = compareNumber(x.numbers[i]!, y.numbers[i]!, i === 0);
    if (order !== 0) return order;
  }
  if (x.numbers.length !== y.numbers.length) return x.numbers.length - y.numbers.length;
  if (x.letter !== y.letter) return x.letter < y.letter ? -1 : 1;
  for (let i = 0; i < Math.max(x.suffixes.length, y.suffixes.length); i++) {
    const s = x.suffixes[i];
    const t = y.suffixes[i];
    // A version with one more suffix is older when that suffix is a pre-release, else newer.
    if (s === undefined) return t!.rank < 0 ? 1 : -1;
    if (t === undefined) return s.rank < 0 ? -1 : 1;
    if (s.rank !== t.rank) return s.rank - t.rank;
    if (s.n !== t.n) return s.n - t.n;
  }
  return x.revision - y.revision;
}

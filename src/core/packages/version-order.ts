// Hand-written: no maintained JS library implements dpkg's verrevcmp, rpm's rpmvercmp and apk's version.c exactly; each is small.
/** Version order as dpkg, rpm and apk define it: upgrade or downgrade between layers and images, `--version` filters. */
import type { PackageManager } from './package-types';

/** Negative, 0 or positive as version a sorts before, with or after b, in the manager's own order. */
export function compareVersions(manager: PackageManager, a: string, b: string): number {
  if (manager === 'dpkg') return compareDpkgVersions(a, b);
  if (manager === 'rpm') return compareRpmVersions(a, b);
  return compareApkVersions(a, b);
}

function splitEpoch(version: string): [number, string] {
  const colon = version.indexOf(':');
  return colon < 0 ? [0, version] : [Number(version.slice(0, colon)) || 0, version.slice(colon + 1)];
}

/** deb-version(7) order: epoch, then upstream and revision by dpkg's verrevcmp (lib/dpkg/version.c). */
export function compareDpkgVersions(a: string, b: string): number {
  const [epochA, restA] = splitEpoch(a);
  const [epochB, restB] = splitEpoch(b);
  if (epochA !== epochB) return epochA - epochB;
  const dashA = restA.lastIndexOf('-');
  const dashB = restB.lastIndexOf('-');
  const upstream = verrevcmp(
    dashA < 0 ? restA : restA.slice(0, dashA),
    dashB < 0 ? restB : restB.slice(0, dashB),
  );
  if (upstream !== 0) return upstream;
  return verrevcmp(dashA < 0 ? '' : restA.slice(dashA + 1), dashB < 0 ? '' : restB.slice(dashB + 1));
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);

/** dpkg's character order: "~" before the end, the end and digits, letters, then everything else. */
function dpkgOrder(c: string | undefined): number {
  if (c === undefined || isDigit(c)) return 0;
  if (isAlpha(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const diff = dpkgOrder(a[i]) - dpkgOrder(b[j]);
      if (diff !== 0) return diff;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    let firstDiff = 0;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}

/** rpm's EVR order (rpmVersionCompare): epoch (absent is 0), then rpmvercmp on version and release. */
export function compareRpmVersions(a: string, b: string): number {
  const [epochA, restA] = splitEpoch(a);
  const [epochB, restB] = splitEpoch(b);
  if (epochA !== epochB) return epochA < epochB ? -1 : 1;
  const dashA = restA.lastIndexOf('-');
  const dashB = restB.lastIndexOf('-');
  const version = rpmvercmp(
    dashA < 0 ? restA : restA.slice(0, dashA),
    dashB < 0 ? restB : restB.slice(0, dashB),
  );
  if (version !== 0 || dashA < 0 || dashB < 0) return version;
  return rpmvercmp(restA.slice(dashA + 1), restB.slice(dashB + 1));
}

/** rpmvercmp (rpmio/rpmvercmp.c): alternating digit and letter runs; "~" sorts first, "^" after the end. */
function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  const separator = (c: string | undefined) =>
    c !== undefined && !isDigit(c) && !isAlpha(c) && c !== '~' && c !== '^';
  while (i < a.length || j < b.length) {
    while (separator(a[i])) i++;
    while (separator(b[j])) j++;
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigit(a[i]);
    const run = numeric ? isDigit : isAlpha;
    let endA = i;
    let endB = j;
    while (run(a[endA])) endA++;
    while (run(b[endB])) endB++;
    if (endB === j) return numeric ? 1 : -1;
    let partA = a.slice(i, endA);
    let partB = b.slice(j, endB);
    if (numeric) {
      partA = partA.replace(/^0+/, '');
      partB = partB.replace(/^0+/, '');
      if (partA.length !== partB.length) return partA.length > partB.length ? 1 : -1;
    }
    if (partA !== partB) return partA < partB ? -1 : 1;
    i = endA;
    j = endB;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

/**
 * apk's order (apk-tools src/version.c), token by token over `digit{.digit}{letter}{_suffix{N}}{~hash}{-rN}`:
 * numbers compare as numbers, except that a later one with a leading zero compares as a string (1.05 < 1.1);
 * suffixes alpha < beta < pre < rc < (none) < cvs < svn < git < hg < p; a `~hash` compares as a string. Where
 * the tokens stop matching (one version ends, or the next token is of another kind or not valid), the
 * version that goes on is newer, unless what follows is a pre-release suffix.
 */
export function compareApkVersions(a: string, b: string): number {
  const x = apkTokens(a);
  const y = apkTokens(b);
  let i = 0;
  for (; apkKind(x[i]) === apkKind(y[i]) && apkKind(x[i]) < ApkToken.End; i++) {
    const order = compareApkToken(x[i]!, y[i]!);
    if (order !== 0) return order;
  }
  const s = x[i];
  const t = y[i];
  if (apkKind(s) === apkKind(t)) return 0;
  if (s?.kind === ApkToken.Suffix && s.suffix < APK_NONE) return -1;
  if (t?.kind === ApkToken.Suffix && t.suffix < APK_NONE) return 1;
  return apkKind(s) > apkKind(t) ? -1 : 1;
}

/** Token kinds in the order apk allows them; an earlier kind after a later one makes the rest invalid. */
enum ApkToken {
  InitialDigit,
  Digit,
  Letter,
  Suffix,
  SuffixNumber,
  CommitHash,
  Revision,
  End,
  Invalid,
}

const APK_SUFFIXES = ['alpha', 'beta', 'pre', 'rc', '', 'cvs', 'svn', 'git', 'hg', 'p'];
const APK_NONE = APK_SUFFIXES.indexOf('');

interface ApkPart {
  readonly kind: ApkToken;
  readonly value: string;
  readonly suffix: number;
}

/** A version's valid leading tokens, then an Invalid token if anything is left that does not parse. */
function apkTokens(version: string): ApkPart[] {
  const parts: ApkPart[] = [];
  const initial = /^[0-9]+/.exec(version)?.[0];
  if (initial === undefined) return [{ kind: ApkToken.Invalid, value: version, suffix: 0 }];
  parts.push({ kind: ApkToken.InitialDigit, value: initial, suffix: 0 });
  let rest = version.slice(initial.length);
  let last = ApkToken.InitialDigit;
  while (rest !== '') {
    const part = nextApkToken(rest, last);
    if (part === undefined) {
      parts.push({ kind: ApkToken.Invalid, value: rest, suffix: 0 });
      break;
    }
    parts.push(part.part);
    last = part.part.kind;
    rest = rest.slice(part.length);
  }
  return parts;
}

function nextApkToken(rest: string, last: ApkToken): { part: ApkPart; length: number } | undefined {
  const token = (kind: ApkToken, value: string, length: number, suffix = 0) => ({
    part: { kind, value, suffix },
    length,
  });
  const c = rest[0]!;
  if (c >= 'a' && c <= 'z') return last > ApkToken.Digit ? undefined : token(ApkToken.Letter, c, 1);
  if (c === '.' || isDigit(c)) {
    if (c === '.' && last > ApkToken.Digit) return undefined;
    const digits = /^\.?([0-9]*)/.exec(rest)!;
    if (digits[1] === '') return undefined;
    if (last === ApkToken.InitialDigit || last === ApkToken.Digit)
      return token(ApkToken.Digit, digits[1]!, digits[0].length);
    if (last === ApkToken.Suffix) return token(ApkToken.SuffixNumber, digits[1]!, digits[0].length);
    return undefined;
  }
  if (c === '_') {
    if (last > ApkToken.SuffixNumber) return undefined;
    const name = /^_([a-z]*)/.exec(rest)![1]!;
    const suffix = name === '' ? -1 : APK_SUFFIXES.indexOf(name);
    return suffix < 0 ? undefined : token(ApkToken.Suffix, name, name.length + 1, suffix);
  }
  if (c === '~') {
    const hash = /^~([0-9a-f]*)/.exec(rest)![1]!;
    if (last >= ApkToken.CommitHash || hash === '') return undefined;
    return token(ApkToken.CommitHash, hash, hash.length + 1);
  }
  const revision = /^-r([0-9]+)/.exec(rest);
  if (c === '-' && revision !== null && last < ApkToken.Revision)
    return token(ApkToken.Revision, revision[1]!, revision[0].length);
  return undefined;
}

function apkKind(part: ApkPart | undefined): ApkToken {
  return part?.kind ?? ApkToken.End;
}

function compareApkToken(s: ApkPart, t: ApkPart): number {
  switch (s.kind) {
    case ApkToken.Digit:
      if (s.value.startsWith('0') || t.value.startsWith('0')) return compareStrings(s.value, t.value);
      return compareDigits(s.value, t.value);
    case ApkToken.InitialDigit:
    case ApkToken.SuffixNumber:
    case ApkToken.Revision:
      return compareDigits(s.value, t.value);
    case ApkToken.Suffix:
      return Math.sign(s.suffix - t.suffix);
    default:
      return compareStrings(s.value, t.value);
  }
}

/** Unsigned decimal numbers of any length, without converting them. */
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return compareStrings(x, y);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

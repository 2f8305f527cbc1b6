// Hand-written: no maintained JS library implements dpkg's verrevcmp and rpm's rpmvercmp exactly, and both are small.
/** Version order as dpkg and rpm define it, to tell an upgrade from a downgrade between layers. */
import type { PackageManager } from './package-types';

/** Negative, 0 or positive as version a sorts before, with or after b; undefined for apk. */
export function compareVersions(manager: PackageManager, a: string, b: string): number | undefined {
  if (manager === 'dpkg') return compareDpkgVersions(a, b);
  if (manager === 'rpm') return compareRpmVersions(a, b);
  return undefined;
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

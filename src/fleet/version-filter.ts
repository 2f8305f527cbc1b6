/**
 * `--version '<3.0.7'`: constraints on an installed package's version, compared the way its own
 * package manager orders versions (dpkg and rpm by the core's comparisons, apk by apk-tools' rules).
 * Several constraints separated by commas must all hold: `>=3.0,<3.0.7`.
 */
import { compareVersions } from '../core/packages/version-order';

type Op = '<' | '<=' | '>' | '>=' | '=' | '!=';

export interface VersionConstraint {
  readonly op: Op;
  readonly version: string;
}

const CONSTRAINT = /^\s*(<=|>=|!=|==|<|>|=)\s*([^\s<>=!,]+)\s*$/;

/** Parses `<3.0.7`, `>=1:2.3-4,<1:2.4`; throws a sentence on anything else. */
export function parseVersionFilter(text: string): VersionConstraint[] {
  return text.split(',').map((part) => {
    const m = CONSTRAINT.exec(part);
    if (!m)
      throw new Error(
        `--version ${text} is not a version constraint: write an operator (<, <=, >, >=, =, !=) and a version, e.g. '<3.0.7'.`,
      );
    const op = (m[1] === '==' ? '=' : m[1]) as Op;
    return { op, version: m[2]! };
  });
}

const APK_SUFFIXES = ['alpha', 'beta', 'pre', 'rc', '', 'cvs', 'svn', 'git', 'hg', 'p'];

interface ApkVersion {
  readonly numbers: number[];
  readonly letter: string;
  readonly suffixes: [number, number][];
  readonly revision: number;
}

function parseApk(v: string): ApkVersion {
  const [main = '', rev] = v.split('-r');
  const m = /^([0-9]+(?:\.[0-9]+)*)([a-z]?)((?:_[a-z]+[0-9]*)*)$/.exec(main);
  if (!m) return { numbers: [], letter: main, suffixes: [], revision: Number(rev ?? 0) || 0 };
  const suffixes = [...m[3]!.matchAll(/_([a-z]+)([0-9]*)/g)].map(
    ([, name, n]) => [APK_SUFFIXES.indexOf(name!), Number(n) || 0] as [number, number],
  );
  return {
    numbers: m[1]!.split('.').map(Number),
    letter: m[2]!,
    suffixes,
    revision: Number(rev ?? 0) || 0,
  };
}

/** apk-tools' order, for the versions Alpine ships: numbers, then a letter, then _suffixes, then -rN. */
export function compareApkVersions(a: string, b: string): number {
  const x = parseApk(a);
  const y = parseApk(b);
  for (let i = 0; i < Math.max(x.numbers.length, y.numbers.length); i++) {
    const d = (x.numbers[i] ?? -1) - (y.numbers[i] ?? -1);
    if (d !== 0) return Math.sign(d);
  }
  if (x.letter !== y.letter) return x.letter < y.letter ? -1 : 1;
  const none: [number, number] = [APK_SUFFIXES.indexOf(''), 0];
  for (let i = 0; i < Math.max(x.suffixes.length, y.suffixes.length); i++) {
    const [sa, na] = x.suffixes[i] ?? none;
    const [sb, nb] = y.suffixes[i] ?? none;
    if (sa !== sb) return Math.sign(sa - sb);
    if (na !== nb) return Math.sign(na - nb);
  }
  return Math.sign(x.revision - y.revision);
}

export function compareFor(manager: string, a: string, b: string): number {
  if (manager === 'dpkg' || manager === 'rpm') return compareVersions(manager, a, b) ?? 0;
  return compareApkVersions(a, b);
}

export function satisfies(
  manager: string,
  version: string,
  constraints: readonly VersionConstraint[],
): boolean {
  return constraints.every(({ op, version: want }) => {
    const c = compareFor(manager, version, want);
    switch (op) {
      case '<':
        return c < 0;
      case '<=':
        return c <= 0;
      case '>':
        return c > 0;
      case '>=':
        return c >= 0;
      case '=':
        return c === 0;
      case '!=':
        return c !== 0;
    }
  });
}

/**
 * `--version '<3.0.7'`: constraints on an installed package's version, compared the way its own
 * package manager orders versions (the core's dpkg, rpm and apk comparisons).
 * Several constraints separated by commas must all hold: `>=3.0,<3.0.7`.
 */
import { compareVersions, type PackageManager } from '../core';

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

export function satisfies(
  manager: string,
  version: string,
  constraints: readonly VersionConstraint[],
): boolean {
  return constraints.every(({ op, version: want }) => {
    // The index stores the managers the core reads packages for, and nothing else.
    const c = compareVersions(manager as PackageManager, version, want);
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

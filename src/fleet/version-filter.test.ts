import { describe, expect, it } from 'vitest';
import { compareVersions } from '../core';
import { parseVersionFilter, satisfies } from './version-filter';

describe('version filters', () => {
  it('parses one or several constraints and refuses anything else', () => {
    expect(parseVersionFilter('<3.0.7')).toEqual([{ op: '<', version: '3.0.7' }]);
    expect(parseVersionFilter('>= 1:2.3-4, <1:2.4')).toEqual([
      { op: '>=', version: '1:2.3-4' },
      { op: '<', version: '1:2.4' },
    ]);
    expect(() => parseVersionFilter('3.0.7')).toThrow(/not a version constraint/);
    expect(() => parseVersionFilter('~>3')).toThrow(/not a version constraint/);
  });

  it('dpkg order: epochs, tildes, revisions', () => {
    const lt = parseVersionFilter('<3.0.7');
    expect(satisfies('dpkg', '3.0.6-1', lt)).toBe(true);
    expect(satisfies('dpkg', '3.0.7~rc1-1', lt)).toBe(true);
    expect(satisfies('dpkg', '3.0.7-1', lt)).toBe(false);
    expect(satisfies('dpkg', '1:1.0-1', lt)).toBe(false);
    expect(satisfies('dpkg', '3.0.11-1~deb12u2', parseVersionFilter('>=3.0.11-1'))).toBe(false);
  });

  it('rpm order: epoch, version, release', () => {
    expect(satisfies('rpm', '1:3.0.7-24.el9', parseVersionFilter('<3.0.7'))).toBe(false);
    expect(satisfies('rpm', '3.0.7-24.el9', parseVersionFilter('<3.0.7-25'))).toBe(true);
    expect(satisfies('rpm', '3.0.10-1', parseVersionFilter('>3.0.9'))).toBe(true);
  });

  it('apk order: numbers, letter, suffixes, revision', () => {
    const order = ['1.2_alpha1', '1.2_rc1', '1.2', '1.2-r1', '1.2_p1', '1.2a', '1.2.1', '1.10'];
    for (let i = 1; i < order.length; i++) expect(compareVersions('apk', order[i - 1]!, order[i]!)).toBe(-1);
    expect(compareVersions('apk', '3.1.4-r5', '3.1.4-r5')).toBe(0);
    expect(satisfies('apk', '3.1.4-r5', parseVersionFilter('<3.1.4-r6'))).toBe(true);
  });
});

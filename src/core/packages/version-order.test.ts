import { describe, expect, it } from 'vitest';
import { compareApkVersions, compareVersions } from './version-order';

const sign = (n: number) => Math.sign(n);

describe('compareApkVersions', () => {
  it.each([
    ['1.2.3-r0', '1.2.4-r0'],
    ['1.2.3-r1', '1.2.3-r2'],
    ['1.9', '1.10'],
    ['1.2', '1.2.1'],
    ['1.2.3', '1.2.3a'],
    ['1.2.3_rc1', '1.2.3'],
    ['1.2.3_alpha', '1.2.3_beta'],
    ['1.2.3_beta2', '1.2.3_rc1'],
    ['1.2.3', '1.2.3_p1'],
    ['1.2.3_p1', '1.2.3_p2'],
    ['1.05', '1.1'],
    ['3.0.8-r0', '3.1.0-r0'],
    ['2.36.1-r2', '2.37-r0'],
    ['1.0_git20230101', '1.0_p1'],
  ])('%s < %s', (a, b) => {
    expect(sign(compareApkVersions(a, b))).toBe(-1);
    expect(sign(compareApkVersions(b, a))).toBe(1);
  });

  it('numbers, letter, suffixes, revision in one chain', () => {
    const order = ['1.2_alpha1', '1.2_rc1', '1.2', '1.2-r1', '1.2_p1', '1.2a', '1.2.1', '1.10'];
    for (let i = 1; i < order.length; i++) expect(compareApkVersions(order[i - 1]!, order[i]!)).toBe(-1);
    expect(compareApkVersions('3.1.4-r5', '3.1.4-r5')).toBe(0);
  });

  it('equal versions; the hash after ~ orders as a string, before the revision', () => {
    expect(compareApkVersions('1.2.3-r4', '1.2.3-r4')).toBe(0);
    expect(compareApkVersions('1.2.3~abc123-r0', '1.2.3~abc123-r0')).toBe(0);
    expect(compareApkVersions('1.2.3~abc123-r1', '1.2.3~def456-r0')).toBe(-1);
  });

  it('is what compareVersions answers for apk', () => {
    expect(compareVersions('apk', '3.0.8-r0', '3.1.0-r0')).toBe(-1);
  });
});

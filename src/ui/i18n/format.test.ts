import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatExact, formatList, formatPercent, formatRelative } from './format';

describe('formatters kept per locale', () => {
  it('give each locale its own digits and words, however often called', () => {
    for (let i = 0; i < 3; i++) {
      expect(formatCount(1234567, 'en')).toBe('1,234,567');
      expect(formatBytes(1_234_567, 'en')).toBe('1.23 MB');
      expect(formatBytes(1_234_567, 'de')).toBe('1,23 MB');
      expect(formatPercent(0.9996, 'en')).toBe('99.96%');
      expect(formatRelative('2026-01-01T00:00:00Z', 'en', Date.UTC(2026, 0, 6))).toBe('5 days ago');
      expect(formatRelative('2026-01-01T00:00:00Z', 'zh-CN', Date.UTC(2026, 0, 6))).toBe('5天前');
    }
    const exact = formatExact('2026-01-01T00:00:00Z', 'en');
    expect(exact).toContain('2026');
    expect(formatExact('2026-01-01T00:00:00Z', 'en')).toBe(exact);
    expect(formatExact('0001-01-01T00:00:00Z', 'en')).toBeNull();
  });
});

describe('lists in the page language', () => {
  it('join words as each language does', () => {
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b, and c');
    expect(formatList(['a', 'b', 'c'], 'zh-CN')).toBe('a、b和c');
    expect(formatList(['a', 'b'], 'zh-CN', 'disjunction')).toBe('a或b');
    expect(formatList(['a', 'b', 'c'], 'en', 'plain')).toBe('a, b, c');
    expect(formatList(['a', 'b', 'c'], 'zh-CN', 'plain')).toBe('a、b、c');
    expect(formatList(['a'], 'zh-CN', 'plain')).toBe('a');
    expect(formatList([], 'en')).toBe('');
  });
});

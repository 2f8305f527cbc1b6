import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatExact, formatPercent, formatRelative } from './format';

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

import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMonth, signed } from './member-format';

const AT = Date.UTC(2026, 10, 20, 6, 5); // 14:05 in Shanghai
describe('member formatting', () => {
  it('shows China time, the year only when not this one', () => {
    expect(formatDateTime(AT, 'zh-CN', AT)).toContain('14:05');
    expect(formatDateTime(AT, 'zh-CN', AT)).toContain('11月20日');
    expect(formatDateTime(AT, 'en', Date.UTC(2027, 1, 1))).toMatch(/2026/);
    expect(formatDateTime(AT, 'en', AT)).not.toMatch(/2026/);
  });
  it('formats days and months in both languages', () => {
    expect(formatDate(AT, 'zh-CN')).toBe('2026年11月20日');
    expect(formatDate(AT, 'en')).toBe('20 Nov 2026');
    expect(formatMonth('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
  });
  it('signs amounts', () => {
    expect(signed('¥1.00', -1)).toBe('−¥1.00');
    expect(signed('¥1.00', 1)).toBe('+¥1.00');
  });
});

import { describe, expect, it } from 'vitest';
import { formatCount, formatWait, groupCardNo, isMobile, maskPhone, normalizeLookup, toLang } from './format';

describe('maskPhone', () => {
  it('masks the middle four digits of a mobile number', () => expect(maskPhone('13812345678')).toBe('138****5678'));
  it('trims first', () => expect(maskPhone(' 13812345678 ')).toBe('138****5678'));
  it('keeps the last four of anything else', () => expect(maskPhone('02088886666')).toBe('020****6666'));
  it('masks odd lengths to the last four', () => expect(maskPhone('1234567')).toBe('***4567'));
  it('leaves very short values', () => expect(maskPhone('123')).toBe('123'));
});

describe('groupCardNo', () => {
  it('groups by four', () => expect(groupCardNo('880100001234')).toBe('8801 0000 1234'));
  it('handles a ragged end', () => expect(groupCardNo('88010')).toBe('8801 0'));
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatCount(12345, 'zh-CN')).toBe('12,345');
  });
});

describe('formatWait', () => {
  it.each([
    [0, 'zh-CN', '1 秒'],
    [45, 'zh-CN', '45 秒'],
    [45, 'en', '45 s'],
    [89, 'en', '89 s'],
    [90, 'en', '2 min'],
    [840, 'zh-CN', '14 分钟'],
    [841, 'en', '15 min'],
  ] as const)('%i s in %s → %s', (s, lang, out) => expect(formatWait(s, lang)).toBe(out));
});

describe('normalizeLookup', () => {
  it('drops spaces and dashes from numbers', () => expect(normalizeLookup(' 138-1234 5678 ')).toBe('13812345678'));
  it('keeps names as typed (trimmed)', () => expect(normalizeLookup(' 王 芳 ')).toBe('王 芳'));
});

describe('isMobile', () => {
  it('accepts 11-digit mainland numbers', () => expect(isMobile('13912345678')).toBe(true));
  it('rejects others', () => {
    expect(isMobile('12912345678')).toBe(false);
    expect(isMobile('1391234567')).toBe(false);
  });
});

describe('toLang', () => {
  it('maps variants onto the shipped languages', () => {
    expect(toLang('zh')).toBe('zh-CN');
    expect(toLang('zh-Hans-CN')).toBe('zh-CN');
    expect(toLang('en-US')).toBe('en');
    expect(toLang('fr')).toBeUndefined();
    expect(toLang(null)).toBeUndefined();
  });
});

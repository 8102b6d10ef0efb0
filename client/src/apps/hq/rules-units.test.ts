import { describe, expect, it } from 'vitest';
import { multiplierText, parseMultiplier, parseRate, rateInput, rateText } from './rules-units';

describe('rates as 折 and % off', () => {
  it.each([
    [9500, 'zh-CN', '9.5折', '9.5'],
    [8850, 'zh-CN', '8.85折', '8.85'],
    [10_000, 'zh-CN', '不打折', '10'],
    [9500, 'en', '5% off', '5'],
    [8850, 'en', '11.5% off', '11.5'],
  ] as const)('%i in %s', (bp, lang, text, input) => {
    expect(rateText(bp, lang)).toBe(text);
    expect(rateInput(bp, lang)).toBe(input);
    expect(parseRate(input, lang)).toBe(bp);
  });
  it.each([['abc', 'zh-CN'], ['11', 'zh-CN'], ['101', 'en']] as const)('refuses %s', (s, lang) => expect(parseRate(s, lang)).toBeNull());
  it('multipliers', () => {
    expect(multiplierText(15_000)).toBe('×1.5');
    expect([parseMultiplier('1.5'), parseMultiplier('×2'), parseMultiplier('x')]).toEqual([15_000, 20_000, null]);
  });
});

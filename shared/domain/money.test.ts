import { describe, expect, it } from 'vitest';
import { formatFen, parseYuan } from './money';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [123456, '¥1,234.56'],
    [-5, '-¥0.05'],
    [100000000, '¥1,000,000.00'],
  ])('%i → %s', (fen, s) => expect(formatFen(fen)).toBe(s));
  it('refuses fractions of a fen', () => expect(() => formatFen(1.5)).toThrow(RangeError));
});

describe('parseYuan', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.05', 1205],
    ['¥1,234.56', 123456],
    ['0.01', 1],
    ['-3', -300],
    ['1.234', null],
    ['abc', null],
    ['', null],
  ])('%s → %s', (s, fen) => expect(parseYuan(s)).toBe(fen));
});

import { describe, expect, it } from 'vitest';
import { formatInt, formatReceiptTime, maskCard, maskPhone, shortOrderId } from './receipt-format';

describe('masking', () => {
  it.each([
    ['13812341234', '138****1234'],
    [' 13900001111 ', '139****1111'],
    ['020-3888', '****3888'],
    ['123', '123'],
  ])('phone %j → %j', (p, out) => expect(maskPhone(p)).toBe(out));
  it.each([
    ['880000001234', '****1234'],
    ['8800 0000 5678', '****5678'],
    ['1234', '1234'],
    ['', ''],
  ])('card %j → %j', (c, out) => expect(maskCard(c)).toBe(out));
});

describe('shortOrderId', () => {
  it.each([
    ['01KAB3Y7Z8QWERTYUIOPASDFGH', 'OPASDFGH'],
    ['01kab3y7z8qwertyuiopasdfgh', 'OPASDFGH'],
    ['abc', 'ABC'],
  ])('%s → %s', (id, out) => expect(shortOrderId(id)).toBe(out));
});

describe('formatReceiptTime', () => {
  it.each([
    [Date.UTC(2026, 10, 23, 6, 5, 9), '2026-11-23 14:05:09'],
    [Date.UTC(2026, 11, 31, 16, 0, 0), '2027-01-01 00:00:00'],
    [Date.UTC(2026, 0, 1, 15, 59, 59), '2026-01-01 23:59:59'],
  ])('%i → %s (Asia/Shanghai)', (ms, out) => expect(formatReceiptTime(ms)).toBe(out));
});

describe('formatInt', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1234, '1,234'],
    [1234567, '1,234,567'],
    [-1234, '-1,234'],
  ])('%i → %s', (n, out) => expect(formatInt(n)).toBe(out));
});

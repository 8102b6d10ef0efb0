import { describe, expect, it } from 'vitest';
import { center, joinPair, pairLines, textWidth, truncate, wrap } from './receipt-text';

describe('textWidth', () => {
  it.each([
    ['', 0],
    ['abc 123', 7],
    ['¥88.00', 6],
    ['洗剪吹', 6],
    ['金卡 VIP', 8],
    ['，。（）', 8],
    ['2 × 3…', 8],
    ['𠀋', 2],
  ])('%j → %i', (s, n) => expect(textWidth(s)).toBe(n));
});

describe('truncate', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['a longer name', 10, 'a longer..'],
    ['精油开背护理套餐', 10, '精油开背..'],
  ])('%j in %i → %j', (s, w, out) => {
    expect(truncate(s, w)).toBe(out);
    expect(textWidth(truncate(s, w))).toBeLessThanOrEqual(w);
  });
});

describe('wrap', () => {
  it.each([
    ['fits', 10, ['fits']],
    ['', 10, ['']],
    ['Deep conditioning treatment', 12, ['Deep', 'conditioning', 'treatment']],
    ['Cut and blow dry', 10, ['Cut and', 'blow dry']],
    ['广州市天河区天河路208号粤海天河城3楼', 16, ['广州市天河区天河', '路208号粤海天河', '城3楼']],
    ['abcdefghijkl', 5, ['abcde', 'fghij', 'kl']],
  ])('%j in %i', (s, w, lines) => {
    expect(wrap(s, w)).toEqual(lines);
    for (const l of wrap(s, w)) expect(textWidth(l)).toBeLessThanOrEqual(w);
  });
});

describe('center / joinPair', () => {
  it('centres by columns, CJK counting two', () => {
    expect(center('ab', 6)).toBe('  ab');
    expect(center('天河', 8)).toBe('  天河');
    expect(center('too wide', 4)).toBe('too wide');
  });
  it('pads between label and amount to the full width', () => {
    expect(joinPair('合计', '¥1.00', 16)).toBe('合计       ¥1.00');
    expect(textWidth(joinPair('合计', '¥1.00', 32))).toBe(32);
    expect(joinPair('abc', 'def', 4)).toBe('abc def');
  });
});

describe('pairLines', () => {
  it.each([
    ['fits on one line', '会员折扣', '-¥8.80', 32, [{ left: '会员折扣', right: '-¥8.80' }]],
    ['a long label wraps; the amount on its last line', '精油开背护理套餐（含头部按摩）', '¥388.00', 20, [{ left: '精油开背护理套餐（含', right: '' }, { left: '头部按摩）', right: '¥388.00' }]],
    ['the amount gets its own line when the last one is full', 'abcdefghij', '¥1.00', 10, [{ left: 'abcdefghij', right: '' }, { left: '', right: '¥1.00' }]],
    ['a value wider than the paper wraps too', '会员', '王小芳王小芳王小芳', 10, [{ left: '会员', right: '' }, { left: '', right: '王小芳王小' }, { left: '', right: '芳王小芳' }]],
  ])('%s', (_n, left, right, w, lines) => {
    const out = pairLines(left, right, w);
    expect(out).toEqual(lines);
    for (const l of out) expect(textWidth(l.left) + textWidth(l.right) + (l.left && l.right ? 1 : 0)).toBeLessThanOrEqual(w);
  });
});

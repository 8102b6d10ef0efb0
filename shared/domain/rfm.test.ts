import { describe, expect, it } from 'vitest';
import { frequencyScore, monetaryScore, recencyScore, RFM_SEGMENTS, scoreRfm, segmentOf } from './rfm';

describe('RFM scores', () => {
  it.each([
    [null, 1], [0, 5], [30, 5], [31, 4], [60, 4], [61, 3], [90, 3], [91, 2], [180, 2], [181, 1], [5000, 1],
  ] as const)('recency %s days → %i', (days, score) => expect(recencyScore(days)).toBe(score));

  it.each([[0, 1], [1, 1], [2, 2], [3, 3], [5, 3], [6, 4], [11, 4], [12, 5], [300, 5]] as const)('frequency %i orders → %i', (v, s) => expect(frequencyScore(v)).toBe(s));

  it.each([[-100, 1], [0, 1], [29_999, 1], [30_000, 2], [79_999, 2], [80_000, 3], [199_999, 3], [200_000, 4], [500_000, 5]] as const)('monetary %i fen → %i', (fen, s) => expect(monetaryScore(fen)).toBe(s));
});

describe('RFM segments', () => {
  it.each([
    [5, 5, 5, 'important_value'], [3, 1, 3, 'important_develop'], [2, 3, 4, 'important_keep'], [1, 1, 5, 'important_retain'],
    [4, 4, 2, 'general_value'], [5, 2, 1, 'general_develop'], [2, 5, 2, 'general_keep'], [1, 1, 1, 'general_retain'],
  ] as const)('R%i F%i M%i → %s', (r, f, m, seg) => expect(segmentOf(r, f, m)).toBe(seg));

  it('covers all eight', () => {
    const seen = new Set<string>();
    for (const r of [1, 5]) for (const f of [1, 5]) for (const m of [1, 5]) seen.add(segmentOf(r, f, m));
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it.each([
    [{ daysSinceLastVisit: null, orders: 0, netFen: 0 }, { r: 1, f: 1, m: 1, segment: 'general_retain' }],
    [{ daysSinceLastVisit: 3, orders: 20, netFen: 1_176_700 }, { r: 5, f: 5, m: 5, segment: 'important_value' }],
    [{ daysSinceLastVisit: 200, orders: 2, netFen: 90_000 }, { r: 1, f: 2, m: 3, segment: 'important_retain' }],
    [{ daysSinceLastVisit: 45, orders: 1, netFen: 5_000 }, { r: 4, f: 1, m: 1, segment: 'general_develop' }],
  ] as const)('scores a member %o', (input, out) => expect(scoreRfm(input)).toEqual(out));
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignMultiplier, pointsFor } from './points';
import { campaign } from './test-fixtures';

describe('pointsFor', () => {
  it.each([
    [9999, 1, 10_000, 10_000, 99], // whole yuan only
    [10_000, 1, 15_000, 10_000, 150],
    [10_000, 1, 15_000, 20_000, 300], // member day double points on a diamond card
    [12_345, 1, 12_000, 20_000, 295], // 123 × 1.2 × 2 = 295.2 → 295: round down once, at the end
    [99, 1, 20_000, 20_000, 0],
    [0, 1, 10_000, 20_000, 0],
    [-500, 1, 10_000, 10_000, 0], // a refund earns nothing here
    [123_456, 2, 12_000, 15_000, 4442], // 1234 × 2 × 1.2 × 1.5 = 4442.4
  ])('%i fen × %i/yuan × %i × %i bp → %i', (fen, per, tier, camp, pts) => expect(pointsFor(fen, per, tier, camp)).toBe(pts));

  it('with no campaign on, is whole yuan × rate × tier multiplier rounded down (the rule before campaigns)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 50_000 }), (fen, per, bp) => {
        expect(pointsFor(fen, per, bp, 10_000)).toBe(Math.floor((Math.floor(fen / 100) * per * bp) / 10_000));
      }),
    );
  });

  it('stays exact on a very large payment', () => expect(pointsFor(900_000_000_000_000, 100, 100_000, 100_000)).toBe(90_000_000_000_000_000));
});

describe('campaignMultiplier', () => {
  const x = (id: string, multiplierBp: number, priority = 0) => campaign({ id, kind: 'points_multiplier', multiplierBp, priority });
  it.each([
    ['none on', [], { campaignMultiplierBp: 10_000, campaignId: null }],
    ['the highest wins, they do not multiply', [x('a', 20_000), x('b', 30_000)], { campaignMultiplierBp: 30_000, campaignId: 'b' }],
    ['equal multipliers: priority', [x('a', 20_000), x('b', 20_000, 5)], { campaignMultiplierBp: 20_000, campaignId: 'b' }],
    ['equal everything: id', [x('b', 20_000), x('a', 20_000)], { campaignMultiplierBp: 20_000, campaignId: 'a' }],
    ['other kinds are ignored', [campaign({ kind: 'percent_off', discountBp: 5000 })], { campaignMultiplierBp: 10_000, campaignId: null }],
  ])('%s', (_n, on, out) => expect(campaignMultiplier(on)).toEqual(out));
});

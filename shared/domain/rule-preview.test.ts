import { describe, expect, it } from 'vitest';
import type { Tier } from '../schemas/member';
import { chainRulesSchema, DEFAULT_CHAIN_RULES, type ChainRules } from '../schemas/rules';
import { AT, CATALOG, campaign, lines } from './pricing-engine/test-fixtures';
import { previewRules, type PreviewInput } from './rule-preview';

const TIERS: Tier[] = [
  { code: 'normal', name: '普通卡', nameEn: 'Standard', rank: 1, upgradeSpendFen: 0, keepSpendFen: 0, discountBp: 10_000, pointsMultiplierBp: 10_000 },
  { code: 'gold', name: '金卡', nameEn: 'Gold', rank: 3, upgradeSpendFen: 500_000, keepSpendFen: 300_000, discountBp: 9500, pointsMultiplierBp: 12_000 },
];
const rules = (over: Partial<ChainRules> = {}) => chainRulesSchema.parse({ ...DEFAULT_CHAIN_RULES, ...over });
const gold = (t: Partial<Tier>) => TIERS.map((x) => (x.code === 'gold' ? { ...x, ...t } : x));
const base = (over: Partial<PreviewInput>): PreviewInput => ({
  current: { rules: rules(), tiers: TIERS },
  candidate: { rules: rules(), tiers: TIERS },
  sale: { storeId: 's1', lines: lines('cut', 'mask'), tierCode: 'gold', birthday: false, rechargeFen: 0, at: AT },
  catalog: CATALOG,
  campaigns: [],
  ...over,
});
const bday = { active: true, scope: 'day' as const, discountBpByTier: { gold: 8800 }, categoryIds: null, stacksWithTier: false };

describe('previewRules: the example sale under current and candidate rules', () => {
  // cut 9700 + mask 12800 = 22500 gross; gold 9.5折 → 9215 + 12160 = 21375, 213 yuan × 1 × 1.2 = 255 points.
  it.each([
    ['no change: both sides alike', {}, { totalFen: 21375, points: 255, rechargeBonusFen: 0 }, { totalFen: 0, points: 0, rechargeBonusFen: 0 }],
    ['gold to 9折', { candidate: { rules: rules(), tiers: gold({ discountBp: 9000 }) } }, { totalFen: 20250, points: 242 }, { totalFen: -1125, points: -13 }],
    ['skin care at its own 8折 for gold', { candidate: { rules: rules(), tiers: gold({ categoryDiscounts: { skin: 8000 } }) } }, { totalFen: 9215 + 10240, points: 232 }, { totalFen: -1920, points: -23 }],
    ['2 points per yuan', { candidate: { rules: rules({ pointsPerYuan: 2 }), tiers: TIERS } }, { totalFen: 21375, points: 511 }, { totalFen: 0, points: 256 }],
    ['a walk-in earns no points and gets no tier rate', { sale: { storeId: 's1', lines: lines('cut'), tierCode: null, birthday: false, rechargeFen: 0, at: AT } }, { totalFen: 9700, points: 0 }, { totalFen: 0, points: 0 }],
  ] as const)('%s', (_n, over, candidate, delta) => {
    const r = previewRules(base(over as Partial<PreviewInput>));
    expect(r.candidate).toMatchObject(candidate);
    expect(r.delta).toMatchObject(delta);
  });

  it('recharge bonus: 充1000送200 becomes 充1000送300', () => {
    const sale = { storeId: 's1', lines: lines('tea'), tierCode: 'gold' as const, birthday: false, rechargeFen: 100_000, at: AT };
    const next = rules({ rechargeRules: [{ minFen: 50_000, bonusFen: 5_000 }, { minFen: 100_000, bonusFen: 30_000 }] });
    const r = previewRules(base({ sale, candidate: { rules: next, tiers: TIERS } }));
    expect([r.current.rechargeBonusFen, r.candidate.rechargeBonusFen, r.delta.rechargeBonusFen]).toEqual([20_000, 30_000, 10_000]);
  });

  it('a birthday benefit applies only when the example is on the birthday', () => {
    const next = { rules: rules({ birthdayBenefit: bday }), tiers: TIERS };
    const on = previewRules(base({ candidate: next, sale: { storeId: 's1', lines: lines('cut'), tierCode: 'gold', birthday: true, rechargeFen: 0, at: AT } }));
    expect([on.current.totalFen, on.candidate.totalFen, on.candidate.discountBySource.birthday]).toEqual([9215, 8536, 1164]);
    const off = previewRules(base({ candidate: next, sale: { storeId: 's1', lines: lines('cut'), tierCode: 'gold', birthday: false, rechargeFen: 0, at: AT } }));
    expect(off.candidate.totalFen).toBe(9215);
  });

  it('campaigns running at the store price both sides the same', () => {
    const r = previewRules(base({ campaigns: [campaign({ kind: 'percent_off', discountBp: 8000, categoryIds: ['hair'] })], candidate: { rules: rules(), tiers: gold({ discountBp: 10_000 }) } }));
    expect([r.current.totalFen, r.candidate.totalFen]).toEqual([7372 + 12160, 7760 + 12800]);
    expect(r.candidate.lines[0]!.explanation).toEqual(['活动 8折']);
  });
});

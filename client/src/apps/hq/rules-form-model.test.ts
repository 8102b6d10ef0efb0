import { describe, expect, it } from 'vitest';
import { DEFAULT_CHAIN_RULES } from '../../../../shared/schemas/rules';
import { fromForm, toForm } from './rules-form-model';

describe('rules form ⇄ rules doc', () => {
  const base = { ...DEFAULT_CHAIN_RULES, birthdayBenefit: { active: true, scope: 'day' as const, discountBpByTier: { gold: 8800 }, categoryIds: null, stacksWithTier: false } };
  it.each(['zh-CN', 'en'] as const)('round-trips unchanged in %s', (lang) => {
    expect(fromForm(toForm(base, lang), base, lang)).toEqual({ rules: base, bad: [] });
  });
  it('names what does not read as a number, by the API field', () => {
    const f = toForm(base, 'zh-CN');
    f.recharge[1]!.bonus = '二百';
    f.lockDays = '-1';
    expect(fromForm(f, base, 'zh-CN').bad).toEqual(['rechargeRules.1.bonusFen', 'pointsLockDays']);
  });
  it('充1000送300 as typed', () => {
    const f = toForm(base, 'zh-CN');
    f.recharge = [{ min: '1000', bonus: '300' }];
    expect(fromForm(f, base, 'zh-CN').rules.rechargeRules).toEqual([{ minFen: 100_000, bonusFen: 30_000 }]);
  });
});

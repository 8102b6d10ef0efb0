import { describe, expect, it } from 'vitest';
import { DEFAULT_CHAIN_RULES } from '../../../../../shared/schemas/rules';
import { rechargePreview, yuanToFen } from './amounts';

describe('yuanToFen', () => {
  it.each([
    ['100', { fen: 10_000 }],
    ['0.1', { fen: 10 }],
    ['0.29', { fen: 29 }],
    ['1,000.5', { fen: 100_050 }],
    ['¥ 3000', { fen: 300_000 }],
    ['100000', { fen: 10_000_000 }],
    ['100000.01', { error: 'tooMuch' }],
    ['', { error: 'empty' }],
    ['  ', { error: 'empty' }],
    ['0', { error: 'notPositive' }],
    ['-5', { error: 'notPositive' }],
    ['1.005', { error: 'notMoney' }],
    ['abc', { error: 'notMoney' }],
    ['1e3', { error: 'notMoney' }],
  ])('%j → %j', (input, out) => expect(yuanToFen(input)).toEqual(out));
  it('takes another ceiling', () => expect(yuanToFen('20', 1000)).toEqual({ error: 'tooMuch' }));
});

describe('rechargePreview (demo rules: 500→50, 1000→200, 3000→800)', () => {
  const rules = DEFAULT_CHAIN_RULES.rechargeRules;
  const purse = { principalFen: 1_000, bonusFen: 500 };
  it.each([
    [10_000, 0, { moreFen: 40_000, bonusFen: 5_000 }],
    [49_999, 0, { moreFen: 1, bonusFen: 5_000 }],
    [50_000, 5_000, { moreFen: 50_000, bonusFen: 20_000 }],
    [100_000, 20_000, { moreFen: 200_000, bonusFen: 80_000 }],
    [300_000, 80_000, null],
    [1_000_000, 80_000, null],
  ])('%i fen → bonus %i, next %j', (amountFen, bonusFen, next) => {
    expect(rechargePreview(amountFen, rules, purse)).toEqual({ bonusFen, principalAfterFen: 1_000 + amountFen, bonusAfterFen: 500 + bonusFen, next });
  });
  it('no rules, no bonus', () => expect(rechargePreview(100, [], purse)).toMatchObject({ bonusFen: 0, next: null }));
});

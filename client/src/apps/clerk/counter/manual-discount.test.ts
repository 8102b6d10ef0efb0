import { describe, expect, it } from 'vitest';
import type { ManualDiscount } from '../../../../../shared/schemas/promotions';
import { draftOf, draftToTerms, manualOffFen, parseZhe, sameTerms, type ManualDraft } from './manual-discount';

describe('parseZhe', () => {
  it.each<[string, number | null]>([
    ['9', 9000], ['9折', 9000], [' 8.5 ', 8500], ['85', 8500], ['95', 9500], ['8.75', 8750], ['9.5折', 9500], ['0.5', 500],
    ['0', null], ['10', null], ['10折', null], ['100', null], ['85.5', null], ['-9', null], ['9.', null], ['abc', null], ['', null],
  ])('%s → %s', (input, bp) => expect(parseZhe(input)).toBe(bp));
});

const draft = (over: Partial<ManualDraft>): ManualDraft => ({ amount: '', percent: '', reason: '顾客投诉', ...over });

describe('draftToTerms', () => {
  it.each<[string, ManualDraft, ReturnType<typeof draftToTerms>]>([
    ['an amount', draft({ amount: '10' }), { ok: true, terms: { kind: 'amount', amountFen: 1000, reason: '顾客投诉' } }],
    ['a rate', draft({ percent: '9折' }), { ok: true, terms: { kind: 'percent', discountBp: 9000, reason: '顾客投诉' } }],
    ['the reason trimmed (as the proof signs it)', draft({ amount: '1', reason: '  临期  ' }), { ok: true, terms: { kind: 'amount', amountFen: 100, reason: '临期' } }],
    ['nothing entered', draft({}), { ok: false, error: 'empty' }],
    ['both entered', draft({ amount: '1', percent: '9' }), { ok: false, error: 'both' }],
    ['not money', draft({ amount: '1.234' }), { ok: false, error: 'amount' }],
    ['zero', draft({ amount: '0' }), { ok: false, error: 'amount' }],
    ['more than the order', draft({ amount: '50.01' }), { ok: false, error: 'too_big' }],
    ['not a rate', draft({ percent: '10' }), { ok: false, error: 'percent' }],
    ['no reason', draft({ amount: '1', reason: '  ' }), { ok: false, error: 'reason' }],
    ['too long a reason', draft({ amount: '1', reason: 'x'.repeat(101) }), { ok: false, error: 'reason' }],
  ])('%s', (_, d, want) => expect(draftToTerms(d, 5_000)).toEqual(want));

  it('a rate that takes nothing off a tiny order is refused', () => expect(draftToTerms(draft({ percent: '9.99' }), 4)).toEqual({ ok: false, error: 'no_effect' }));
});

describe('manualOffFen', () => {
  it.each<[string, Parameters<typeof manualOffFen>[0], number, number]>([
    ['an amount', { kind: 'amount', amountFen: 1000 }, 5000, 1000],
    ['an amount capped at the order', { kind: 'amount', amountFen: 9000 }, 5000, 5000],
    ['9折', { kind: 'percent', discountBp: 9000 }, 5000, 500],
    ['9.5折 rounds the price half up', { kind: 'percent', discountBp: 9500 }, 1850, 92],
  ])('%s', (_, t, base, off) => expect(manualOffFen(t, base)).toBe(off));
});

describe('editing an approved discount', () => {
  const approved: ManualDiscount = { kind: 'percent', discountBp: 9000, reason: '顾客投诉', approvedBy: 'mgr', proof: null };
  it('fills the form from it', () => expect(draftOf(approved)).toEqual({ amount: '', percent: '9', reason: '顾客投诉' }));
  it('fills an amount in yuan', () => expect(draftOf({ ...approved, kind: 'amount', amountFen: 1050 } as ManualDiscount).amount).toBe('10.50'));
  it.each<[string, Parameters<typeof sameTerms>[1], boolean]>([
    ['unchanged', { kind: 'percent', discountBp: 9000, reason: '顾客投诉' }, true],
    ['another rate', { kind: 'percent', discountBp: 8500, reason: '顾客投诉' }, false],
    ['another reason', { kind: 'percent', discountBp: 9000, reason: '临期' }, false],
    ['an amount instead', { kind: 'amount', amountFen: 9000, reason: '顾客投诉' }, false],
  ])('%s → still approved: %s', (_, t, want) => expect(sameTerms(approved, t)).toBe(want));
  it('nothing approved yet', () => expect(sameTerms(null, { kind: 'amount', amountFen: 1, reason: 'x' })).toBe(false));
});

import { describe, expect, it } from 'vitest';
import type { ShiftMovement } from '../schemas/shift';
import { shiftSummarySchema } from '../schemas/shift';
import { accountOpMovement, emptyByTender, orderMovement, summarizeShift, type AccountOpRow } from './shift-summary';

const sale = (ref: string, tender: ShiftMovement['tender'], amountFen: number): ShiftMovement => ({ kind: 'sale', ref, tender, amountFen });
const tenders = (t: Partial<ReturnType<typeof emptyByTender>>) => ({ ...emptyByTender(), ...t });

describe('summarizeShift', () => {
  it.each<[string, ShiftMovement[], number, number | null, { orders: number; salesFen: number; cashExpectedFen: number; differenceFen: number | null; byTender: Record<string, number> }]>([
    ['nothing sold: expected is the float', [], 50_000, 50_000, { orders: 0, salesFen: 0, cashExpectedFen: 50_000, differenceFen: 0, byTender: tenders({}) }],
    ['no count yet (an open shift)', [sale('A', 'cash', 1_000)], 0, null, { orders: 1, salesFen: 1_000, cashExpectedFen: 1_000, differenceFen: null, byTender: tenders({ cash: 1_000 }) }],
    [
      'split tenders count one order; only cash moves the drawer',
      [sale('A', 'cash', 3_000), sale('A', 'wechat', 2_000), sale('B', 'stored_value', 8_800), sale('C', 'points', 500), sale('C', 'bank_card', 1_500)],
      10_000,
      12_900,
      { orders: 3, salesFen: 15_800, cashExpectedFen: 13_000, differenceFen: -100, byTender: tenders({ cash: 3_000, wechat: 2_000, stored_value: 8_800, points: 500, bank_card: 1_500 }) },
    ],
    ['over: counted more than expected', [sale('A', 'cash', 2_550)], 20_000, 23_000, { orders: 1, salesFen: 2_550, cashExpectedFen: 22_550, differenceFen: 450, byTender: tenders({ cash: 2_550 }) }],
    ['an order without payment rows still counts', [sale('A', null, 0)], 0, 0, { orders: 1, salesFen: 0, cashExpectedFen: 0, differenceFen: 0, byTender: tenders({}) }],
  ])('%s', (_name, movements, openingCashFen, countedCashFen, want) => {
    const s = summarizeShift({ movements, openingCashFen, countedCashFen, asOf: 1 });
    expect(s).toMatchObject(want);
    expect(shiftSummarySchema.parse(s)).toEqual(s);
  });

  it('recharges and punch-card sales paid in cash are in the drawer; refunds with a tender come out; untendered refunds do not', () => {
    const s = summarizeShift({
      openingCashFen: 10_000,
      countedCashFen: 30_000,
      asOf: 5,
      movements: [
        sale('A', 'cash', 5_000),
        { kind: 'recharge', ref: 'R1', tender: 'cash', amountFen: 20_000 },
        { kind: 'recharge', ref: 'R2', tender: 'alipay', amountFen: 50_000 },
        { kind: 'punch_sale', ref: 'P1', tender: 'cash', amountFen: 3_000 },
        { kind: 'punch_sale', ref: 'P2', tender: 'stored_value', amountFen: 6_000 },
        { kind: 'refund', ref: 'F1', tender: 'cash', amountFen: 1_000 },
        { kind: 'refund', ref: 'F2', tender: null, amountFen: 2_500 },
      ],
    });
    expect(s.orders).toBe(1);
    expect(s.recharges).toEqual({ count: 2, totalFen: 70_000, byTender: tenders({ cash: 20_000, alipay: 50_000 }) });
    expect(s.punchCardSales).toEqual({ count: 2, totalFen: 9_000, byTender: tenders({ cash: 3_000, stored_value: 6_000 }) });
    expect(s.refunds).toEqual({ count: 2, totalFen: 3_500, byTender: tenders({ cash: 1_000 }), untenderedFen: 2_500 });
    expect(s.netByTender).toEqual(tenders({ cash: 27_000, alipay: 50_000, stored_value: 6_000 }));
    expect(s.cashExpectedFen).toBe(37_000);
    expect(s.differenceFen).toBe(-7_000);
  });
});

describe('orderMovement', () => {
  it.each([
    [{ orderId: 'A', kind: 'sale' as const, tender: 'cash', amountFen: 100 }, { kind: 'sale', ref: 'A', tender: 'cash', amountFen: 100 }],
    [{ orderId: 'A', kind: 'refund' as const, tender: 'wechat', amountFen: -100 }, { kind: 'refund', ref: 'A', tender: 'wechat', amountFen: 100 }],
    [{ orderId: 'A', kind: 'sale' as const, tender: null, amountFen: null }, { kind: 'sale', ref: 'A', tender: null, amountFen: 0 }],
    [{ orderId: 'A', kind: 'sale' as const, tender: 'coupon', amountFen: 5 }, { kind: 'sale', ref: 'A', tender: null, amountFen: 5 }],
  ])('%o', (row, want) => expect(orderMovement(row)).toEqual(want));
});

describe('accountOpMovement', () => {
  const row = (r: Partial<AccountOpRow>): AccountOpRow => ({ opId: 'OP', kind: 'recharge', detail: '{}', auditDetail: null, principalDeltaFen: null, refundedBeforeFen: null, ...r });
  it.each<[string, AccountOpRow, ShiftMovement | null]>([
    ['recharge: amount from the ledger, tender from the audit', row({ auditDetail: '{"paidWith":"cash","status":"applied"}', principalDeltaFen: 20_000 }), { kind: 'recharge', ref: 'OP', tender: 'cash', amountFen: 20_000 }],
    ['recharge without its audit row: amount, tender unknown', row({ principalDeltaFen: 500 }), { kind: 'recharge', ref: 'OP', tender: null, amountFen: 500 }],
    ['recharge without a ledger entry is skipped', row({ auditDetail: '{"paidWith":"cash"}' }), null],
    ['punch sale: price and tender from the audit', row({ kind: 'punch_sale', auditDetail: '{"paidWith":"wechat","priceFen":9900}' }), { kind: 'punch_sale', ref: 'OP', tender: 'wechat', amountFen: 9_900 }],
    ['punch sale paid from stored value', row({ kind: 'punch_sale', auditDetail: '{"paidWith":"stored_value","priceFen":9900}' }), { kind: 'punch_sale', ref: 'OP', tender: 'stored_value', amountFen: 9_900 }],
    ['punch sale with a broken audit detail is skipped', row({ kind: 'punch_sale', auditDetail: 'not json' }), null],
    ['first refund of an order', row({ kind: 'refund', detail: '{"refundOf":"X","cumulativeFen":3000,"baseFen":9000}' }), { kind: 'refund', ref: 'OP', tender: null, amountFen: 3_000 }],
    ['a later partial refund counts only its own part', row({ kind: 'refund', detail: '{"refundOf":"X","cumulativeFen":9000}', refundedBeforeFen: 3_000 }), { kind: 'refund', ref: 'OP', tender: null, amountFen: 6_000 }],
    ['other kinds are not money', row({ kind: 'freeze' }), null],
  ])('%s', (_name, r, want) => expect(accountOpMovement(r)).toEqual(want));
});

import { describe, expect, it } from 'vitest';
import { emptyByTender, summarizeShift } from '../../../../../shared/domain/shift-summary';
import type { Shift } from '../../../../../shared/schemas/shift';
import { receiptText, widest } from '../receipt/receipt-layout';
import { cashInputToFen, differenceKind, layoutShiftSummary, tenderRows, type ShiftPrintLabels } from './shift-layout';

describe('cashInputToFen', () => {
  it.each([
    ['500', 50_000],
    ['500.5', 50_050],
    ['¥1,000.05', 100_005],
    [' 0 ', 0],
    ['', null],
    ['abc', null],
    ['-5', null],
    ['1.234', null],
    ['1000001', null],
  ])('%j → %s', (s, fen) => expect(cashInputToFen(s)).toBe(fen));
});

describe('differenceKind', () => {
  it.each([
    [0, 'balanced'],
    [-1, 'short'],
    [300, 'over'],
  ] as const)('%i → %s', (fen, kind) => expect(differenceKind(fen)).toBe(kind));
});

const summary = summarizeShift({
  openingCashFen: 50_000,
  countedCashFen: 78_600,
  asOf: Date.UTC(2026, 10, 23, 10, 0),
  movements: [
    { kind: 'sale', ref: 'A', tender: 'cash', amountFen: 8_900 },
    { kind: 'sale', ref: 'B', tender: 'stored_value', amountFen: 8_900 },
    { kind: 'sale', ref: 'B', tender: 'bank_card', amountFen: 8_900 },
    { kind: 'recharge', ref: 'R', tender: 'cash', amountFen: 20_000 },
    { kind: 'punch_sale', ref: 'P', tender: 'wechat', amountFen: 16_000 },
    { kind: 'refund', ref: 'F', tender: null, amountFen: 1_500 },
  ],
});
const shift: Shift = {
  id: 'S1', storeId: 'store-1', staffId: 'staff-clerk1', staffName: '王小芳', status: 'closed',
  openedAt: Date.UTC(2026, 10, 23, 1, 0), openingCashFen: 50_000, closedAt: Date.UTC(2026, 10, 23, 10, 0),
  countedCashFen: 78_600, expectedCashFen: 78_900, note: '少了三块', summary,
};

describe('tenderRows', () => {
  it('one row per tender that moved, sales and account money apart', () => {
    expect(tenderRows(summary)).toEqual([
      { kind: 'cash', salesFen: 8_900, accountFen: 20_000, refundsFen: 0, netFen: 28_900 },
      { kind: 'bank_card', salesFen: 8_900, accountFen: 0, refundsFen: 0, netFen: 8_900 },
      { kind: 'wechat', salesFen: 0, accountFen: 16_000, refundsFen: 0, netFen: 16_000 },
      { kind: 'stored_value', salesFen: 8_900, accountFen: 0, refundsFen: 0, netFen: 8_900 },
    ]);
    expect(tenderRows({ ...summary, byTender: emptyByTender(), recharges: { count: 0, totalFen: 0, byTender: emptyByTender() }, punchCardSales: { count: 0, totalFen: 0, byTender: emptyByTender() } })).toEqual([]);
  });
});

const labels: ShiftPrintLabels = {
  title: '交班小结', staff: '收银员', openedAt: '开班', closedAt: '交班', orders: '订单数', sales: '销售额', recharges: '会员充值', punchCardSales: '次卡销售',
  refunds: '退款', untendered: '未记录退款方式', openingCash: '备用金', expectedCash: '应有现金', countedCash: '实点现金', difference: '差额', note: '备注',
  printedAt: '打印时间', signature: '签字', count: (n) => `${n} 笔`, differenceText: (fen) => (fen < 0 ? `短款 ¥${-fen / 100}` : '账实相符'),
  tender: { cash: '现金', bank_card: '银行卡', wechat: '微信支付', alipay: '支付宝', stored_value: '储值卡', points: '积分抵扣', punch_card: '次卡' },
};

describe('layoutShiftSummary', () => {
  it('prints the closed shift to sign on 58 mm paper', () => {
    const text = receiptText(layoutShiftSummary(shift, 32, labels, { storeName: '天河1店', printedAt: Date.UTC(2026, 10, 23, 10, 1) }), 32);
    expect(text).toBe(
      [
        '            天河1店',
        '            交班小结',
        '--------------------------------',
        '收银员                    王小芳',
        '开班         2026-11-23 09:00:00',
        '交班         2026-11-23 18:00:00',
        '--------------------------------',
        '订单数                         2',
        '销售额                   ¥267.00',
        '  现金                    ¥89.00',
        '  银行卡                  ¥89.00',
        '  储值卡                  ¥89.00',
        '会员充值 1 笔            ¥200.00',
        '  现金                   ¥200.00',
        '次卡销售 1 笔            ¥160.00',
        '  微信支付               ¥160.00',
        '退款 1 笔                -¥15.00',
        '  未记录退款方式          ¥15.00',
        '--------------------------------',
        '备用金                   ¥500.00',
        '应有现金                 ¥789.00',
        '实点现金                 ¥786.00',
        '差额                     短款 ¥3',
        '备注: 少了三块',
        '--------------------------------',
        '打印时间     2026-11-23 18:01:00',
        '',
        '签字: __________________________',
      ].join('\n'),
    );
  });

  it('an open shift has no close time or count; every line fits 32 and 48 columns', () => {
    const open: Shift = { ...shift, status: 'open', closedAt: null, countedCashFen: null, expectedCashFen: null, note: '', summary: { ...summary, countedCashFen: null, differenceFen: null } };
    const text = receiptText(layoutShiftSummary(open, 32, labels, { storeName: null, printedAt: 0 }), 32);
    expect(text).not.toContain('交班 ');
    expect(text).not.toContain('实点现金');
    expect(text).not.toContain('差额');
    for (const cols of [32, 48]) expect(widest(receiptText(layoutShiftSummary(shift, cols, labels, { storeName: '云卡连锁美容美发会所（天河城旗舰店）', printedAt: 0 }), cols))).toBeLessThanOrEqual(cols);
  });
});

import { describe, expect, it } from 'vitest';
import { buildReceiptData, changeDue, type ReceiptSource } from './receipt-data';

const store = { name: '天河1店', address: '广州市天河区天河路208号', phone: '020-38880001' };
const line = (over: Partial<ReceiptSource['order']['lines'][number]> = {}) => ({ name: '洗剪吹', quantity: 1, unitPriceFen: 8_800, discountFen: 0, totalFen: 8_800, ...over });
const source = (order: Partial<ReceiptSource['order']> = {}, rest: Partial<ReceiptSource> = {}): ReceiptSource => ({
  store,
  clerkName: '王小芳',
  order: { id: 'O1', createdAt: 1, status: 'completed', lines: [line()], subtotalFen: 8_800, discountFen: 0, totalFen: 8_800, ...order },
  tenders: [{ kind: 'cash', amountFen: 8_800 }],
  ...rest,
});

describe('buildReceiptData', () => {
  it('fills the defaults a walk-in sale leaves out', () => {
    expect(buildReceiptData(source())).toEqual({
      store, orderId: 'O1', at: 1, clerkName: '王小芳', member: null,
      items: [{ name: '洗剪吹', quantity: 1, unitPriceFen: 8_800, discountFen: 0, totalFen: 8_800, discounts: [] }],
      subtotalFen: 8_800, discounts: [], totalFen: 8_800,
      tenders: [{ kind: 'cash', amountFen: 8_800, reference: '', points: null }],
      cashTenderedFen: null, pointsEarned: 0, balancesAfter: null, status: 'completed', refundedFen: 0, rejectReason: null, footer: null,
    });
  });

  it.each<[string, Partial<ReceiptSource['order']>, { source: string; amountFen: number }[]]>([
    ['the engine’s totals by source, in a fixed order, zeros left out', { discountFen: 1_500, discountBySource: { coupon: 1_000, tier: 500, manual: 0 } }, [{ source: 'tier', amountFen: 500 }, { source: 'coupon', amountFen: 1_000 }]],
    [
      'summed from the lines’ explanations when there are no totals',
      { discountFen: 900, lines: [line({ explanation: [{ kind: 'tier', label: '金卡95折', amountFen: 440 }] }), line({ explanation: [{ kind: 'tier', label: '金卡95折', amountFen: 460 }] })] },
      [{ source: 'tier', amountFen: 900 }],
    ],
    ['what the explanations do not cover is “other”', { discountFen: 300, lines: [line({ explanation: ['会员价'] })] }, [{ source: 'other', amountFen: 300 }]],
  ])('discounts: %s', (_n, order, want) => expect(buildReceiptData(source(order)).discounts).toEqual(want));

  it('keeps the lines’ explanation labels, with amounts when the engine gave them', () => {
    const d = buildReceiptData(source({ lines: [line({ discountFen: 440, totalFen: 8_360, explanation: ['会员95折', { kind: 'campaign_percent', label: '周三9折', amountFen: 100 }] })] }));
    expect(d.items[0]!.discounts).toEqual([{ label: '会员95折', amountFen: null }, { label: '周三9折', amountFen: 100 }]);
  });

  it('carries member, tenders, balances and a refusal as given', () => {
    const member = { name: '李女士', phone: '13812341234', cardNo: '880000001234', tierName: '金卡' };
    const d = buildReceiptData(source({ status: 'rejected', rejectReason: '储值余额不足', pointsEarned: 88 }, {
      member, tenders: [{ kind: 'points', amountFen: 100, points: 100 }, { kind: 'wechat', amountFen: 8_700, reference: 'WX123' }], balancesAfter: { principalFen: 1, bonusFen: 2, points: 3 }, footer: '欢迎',
    }));
    expect(d).toMatchObject({ member, status: 'rejected', rejectReason: '储值余额不足', pointsEarned: 88, balancesAfter: { principalFen: 1, bonusFen: 2, points: 3 }, footer: '欢迎' });
    expect(d.tenders).toEqual([{ kind: 'points', amountFen: 100, reference: '', points: 100 }, { kind: 'wechat', amountFen: 8_700, reference: 'WX123', points: null }]);
  });
});

describe('changeDue', () => {
  const cash = (amountFen: number) => ({ kind: 'cash' as const, amountFen, reference: '', points: null });
  it.each<[string, Parameters<typeof changeDue>[0], number | null]>([
    ['handed over more', { tenders: [cash(8_800)], cashTenderedFen: 10_000 }, 1_200],
    ['exact', { tenders: [cash(8_800)], cashTenderedFen: 8_800 }, 0],
    ['not entered', { tenders: [cash(8_800)], cashTenderedFen: null }, null],
    ['too little is not a change', { tenders: [cash(8_800)], cashTenderedFen: 5_000 }, null],
    ['split: only the cash part counts', { tenders: [cash(3_000), { kind: 'wechat', amountFen: 5_800, reference: '', points: null }], cashTenderedFen: 5_000 }, 2_000],
    ['no cash tender', { tenders: [{ kind: 'alipay', amountFen: 100, reference: '', points: null }], cashTenderedFen: 500 }, null],
  ])('%s', (_n, d, out) => expect(changeDue(d)).toBe(out));
});

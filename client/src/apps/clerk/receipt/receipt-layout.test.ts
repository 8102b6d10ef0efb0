import { describe, expect, it } from 'vitest';
import en from '../../../lib/locales/en/receipt.json';
import zh from '../../../lib/locales/zh-CN/receipt.json';
import type { ReceiptData } from './receipt-data';
import { layoutReceipt, receiptText, widest, type ReceiptLabels } from './receipt-layout';

const zhLabels: ReceiptLabels = zh;
const enLabels: ReceiptLabels = en;

const sale: ReceiptData = {
  store: { name: '天河1店', address: '广州市天河区天河路208号粤海天河城3楼', phone: '020-38880001' },
  orderId: '01KAB3Y7Z8QWERTYUIOPASDFGH',
  at: Date.UTC(2026, 10, 23, 6, 5, 9),
  clerkName: '王小芳',
  member: { name: '李女士', phone: '13812341234', cardNo: '880000001234', tierName: '金卡会员' },
  items: [
    { name: '精油开背护理套餐（含头部按摩）', quantity: 2, unitPriceFen: 38_800, discountFen: 3_880, discounts: [{ label: '金卡95折', amountFen: 3_880 }], totalFen: 73_720 },
    { name: '控油洗发水', quantity: 1, unitPriceFen: 8_900, discountFen: 0, discounts: [], totalFen: 8_900 },
  ],
  subtotalFen: 86_500,
  discounts: [{ source: 'tier', amountFen: 3_880 }, { source: 'campaign_threshold', amountFen: 2_000 }],
  totalFen: 80_620,
  tenders: [
    { kind: 'stored_value', amountFen: 50_000, reference: '', points: null },
    { kind: 'points', amountFen: 620, reference: '', points: 620 },
    { kind: 'cash', amountFen: 30_000, reference: '', points: null },
  ],
  cashTenderedFen: 30_000 + 2_000,
  pointsEarned: 800,
  balancesAfter: { principalFen: 12_345, bonusFen: 600, points: 1_234 },
  status: 'completed',
  refundedFen: 0,
  rejectReason: null,
  footer: null,
};

describe('layoutReceipt', () => {
  it('a member sale on 58 mm paper (32 columns)', () => {
    expect(receiptText(layoutReceipt(sale, 32, zhLabels), 32)).toBe(
      [
        '            天河1店',
        '广州市天河区天河路208号粤海天河',
        '             城3楼',
        '       电话 020-38880001',
        '            [已完成]',
        '--------------------------------',
        '单号                    OPASDFGH',
        '时间         2026-11-23 14:05:09',
        '收银员                    王小芳',
        '会员          李女士 138****1234',
        '卡号           ****1234 金卡会员',
        '--------------------------------',
        '精油开背护理套餐（含头部按摩）',
        '  2 x ¥388.00            ¥776.00',
        '  金卡95折               -¥38.80',
        '  小计                   ¥737.20',
        '控油洗发水',
        '  1 x ¥89.00              ¥89.00',
        '--------------------------------',
        '商品合计                 ¥865.00',
        '  会员折扣               -¥38.80',
        '  满减活动               -¥20.00',
        '应付金额                 ¥806.20',
        '--------------------------------',
        '储值卡                   ¥500.00',
        '积分抵扣 620分             ¥6.20',
        '现金                     ¥300.00',
        '  实收现金               ¥320.00',
        '  找零                    ¥20.00',
        '--------------------------------',
        '本单积分                    +800',
        '储值本金余额             ¥123.45',
        '赠送余额                   ¥6.00',
        '积分余额                   1,234',
        '--------------------------------',
        '     谢谢惠顾，欢迎再次光临',
      ].join('\n'),
    );
  });

  it.each([
    ['58 mm, Chinese', 32, zhLabels],
    ['80 mm, Chinese', 48, zhLabels],
    ['58 mm, English', 32, enLabels],
    ['80 mm, English', 48, enLabels],
  ])('never passes the paper’s edge: %s', (_n, cols, labels) => {
    const long = { ...sale, store: { ...sale.store, name: '云卡连锁美容美发会所（天河城旗舰店）二楼' }, member: { ...sale.member!, name: '欧阳娜娜娜娜娜娜娜娜娜娜娜娜' } };
    for (const d of [sale, long]) expect(widest(receiptText(layoutReceipt(d, cols, labels), cols))).toBeLessThanOrEqual(cols);
  });

  it('a walk-in sale has no member block; a refused one says why; a queued one says it is not final', () => {
    const walkIn = { ...sale, member: null, balancesAfter: null, tenders: [{ kind: 'wechat' as const, amountFen: 80_620, reference: '4200001234', points: null }], cashTenderedFen: null };
    const text = receiptText(layoutReceipt(walkIn, 32, zhLabels), 32);
    expect(text).not.toContain('李女士');
    expect(text).not.toContain('卡号');
    expect(text).not.toContain('本单积分');
    expect(text).toContain('  参考号 4200001234');
    expect(text).not.toContain('找零');

    const refused = receiptText(layoutReceipt({ ...sale, status: 'rejected', rejectReason: '储值余额不足' }, 32, zhLabels), 32);
    expect(refused).toContain('[未成交]');
    expect(refused).toContain('原因: 储值余额不足');
    const queued = layoutReceipt({ ...sale, status: 'pending' }, 32, zhLabels);
    expect(queued).toContainEqual({ kind: 'status', status: 'pending', text: '待同步' });
    expect(receiptText(queued, 32)).toContain('联网后自动上传');
  });

  it('a line discount known only by its label shows the line’s total discount', () => {
    const d = { ...sale, items: [{ name: '洗剪吹', quantity: 1, unitPriceFen: 10_000, discountFen: 500, discounts: [{ label: '会员95折', amountFen: null }], totalFen: 9_500 }] };
    const text = receiptText(layoutReceipt(d, 32, zhLabels), 32);
    expect(text).toContain('  会员95折\n  优惠                    -¥5.00\n  小计                    ¥95.00');
  });

  it('a reprint of a partly refunded sale says so and how much went back', () => {
    const text = receiptText(layoutReceipt({ ...sale, status: 'partially_refunded', refundedFen: 2_000 }, 32, zhLabels), 32);
    expect(text).toContain('[部分退款]');
    expect(text).toMatch(/已退款 +-¥20\.00/);
    expect(receiptText(layoutReceipt(sale, 32, zhLabels), 32)).not.toContain('已退款');
  });
});

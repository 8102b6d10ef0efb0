import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import '../../../lib/i18n';
import { Receipt } from './receipt';
import type { ReceiptData } from './receipt-data';

const data: ReceiptData = {
  store: { name: '天河1店', address: '广州市天河区天河路208号', phone: '020-38880001' },
  orderId: '01KAB3Y7Z8QWERTYUIOPASDFGH', at: 0, clerkName: '王小芳',
  member: { name: '李女士', phone: '13812341234', cardNo: '880000001234', tierName: '金卡会员' },
  items: [{ name: '控油洗发水', quantity: 1, unitPriceFen: 8_900, discountFen: 0, discounts: [], totalFen: 8_900 }],
  subtotalFen: 8_900, discounts: [], totalFen: 8_900,
  tenders: [{ kind: 'cash', amountFen: 8_900, reference: '', points: null }], cashTenderedFen: 10_000,
  pointsEarned: 89, balancesAfter: { principalFen: 0, bonusFen: 0, points: 89 }, status: 'rejected', refundedFen: 0, rejectReason: '储值余额不足', footer: null,
};

describe('<Receipt>', () => {
  it('draws the paper at the given width, with the status badge and masked member', () => {
    const html = renderToStaticMarkup(createElement(Receipt, { data, paperWidth: 80 }));
    expect(html).toContain('data-paper="80"');
    expect(html).toContain('--receipt-cols:48');
    expect(html).toContain('receipt-status-rejected');
    expect(html).toContain('138****1234');
    expect(html).toContain('****1234');
    expect(html).not.toContain('13812341234');
    expect(html).toContain('¥11.00'); // change: 100.00 − 89.00
  });
});

import { describe, expect, it } from 'vitest';
import { notificationKindSchema, type Locale, type NotificationEvent } from '../schemas/notifications';
import { renderNotification, smsText } from './notification-templates';

const EXP = Date.UTC(2027, 0, 14, 16); // 2027-01-15 00:00 Asia/Shanghai
const cases: [NotificationEvent, Locale, string, string[]][] = [
  [{ kind: 'spend', storeId: 'store-1', storeName: '南山店', amountFen: 8_900, orderTotalFen: 8_900, balanceAfterFen: 123_456, pointsEarned: 89 }, 'zh-CN', '消费提醒', ['南山店', '¥89.00', '储值支付 ¥89.00', '¥1,234.56', '89']],
  [{ kind: 'spend', storeId: 'store-1', amountFen: 0, orderTotalFen: 505, balanceAfterFen: 0, pointsEarned: 0 }, 'en', 'Purchase', ['¥5.05', 'store-1', 'Card balance: ¥0.00']],
  [{ kind: 'recharge', storeId: 's', storeName: 'Futian', amountFen: 100_000, bonusFen: 20_000, balanceAfterFen: 120_000, }, 'en', 'Top-up received', ['¥1,000.00', '¥200.00 bonus', 'Futian', '¥1,200.00']],
  [{ kind: 'recharge', storeId: null, amountFen: 1, bonusFen: 0, balanceAfterFen: 1 }, 'zh-CN', '充值到账', ['¥0.01', '门店']],
  [{ kind: 'otp', code: '123456', minutes: 5 }, 'zh-CN', '登录验证码', ['123456', '5 分钟']],
  [{ kind: 'points_expiring', points: 250, expiresAt: EXP, days: 30 }, 'zh-CN', '积分即将过期', ['250', '2027-01-15', '30 天']],
  [{ kind: 'points_expiring', points: 250, expiresAt: EXP, days: 7 }, 'en', 'Points expiring', ['250 points', '2027-01-15', 'in 7 days']],
  [{ kind: 'punch_expiring', name: '洗剪吹十次卡', usesLeft: 3, expiresAt: EXP, days: 7 }, 'zh-CN', '次卡即将过期', ['洗剪吹十次卡', '3 次']],
  [{ kind: 'coupon_expiring', name: 'Welcome ¥10', expiresAt: EXP, days: 30 }, 'en', 'Coupon expiring', ['"Welcome ¥10"', 'in 30 days']],
  [{ kind: 'birthday', benefit: '生日券' }, 'zh-CN', '生日快乐', ['生日券']],
  [{ kind: 'birthday', benefit: null }, 'en', 'Happy birthday', ['Happy birthday!']],
  [{ kind: 'tier_change', from: 'gold', to: 'silver', fromName: '金卡', toName: '银卡' }, 'zh-CN', '会员等级变更', ['金卡', '银卡']],
  [{ kind: 'tier_change', from: null, to: 'gold' }, 'en', 'Membership tier changed', ['"gold"']],
  [{ kind: 'card_frozen', storeId: null, reason: '挂失' }, 'zh-CN', '会员卡已冻结', ['总部', '挂失']],
  [{ kind: 'card_frozen', storeId: 'store-2', storeName: 'Luohu', reason: '' }, 'en', 'Card frozen', ['Luohu']],
];

describe('renderNotification', () => {
  it.each(cases)('%o in %s', (event, locale, title, parts) => {
    const r = renderNotification(event, locale);
    expect(r.title).toBe(title);
    for (const p of parts) expect(r.body).toContain(p);
    expect(r.body).not.toMatch(/undefined|NaN|null/);
  });

  it('has a template for every kind in both locales, and an SMS starts with the brand', () => {
    const kinds = new Set(cases.map(([e]) => e.kind));
    expect([...kinds].sort()).toEqual([...notificationKindSchema.options].sort());
    expect(smsText(cases[0]![0], 'zh-CN')).toMatch(/^【云卡会员】您在南山店/);
    expect(smsText(cases[1]![0], 'en')).toMatch(/^\[YunCard\] You spent/);
  });
});

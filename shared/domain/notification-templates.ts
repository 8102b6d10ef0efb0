import type { Locale, NotificationEvent } from '../schemas/notifications';
import { businessDay } from './business-day';
import { formatFen } from './money';

/** A notification as the member reads it: the inbox shows both, an SMS sends `body` after the brand. */
export type Rendered = { title: string; body: string };

export const SMS_BRAND: Record<Locale, string> = { 'zh-CN': '【云卡会员】', en: '[YunCard] ' };

const day = (t: number) => businessDay(t);
const store = (e: { storeId: string | null; storeName?: string }, none: string) => e.storeName ?? e.storeId ?? none;

function zh(e: NotificationEvent): Rendered {
  switch (e.kind) {
    case 'spend':
      return { title: '消费提醒', body: `您在${store(e, '门店')}消费 ${formatFen(e.orderTotalFen)}${e.amountFen > 0 ? `，储值支付 ${formatFen(e.amountFen)}` : ''}，储值余额 ${formatFen(e.balanceAfterFen)}。${e.pointsEarned > 0 ? `获得积分 ${e.pointsEarned}。` : ''}` };
    case 'recharge':
      return { title: '充值到账', body: `您在${store(e, '门店')}充值 ${formatFen(e.amountFen)}${e.bonusFen > 0 ? `，赠送 ${formatFen(e.bonusFen)}` : ''}，储值余额 ${formatFen(e.balanceAfterFen)}。` };
    case 'otp':
      return { title: '登录验证码', body: `您的登录验证码是 ${e.code}，${e.minutes} 分钟内有效。请勿告诉他人。` };
    case 'points_expiring':
      return { title: '积分即将过期', body: `您有 ${e.points} 积分将于 ${day(e.expiresAt)} 过期（还剩 ${e.days} 天），请尽快使用。` };
    case 'punch_expiring':
      return { title: '次卡即将过期', body: `您的次卡「${e.name}」还剩 ${e.usesLeft} 次，将于 ${day(e.expiresAt)} 过期（还剩 ${e.days} 天）。` };
    case 'coupon_expiring':
      return { title: '优惠券即将过期', body: `您的优惠券「${e.name}」将于 ${day(e.expiresAt)} 过期（还剩 ${e.days} 天），请尽快使用。` };
    case 'birthday':
      return { title: '生日快乐', body: `祝您生日快乐！${e.benefit ? `您的生日礼「${e.benefit}」已放入账户。` : ''}` };
    case 'tier_change':
      return { title: '会员等级变更', body: `您的会员等级已${e.from ? `由「${e.fromName ?? e.from}」` : ''}变更为「${e.toName ?? e.to ?? '—'}」。` };
    case 'card_frozen':
      return { title: '会员卡已冻结', body: `您的会员卡已在${store(e, '总部')}冻结${e.reason ? `（${e.reason}）` : ''}。如非本人操作，请联系门店。` };
  }
}

function en(e: NotificationEvent): Rendered {
  const inDays = (n: number) => `in ${n} days`;
  switch (e.kind) {
    case 'spend':
      return { title: 'Purchase', body: `You spent ${formatFen(e.orderTotalFen)} at ${store(e, 'a store')}${e.amountFen > 0 ? `, ${formatFen(e.amountFen)} from your card` : ''}. Card balance: ${formatFen(e.balanceAfterFen)}.${e.pointsEarned > 0 ? ` Points earned: ${e.pointsEarned}.` : ''}` };
    case 'recharge':
      return { title: 'Top-up received', body: `You topped up ${formatFen(e.amountFen)} at ${store(e, 'a store')}${e.bonusFen > 0 ? ` plus a ${formatFen(e.bonusFen)} bonus` : ''}. Card balance: ${formatFen(e.balanceAfterFen)}.` };
    case 'otp':
      return { title: 'Sign-in code', body: `Your sign-in code is ${e.code}, valid for ${e.minutes} minutes. Do not share it.` };
    case 'points_expiring':
      return { title: 'Points expiring', body: `${e.points} points expire on ${day(e.expiresAt)} (${inDays(e.days)}). Use them soon.` };
    case 'punch_expiring':
      return { title: 'Punch card expiring', body: `Your punch card "${e.name}" has ${e.usesLeft} uses left and expires on ${day(e.expiresAt)} (${inDays(e.days)}).` };
    case 'coupon_expiring':
      return { title: 'Coupon expiring', body: `Your coupon "${e.name}" expires on ${day(e.expiresAt)} (${inDays(e.days)}). Use it soon.` };
    case 'birthday':
      return { title: 'Happy birthday', body: `Happy birthday!${e.benefit ? ` Your birthday gift "${e.benefit}" is in your account.` : ''}` };
    case 'tier_change':
      return { title: 'Membership tier changed', body: `Your tier is now "${e.toName ?? e.to ?? '—'}"${e.from ? ` (was "${e.fromName ?? e.from}")` : ''}.` };
    case 'card_frozen':
      return { title: 'Card frozen', body: `Your card was frozen at ${store(e, 'HQ')}${e.reason ? ` (${e.reason})` : ''}. If this was not you, contact a store.` };
  }
}

/** Pure: what the member reads for `event` in `locale`. Money is ¥ with two decimals from fen. */
export function renderNotification(event: NotificationEvent, locale: Locale): Rendered {
  return locale === 'en' ? en(event) : zh(event);
}

/** The text of an SMS: the brand, then the body. */
export const smsText = (event: NotificationEvent, locale: Locale): string => SMS_BRAND[locale] + renderNotification(event, locale).body;

import type { TFunction } from 'i18next';
import type { CouponBatchTarget, CouponTemplate } from '../../../../shared/schemas/promotions';
import type { Lang } from '../../lib/format';
import { money, rateText } from './rules-units';

export function couponTerms(c: CouponTemplate, lang: Lang, t: TFunction): string {
  if (c.kind === 'cash') return c.minSpendFen > 0 ? t('hqCampaigns.coupons.cashMin', { amount: money(c.amountFen), min: money(c.minSpendFen) }) : t('hqCampaigns.coupons.cash', { amount: money(c.amountFen) });
  if (c.kind === 'percent') return rateText(c.discountBp, lang);
  return t('hqCampaigns.terms.threshold', { threshold: money(c.thresholdFen), off: money(c.offFen) });
}

/** `names`: tier codes and store ids as the reader knows them. */
export function targetText(x: CouponBatchTarget, t: TFunction, names: ReadonlyMap<string, string> = new Map()): string {
  switch (x.kind) {
    case 'member': return t('hqCampaigns.batch.target.member') + ' ' + x.memberId;
    case 'tag': return `${t('hqCampaigns.batch.target.tag')} ${x.tag}`;
    case 'tier': return `${t('hqCampaigns.batch.target.tier')} ${names.get(x.tierCode) ?? x.tierCode}`;
    case 'store': return `${t('hqCampaigns.batch.target.store')} ${names.get(x.storeId) ?? x.storeId}`;
    case 'list': return t('hqCampaigns.batch.listOf', { count: x.phones.length + x.memberIds.length });
  }
}

import type { TFunction } from 'i18next';
import type { Campaign } from '../../../../shared/schemas/promotions';
import type { Lang } from '../../lib/format';
import { money, multiplierText, rateText } from './rules-units';

/** "8折" / "满¥200.00减¥30.00" / "积分×2" — what the campaign gives, in the reader's language. */
export function campaignTerms(c: Campaign, lang: Lang, t: TFunction): string {
  if (c.kind === 'percent_off') return rateText(c.discountBp, lang);
  if (c.kind === 'threshold') return t(c.repeat ? 'hqCampaigns.terms.thresholdEvery' : 'hqCampaigns.terms.threshold', { threshold: money(c.thresholdFen), off: money(c.offFen) });
  return t('hqCampaigns.terms.points', { times: multiplierText(c.multiplierBp) });
}

const day = (ms: number, lang: Lang) => new Date(ms).toLocaleDateString(lang, { timeZone: 'Asia/Shanghai' });

/** Dates (end exclusive, shown as the last day) and weekdays. */
export function campaignWhen(c: Campaign, lang: Lang, t: TFunction): string {
  const days = c.weekdays ? ` · ${c.weekdays.map((d) => t(`hqCampaigns.weekday.${d as 1 | 2 | 3 | 4 | 5 | 6 | 7}`)).join(' ')}` : '';
  return `${day(c.startsAt, lang)} – ${day(c.endsAt - 1, lang)}${days}`;
}

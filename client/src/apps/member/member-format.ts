import type { Lang } from '../../lib/format';

const TZ = 'Asia/Shanghai';
const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'zh-CN');

/** 11月20日 14:05 / 20 Nov, 14:05 (China time, the year when not this one). */
export function formatDateTime(at: number, lang: Lang, now = Date.now()): string {
  const sameYear = new Date(at + 8 * 3_600_000).getUTCFullYear() === new Date(now + 8 * 3_600_000).getUTCFullYear();
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TZ, year: sameYear ? undefined : 'numeric', month: lang === 'en' ? 'short' : 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
}

/** 2026年11月20日 / 20 Nov 2026 (China time). */
export function formatDate(at: number, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TZ, year: 'numeric', month: lang === 'en' ? 'short' : 'long', day: 'numeric' }).format(at);
}

/** `2026-11` as 2026年11月 / November 2026. */
export function formatMonth(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(Date.UTC(y, m - 1, 15));
}

/** +¥12.00 / −¥12.00 from a formatted amount and a sign. */
export const signed = (formatted: string, sign: 1 | -1): string => `${sign < 0 ? '−' : '+'}${formatted}`;

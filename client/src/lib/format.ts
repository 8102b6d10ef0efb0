export type Lang = 'zh-CN' | 'en';

/** Map whatever was asked for (?lang=zh, en-US, a stored value) onto a language we ship. */
export function toLang(value: string | null | undefined): Lang | undefined {
  const v = (value ?? '').toLowerCase();
  if (v.startsWith('zh')) return 'zh-CN';
  if (v.startsWith('en')) return 'en';
  return undefined;
}

export { maskPhone } from '../../../shared/domain/phone';

/** 6222 0010 0000 1234 style grouping for card numbers, easier to read aloud at the counter. */
export function groupCardNo(cardNo: string): string {
  return cardNo.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** Whole numbers (points, counts) with thousands separators: 12,345. */
export function formatCount(points: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 0 }).format(points);
}

/** A wait in seconds as people say it: "45 秒", "15 分钟" / "45 s", "15 min" (minutes rounded up). */
export function formatWait(seconds: number, lang: Lang): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 90) return lang === 'en' ? `${s} s` : `${s} 秒`;
  const m = Math.ceil(s / 60);
  return lang === 'en' ? `${m} min` : `${m} 分钟`;
}

/** What the clerk typed: digits only (spaces and dashes dropped) when it looks like a number. */
export function normalizeLookup(input: string): string {
  const t = input.trim();
  return /^[\d\s-]+$/.test(t) ? t.replace(/[\s-]/g, '') : t;
}

/** Mainland mobile number check, the same rule as the API's phoneSchema. */
export const isMobile = (phone: string): boolean => /^1[3-9]\d{9}$/.test(phone.trim());

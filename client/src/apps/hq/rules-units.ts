import { formatFen, parseYuan } from '../../../../shared/domain/money';
import type { Lang } from '../../lib/format';

/**
 * Rates are bp of the price paid (9500 = 9.5折 = 5 % off). Chinese staff read and type 折, English
 * staff "% off": both are converted with integer maths so 9.5折 never becomes 9499 bp.
 */
export function rateText(bp: number, lang: Lang): string {
  if (lang === 'en') return bp >= 10_000 ? 'full price' : `${trim((10_000 - bp) / 100)}% off`;
  return bp >= 10_000 ? '不打折' : `${trim(bp / 1000)}折`;
}

/** The rate as the person types it: 折 ("9.5") in Chinese, % off ("5") in English. */
export const rateInput = (bp: number, lang: Lang): string => (lang === 'en' ? trim((10_000 - bp) / 100) : trim(bp / 1000));

export function parseRate(input: string, lang: Lang): number | null {
  const s = input.trim().replace(/[折%]/g, '');
  if (!/^\d{1,3}(\.\d{1,3})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  const bp = lang === 'en' ? 10_000 - (Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2))) : Number(whole) * 1000 + Number(frac.padEnd(3, '0').slice(0, 3));
  return bp >= 0 && bp <= 10_000 ? bp : null;
}

const trim = (n: number) => String(Math.round(n * 1000) / 1000);

/** ¥ in and out: the form shows yuan, the API takes fen. */
export const yuanInput = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));
export const parseFen = (s: string): number | null => parseYuan(s);
export const money = formatFen;

/** 15000 bp → "×1.5". */
export const multiplierText = (bp: number) => `×${trim(bp / 10_000)}`;
export const parseMultiplier = (s: string): number | null => {
  const m = /^(\d{1,2})(?:\.(\d{1,4}))?$/.exec(s.trim().replace(/^×|x/i, ''));
  return m ? Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0')) : null;
};

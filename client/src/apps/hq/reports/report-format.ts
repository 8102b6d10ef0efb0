import { formatFen } from '../../../../../shared/domain/money';

/** Basis points as a percent with two decimals: 9753 → "97.53%"; null → "—". */
export function formatBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** A change in basis points with its sign: "+12.50%", "-3.00%", "—" without a base. */
export const formatChange = (bp: number | null | undefined): string => (bp === null || bp === undefined ? '—' : `${bp > 0 ? '+' : ''}${formatBp(bp)}`);

/** part ÷ whole in basis points, half away from zero; null without a whole. */
export function shareBp(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const r = (part * 10_000) / whole;
  return Math.sign(r) * Math.round(Math.abs(r));
}

/** Fen as yuan with two decimals and no symbol or separators, for CSV cells a spreadsheet reads as numbers. */
export function fenCell(fen: number): string {
  return formatFen(fen).replace(/[¥,]/g, '');
}

/** A visit rating average with two decimals, from the sum and the count. */
export const ratingAvg = (sum: number, n: number): string => (n === 0 ? '—' : (Math.round((sum * 100) / n) / 100).toFixed(2));

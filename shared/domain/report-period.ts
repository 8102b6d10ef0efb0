import type { ReportCompare } from '../schemas/report-query';

const DAY = 86_400_000;
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Number of business days in from..to inclusive. */
export const periodDays = (from: string, to: string): number => Math.round((ms(to) - ms(from)) / DAY) + 1;

/** Every day of from..to, in order. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = ms(from); t <= ms(to); t += DAY) out.push(iso(t));
  return out;
}

/**
 * The period a report is compared with: the same number of days just before, or the same dates a
 * year earlier (29 February falls back to the 28th). null when not compared.
 */
export function comparisonPeriod(from: string, to: string, compare: ReportCompare): { from: string; to: string } | null {
  if (compare === 'none') return null;
  if (compare === 'previous') {
    const n = periodDays(from, to);
    return { from: iso(ms(from) - n * DAY), to: iso(ms(from) - DAY) };
  }
  const back = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
    return iso(Date.UTC(y - 1, m - 1, Math.min(d, last)));
  };
  return { from: back(from), to: back(to) };
}

/** (value − base) ÷ base in basis points, rounded half away from zero; null when there is no base. */
export function changeBp(value: number, base: number | null): number | null {
  if (base === null || base === 0) return null;
  const r = ((value - base) * 10_000) / Math.abs(base);
  return Math.sign(r) * Math.round(Math.abs(r));
}

/** A figure with its comparison. */
export const compared = (value: number, base: number | null) => ({ value, base, changeBp: changeBp(value, base) });

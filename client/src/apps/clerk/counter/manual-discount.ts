import { paidAtBp } from '../../../../../shared/domain/pricing-engine';
import { parseYuan } from '../../../../../shared/domain/money';
import type { ManualDiscount, PricedOrder } from '../../../../../shared/schemas/promotions';

/** What the clerk typed: an amount in yuan or a 折 rate (one of the two), and why. */
export type ManualDraft = { amount: string; percent: string; reason: string };
/** The discount as approved: what the manager's proof covers (approvalMessages.manualDiscount). */
export type ManualTerms = { kind: 'amount'; amountFen: number; reason: string } | { kind: 'percent'; discountBp: number; reason: string };
export type ManualDraftError = 'empty' | 'both' | 'amount' | 'too_big' | 'percent' | 'no_effect' | 'reason';

export const REASON_MAX = 100;

/**
 * A 折 rate as people say it: "9" or "9折" = 9000 (pay 90%), "8.5", "85" = 8500, "95" = 9500.
 * Integer maths on the digits. null for anything that is not a cut (0, 10, 10折 and up).
 */
export function parseZhe(input: string): number | null {
  const s = input.replace(/\s/g, '').replace(/折$/, '');
  const m = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const whole = Number(m[1]);
  let bp: number;
  if (m[2] !== undefined) bp = whole < 10 ? whole * 1000 + Number(m[2].padEnd(2, '0')) * 10 : -1;
  else bp = whole < 10 ? whole * 1000 : whole === 10 ? -1 : whole * 100;
  return bp > 0 && bp < 10_000 ? bp : null;
}

/** What the engine's manual stage takes off `baseFen` (order-stage.ts applyManual). */
export const manualOffFen = (t: Pick<ManualTerms, 'kind'> & { amountFen?: number; discountBp?: number }, baseFen: number): number =>
  t.kind === 'amount' ? Math.min(t.amountFen ?? 0, baseFen) : baseFen - paidAtBp(baseFen, t.discountBp ?? 10_000);

/** The order total before the manual discount: what it is a cut of. */
export const manualBaseFen = (priced: PricedOrder): number => priced.totalFen + (priced.discountBySource.manual ?? 0);

export function draftToTerms(d: ManualDraft, baseFen: number): { ok: true; terms: ManualTerms } | { ok: false; error: ManualDraftError } {
  const amount = d.amount.trim();
  const percent = d.percent.trim();
  const reason = d.reason.trim();
  if (!amount && !percent) return { ok: false, error: 'empty' };
  if (amount && percent) return { ok: false, error: 'both' };
  let terms: ManualTerms;
  if (amount) {
    const fen = parseYuan(amount);
    if (fen === null || fen <= 0) return { ok: false, error: 'amount' };
    if (fen > baseFen) return { ok: false, error: 'too_big' };
    terms = { kind: 'amount', amountFen: fen, reason };
  } else {
    const bp = parseZhe(percent);
    if (bp === null) return { ok: false, error: 'percent' };
    terms = { kind: 'percent', discountBp: bp, reason };
  }
  if (manualOffFen(terms, baseFen) <= 0) return { ok: false, error: 'no_effect' };
  if (!reason || reason.length > REASON_MAX) return { ok: false, error: 'reason' };
  return { ok: true, terms };
}

/** The form filled from the discount in the cart (to change it). */
export function draftOf(m: ManualDiscount | null): ManualDraft {
  if (!m) return { amount: '', percent: '', reason: '' };
  return m.kind === 'amount' ? { amount: (m.amountFen / 100).toFixed(2), percent: '', reason: m.reason } : { amount: '', percent: (m.discountBp / 1000).toString(), reason: m.reason };
}

/** Same kind, size and reason: the approval already given still covers it. */
export function sameTerms(m: ManualDiscount | null, t: ManualTerms): boolean {
  if (!m || m.kind !== t.kind || m.reason.trim() !== t.reason) return false;
  return m.kind === 'amount' ? m.amountFen === (t as { amountFen: number }).amountFen : m.discountBp === (t as { discountBp: number }).discountBp;
}

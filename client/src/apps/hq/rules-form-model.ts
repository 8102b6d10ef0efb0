import type { TierCode } from '../../../../shared/schemas/member';
import type { ChainRules } from '../../../../shared/schemas/rules';
import type { Lang } from '../../lib/format';
import { parseFen, parseRate, rateInput, yuanInput } from './rules-units';

/** The rules form as typed: strings where a person types, converted back on every change. */
export type RulesFormState = {
  recharge: { min: string; bonus: string }[];
  pointsPerYuan: string; pointValue: string; expiryKind: ChainRules['pointsExpiry']['kind']; expiryMonths: string; lockDays: string;
  birthdayOn: boolean; birthdayScope: 'day' | 'month'; birthdayRates: Partial<Record<TierCode, string>>; birthdayStacks: boolean;
  perMemberCap: string; sharePct: string; leaseHours: string; perDeviceCap: string; maxMembers: string;
  reviewOn: boolean; windowMonths: string; everyMonths: string; graceReviews: string; minMonthsInTier: string; downgrade: ChainRules['tierReview']['downgrade'];
  allowNegativeStock: boolean;
};

export function toForm(r: ChainRules, lang: Lang): RulesFormState {
  const b = r.birthdayBenefit, o = r.offlineAllowance, v = r.tierReview;
  return {
    recharge: r.rechargeRules.map((x) => ({ min: yuanInput(x.minFen), bonus: yuanInput(x.bonusFen) })),
    pointsPerYuan: String(r.pointsPerYuan), pointValue: yuanInput(r.pointValueFenPer100), expiryKind: r.pointsExpiry.kind,
    expiryMonths: r.pointsExpiry.kind === 'rolling_months' ? String(r.pointsExpiry.months) : '24', lockDays: String(r.pointsLockDays),
    birthdayOn: b?.active ?? false, birthdayScope: b?.scope ?? 'day', birthdayStacks: b?.stacksWithTier ?? false,
    birthdayRates: Object.fromEntries(Object.entries(b?.discountBpByTier ?? {}).map(([k, bp]) => [k, rateInput(bp!, lang)])),
    perMemberCap: yuanInput(o.perMemberCapFen), sharePct: String(o.shareBp / 100), leaseHours: String(o.leaseHours), perDeviceCap: yuanInput(o.perDeviceCapFen), maxMembers: String(o.maxMembers),
    reviewOn: v.active, windowMonths: String(v.windowMonths), everyMonths: String(v.everyMonths), graceReviews: String(v.graceReviews), minMonthsInTier: String(v.minMonthsInTier), downgrade: v.downgrade,
    allowNegativeStock: r.inventory.allowNegativeStock,
  };
}

const int = (s: string): number | null => (/^\d{1,12}$/.test(s.trim()) ? Number(s.trim()) : null);

/**
 * The candidate rules, or the fields that do not read as numbers (the server checks ranges and
 * names the field if one is out of bounds). Fields the form does not show are kept from `base`.
 */
export function fromForm(f: RulesFormState, base: ChainRules, lang: Lang): { rules: ChainRules; bad: string[] } {
  const bad: string[] = [];
  const need = <T>(v: T | null, field: string, fallback: T): T => (v === null ? (bad.push(field), fallback) : v);
  const rechargeRules = f.recharge.map((x, i) => ({ minFen: need(parseFen(x.min), `rechargeRules.${i}.minFen`, 0), bonusFen: need(parseFen(x.bonus), `rechargeRules.${i}.bonusFen`, 0) }));
  const rates = Object.entries(f.birthdayRates).filter(([, s]) => s && s.trim() !== '').map(([k, s]) => [k, need(parseRate(s!, lang), `birthdayBenefit.discountBpByTier.${k}`, 10_000)]);
  const share = /^\d{1,3}(\.\d{1,2})?$/.test(f.sharePct.trim()) ? Math.round(Number(f.sharePct) * 100) : null;
  const rules: ChainRules = {
    ...base,
    rechargeRules,
    pointsPerYuan: need(int(f.pointsPerYuan), 'pointsPerYuan', 0),
    pointValueFenPer100: need(parseFen(f.pointValue), 'pointValueFenPer100', 0),
    pointsExpiry: f.expiryKind === 'rolling_months' ? { kind: 'rolling_months', months: need(int(f.expiryMonths), 'pointsExpiry.months', 1) } : { kind: f.expiryKind },
    pointsLockDays: need(int(f.lockDays), 'pointsLockDays', 0),
    birthdayBenefit: f.birthdayOn || base.birthdayBenefit
      ? { active: f.birthdayOn, scope: f.birthdayScope, discountBpByTier: Object.fromEntries(rates), categoryIds: base.birthdayBenefit?.categoryIds ?? null, stacksWithTier: f.birthdayStacks }
      : null,
    offlineAllowance: {
      perMemberCapFen: need(parseFen(f.perMemberCap), 'offlineAllowance.perMemberCapFen', 0), shareBp: need(share, 'offlineAllowance.shareBp', 0),
      leaseHours: need(int(f.leaseHours), 'offlineAllowance.leaseHours', 1), perDeviceCapFen: need(parseFen(f.perDeviceCap), 'offlineAllowance.perDeviceCapFen', 0), maxMembers: need(int(f.maxMembers), 'offlineAllowance.maxMembers', 0),
    },
    tierReview: {
      active: f.reviewOn, windowMonths: need(int(f.windowMonths), 'tierReview.windowMonths', 1), everyMonths: need(int(f.everyMonths), 'tierReview.everyMonths', 1),
      graceReviews: need(int(f.graceReviews), 'tierReview.graceReviews', 0), minMonthsInTier: need(int(f.minMonthsInTier), 'tierReview.minMonthsInTier', 0), downgrade: f.downgrade,
    },
    inventory: { allowNegativeStock: f.allowNegativeStock },
  };
  return { rules, bad };
}

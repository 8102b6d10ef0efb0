import { z } from 'zod';
import { consumptionOrderSchema } from './account';
import { MAX_FEN } from './common';
import { birthdayBenefitSchema } from './promotions';

const nonNeg = z.number().int().nonnegative().max(MAX_FEN, 'is beyond any amount a till takes');

export const offlineAllowancePolicySchema = z.object({
  /** Per member and device: the lesser of this and `shareBp` of what the member can spend. */
  perMemberCapFen: nonNeg.max(10_000_000),
  shareBp: z.number().int().min(0).max(10_000),
  /** A tablet stops spending under an allowance this long after it was last renewed. */
  leaseHours: z.number().int().min(1).max(168),
  /** All members' money one tablet may hold at once. */
  perDeviceCapFen: nonNeg.max(100_000_000),
  /** How many members (most recently served first) a tablet holds allowances for. */
  maxMembers: z.number().int().min(0).max(5_000),
});
export type OfflineAllowancePolicy = z.infer<typeof offlineAllowancePolicySchema>;
// Measured by bench/offline-allowance.ts: fewer members or a smaller total per tablet serve far fewer
// offline sales (300 members / ¥20,000: 4 %), since most offline attempts come from occasional visitors.
export const DEFAULT_OFFLINE_ALLOWANCE: OfflineAllowancePolicy = { perMemberCapFen: 20_000, shareBp: 3_000, leaseHours: 24, perDeviceCapFen: 40_000_000, maxMembers: 2_000 };

/** The chain's money and points rules. Stored in D1 (`chain_rules`), edited by HQ, synced to tablets. */
export const chainRulesSchema = z
  .object({
    rechargeRules: z.array(z.object({ minFen: z.number().int().positive().max(MAX_FEN), bonusFen: nonNeg })).max(20),
    consumptionOrder: consumptionOrderSchema,
    // Points per whole yuan paid with money (before the tier multiplier).
    pointsPerYuan: z.number().int().min(0).max(100),
    // What points are worth when used as payment: fen per 100 points.
    pointValueFenPer100: z.number().int().min(0).max(10_000),
    pointsExpiry: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('rolling_months'), months: z.number().int().min(1).max(120) }),
      z.object({ kind: z.literal('end_of_next_year') }),
      z.object({ kind: z.literal('never') }),
    ]),
    // Points earned on a sale stay locked this many days (the return window) before they can be spent.
    pointsLockDays: z.number().int().min(0).max(90),
    // The birthday rate per tier (pricing engine stage 2); null: no birthday benefit.
    birthdayBenefit: birthdayBenefitSchema.nullable().default(null),
    // What registered tablets may hold of members' stored value for offline use (decision 015).
    offlineAllowance: offlineAllowancePolicySchema.default(DEFAULT_OFFLINE_ALLOWANCE),
  })
  .meta({ id: 'ChainRules' });
export type ChainRules = z.infer<typeof chainRulesSchema>;

export const DEFAULT_CHAIN_RULES: ChainRules = {
  rechargeRules: [
    { minFen: 50_000, bonusFen: 5_000 },
    { minFen: 100_000, bonusFen: 20_000 },
    { minFen: 300_000, bonusFen: 80_000 },
  ],
  consumptionOrder: 'principal_first',
  pointsPerYuan: 1,
  pointValueFenPer100: 100,
  pointsExpiry: { kind: 'end_of_next_year' },
  pointsLockDays: 7,
  birthdayBenefit: null,
  offlineAllowance: DEFAULT_OFFLINE_ALLOWANCE,
};

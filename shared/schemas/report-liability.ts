import { z } from 'zod';

const storeRef = z.object({ id: z.string(), name: z.string() });
const flows = z.object({
  rechargedFen: z.number().int(), openingFen: z.number().int(), spentFen: z.number().int(), refundedFen: z.number().int(), otherFen: z.number().int(),
  pointsEarned: z.number().int(), pointsRedeemed: z.number().int(), pointsExpired: z.number().int(), pointsAdjusted: z.number().int(), pointsRefunded: z.number().int(), pointsOpening: z.number().int(),
});
const outstanding = z.object({ members: z.number().int(), principalFen: z.number().int(), bonusFen: z.number().int(), reservedFen: z.number().int(), points: z.number().int() });

/**
 * Stored value and points liability (issue 19 §5). Outstanding balances now, per the card's home
 * store (members.home_store_id: the store of issue); flows in the period per store where the entry
 * was made (value_daily); cross-store settlement per pair of stores.
 */
export const liabilityReportSchema = z
  .object({
    from: z.string(), to: z.string(),
    stores: z.array(storeRef),
    outstanding: z.object({ total: outstanding, byHomeStore: z.array(outstanding.extend({ storeId: z.string() })) }),
    /** Money open device allowances hold for tablets, by the tablet's store. */
    reservedByDeviceStore: z.array(z.object({ storeId: z.string().nullable(), leases: z.number().int(), heldFen: z.number().int() })),
    flows: z.object({ total: flows, byStore: z.array(flows.extend({ storeId: z.string() })) }),
    byKind: z.array(z.object({ kind: z.string(), entries: z.number().int(), principalFen: z.number().int(), bonusFen: z.number().int(), points: z.number().int() })),
    /** Stored value of `from`'s cards spent at `to` in the period, net both ways and of refunds: `from` owes `to`. */
    settlement: z.array(z.object({ from: z.string(), to: z.string(), amountFen: z.number().int() })),
    /** Gross cross-store spending per (home store, store where spent). */
    crossStore: z.array(z.object({ homeStoreId: z.string(), storeId: z.string(), spentFen: z.number().int() })),
  })
  .meta({ id: 'LiabilityReport' });
export type LiabilityReport = z.infer<typeof liabilityReportSchema>;

const triple = z.object({ ledger: z.number().int(), balances: z.number().int(), rollup: z.number().int(), matches: z.boolean() });
export const liabilityCheckSchema = z
  .object({
    checkedAt: z.number().int(),
    principal: triple, bonus: triple, points: triple,
    matches: z.boolean(),
    /** Members whose balances differ from the last entry of their own ledger (up to 20). */
    mismatchedMembers: z.array(z.object({ memberId: z.string(), principalFen: z.number().int(), ledgerPrincipalFen: z.number().int(), bonusFen: z.number().int(), ledgerBonusFen: z.number().int(), points: z.number().int(), ledgerPoints: z.number().int() })),
  })
  .meta({ id: 'LiabilityCheck' });
export type LiabilityCheck = z.infer<typeof liabilityCheckSchema>;

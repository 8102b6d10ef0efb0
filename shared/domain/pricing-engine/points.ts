/**
 * Points for a sale: whole yuan paid with money × points per yuan × the tier's and the campaign's
 * multipliers (10 000 bp = none), rounded down once at the end.
 */
import type { Campaign } from '../../schemas/promotions';

/** BigInt because yuan × rate × two multipliers in bp can pass 2^53 on a large payment. */
export function pointsFor(moneyPaidFen: number, pointsPerYuan: number, tierMultiplierBp: number, campaignMultiplierBp: number): number {
  if (moneyPaidFen <= 0) return 0;
  const yuan = BigInt(Math.floor(moneyPaidFen / 100));
  return Number((yuan * BigInt(pointsPerYuan) * BigInt(tierMultiplierBp) * BigInt(campaignMultiplierBp)) / 100_000_000n);
}

/**
 * The points campaign in effect: the highest multiplier among those on (ties: priority, then id).
 * Campaign multipliers do not multiply each other: two "double points" posters mean double.
 */
export function campaignMultiplier(on: readonly Campaign[]): { campaignMultiplierBp: number; campaignId: string | null } {
  let best: (Campaign & { kind: 'points_multiplier' }) | null = null;
  for (const c of on) {
    if (c.kind !== 'points_multiplier') continue;
    if (!best || c.multiplierBp > best.multiplierBp || (c.multiplierBp === best.multiplierBp && (c.priority > best.priority || (c.priority === best.priority && c.id < best.id)))) best = c;
  }
  return best ? { campaignMultiplierBp: best.multiplierBp, campaignId: best.id } : { campaignMultiplierBp: 10_000, campaignId: null };
}

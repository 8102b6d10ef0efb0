import type { Tier, TierCode } from '../../../shared/schemas/member';

export type TierProgress = {
  /** 0–100, how far lifetime spend has come from the current tier's threshold to the next. */
  percent: number;
  /** Fen still to spend to reach the next tier (0 when already reached: upgrade pending review). */
  remainingFen: number;
  next: Tier;
};

/**
 * Progress towards the next tier, measured between the current tier's upgrade threshold and the
 * next one's, so a fresh gold member starts near 0 % rather than at "80 % of diamond".
 */
export function tierProgress(lifetimeSpendFen: number, tier: Tier | null, next: Tier | null): TierProgress | null {
  if (!next) return null;
  const from = Math.min(tier?.upgradeSpendFen ?? 0, next.upgradeSpendFen);
  const span = next.upgradeSpendFen - from;
  const remainingFen = Math.max(0, next.upgradeSpendFen - lifetimeSpendFen);
  const done = span <= 0 ? 1 : Math.min(1, Math.max(0, (lifetimeSpendFen - from) / span));
  return { percent: Math.floor(done * 1000) / 10, remainingFen, next };
}

/** The tier's colour family, for the card and badges (see --tier-* in base.css). */
export const TIER_CODES: readonly TierCode[] = ['normal', 'silver', 'gold', 'diamond'];
export const tierClass = (code: string): string => `tier-${TIER_CODES.includes(code as TierCode) ? code : 'normal'}`;

/** A tier's display name from the API, in the UI language. */
export const tierName = (tier: Pick<Tier, 'name' | 'nameEn'>, lang: string): string =>
  lang === 'en' ? tier.nameEn || tier.name : tier.name;

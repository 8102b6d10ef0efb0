import type { PunchCard } from '../../../../../shared/schemas/account';

export type CardStatus = 'active' | 'frozen' | 'closed';
export type PunchBlock = 'frozen' | 'closed' | 'notSold' | 'expired' | 'notHere' | 'exhausted';
export type Usability = { ok: true } | { ok: false; reason: PunchBlock };

/**
 * Whether a punch card can be used here and now, and if not why: the same checks, in the same
 * order, as the member's account object (shared/domain/account/spend.ts), so the tablet disables
 * what the server would refuse. `sold`: the service is in this store's catalog (the visit is priced
 * from it, so the server refuses a service not sold here).
 */
export function punchCardUsability(card: PunchCard, storeId: string, now: number, status: CardStatus, sold = true): Usability {
  if (status !== 'active') return { ok: false, reason: status };
  if (!sold) return { ok: false, reason: 'notSold' };
  if (card.expiresAt !== null && card.expiresAt <= now) return { ok: false, reason: 'expired' };
  if (card.storeIds && !card.storeIds.includes(storeId)) return { ok: false, reason: 'notHere' };
  if (card.usesLeft <= 0) return { ok: false, reason: 'exhausted' };
  return { ok: true };
}

/** Usable cards first, then by how soon they expire (use those first), then by name. */
export function sortForRedeem<T extends { card: PunchCard; use: Usability }>(items: readonly T[]): T[] {
  const exp = (c: PunchCard) => c.expiresAt ?? Number.MAX_SAFE_INTEGER;
  return [...items].sort((a, b) => Number(b.use.ok) - Number(a.use.ok) || exp(a.card) - exp(b.card) || a.card.name.localeCompare(b.card.name));
}

/**
 * Uses taken on this tablet since the account was last read: the clerk tablet holds no account
 * rows (only a member's phone does), so the desk subtracts them itself until the next read.
 */
export function applyLocalRedeems(cards: readonly PunchCard[], taken: Readonly<Record<string, number>>): PunchCard[] {
  return cards.map((c) => (taken[c.id] ? { ...c, usesLeft: Math.max(0, c.usesLeft - taken[c.id]!) } : c));
}

/** A sale the server would refuse: the price must split into equal whole-fen uses (account-ops.ts). */
export const punchPriceSplits = (priceFen: number, uses: number): boolean => uses > 0 && priceFen > 0 && priceFen % uses === 0;

/** `months` calendar months after `at`, at the end of that day (local time); a 31st past a short month lands on its last day. */
export function expiryAfterMonths(at: number, months: number): number {
  const d = new Date(at);
  const target = new Date(d.getFullYear(), d.getMonth() + months, 1);
  const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  return new Date(target.getFullYear(), target.getMonth(), Math.min(d.getDate(), lastDay), 23, 59, 59, 999).getTime();
}

/**
 * The tablet's side of an allowance: what it may still spend for one member with the network
 * down. `grantedFen` is what the lease held when the tablet last synced; `spentFen` what the
 * tablet has spent under it since. The expiry is checked against the tablet's own clock
 * (decision 015: a clock set back lets it keep spending the same reserved money longer, never
 * more of it).
 */
export type HeldAllowance = { leaseId: string; memberId: string; grantedFen: number; spentFen: number; expiresAt: number };

/** An allowance as the tablet holds it (a synced row, lowered by its own queued sales). */
export type AllowanceView = { leaseId: string; heldFen: number; expiresAt: number; askedBack: boolean };

/** The synced row `allowance/<device>/<member>` as the tablet checks it. */
export const allowanceView = (r: { leaseId: string; heldFen: number; expiresAt: number; releaseRequestedAt: number | null }): AllowanceView =>
  ({ leaseId: r.leaseId, heldFen: r.heldFen, expiresAt: r.expiresAt, askedBack: r.releaseRequestedAt !== null });

/** Whether `fen` more fits `a` after `spentFen` already on the sale, by the tablet's clock `now`. */
export const checkAllowance = (a: AllowanceView | null | undefined, fen: number, now: number, spentFen = 0): OfflineCheck =>
  checkOfflineSpend(a ? { leaseId: a.leaseId, memberId: '', grantedFen: a.heldFen, spentFen, expiresAt: a.expiresAt, askedBack: a.askedBack } : null, fen, now);

export type OfflineRefusal = 'no_allowance' | 'expired' | 'over_allowance' | 'asked_back';
export type OfflineCheck = { ok: true; leftAfterFen: number } | { ok: false; reason: OfflineRefusal; availableFen: number };

export function checkOfflineSpend(a: (HeldAllowance & { askedBack?: boolean }) | null | undefined, fen: number, deviceNow: number): OfflineCheck {
  if (!a || a.grantedFen <= 0) return { ok: false, reason: 'no_allowance', availableFen: 0 };
  if (a.askedBack) return { ok: false, reason: 'asked_back', availableFen: 0 };
  const left = Math.max(0, a.grantedFen - a.spentFen);
  if (deviceNow >= a.expiresAt) return { ok: false, reason: 'expired', availableFen: 0 };
  if (fen > left) return { ok: false, reason: 'over_allowance', availableFen: left };
  return { ok: true, leftAfterFen: left - fen };
}

const refusalWords: Record<OfflineRefusal, string> = {
  no_allowance: 'This tablet holds no offline allowance for this member',
  expired: 'The offline allowance for this member has expired on this tablet',
  over_allowance: 'The offline allowance for this member does not cover this amount',
  asked_back: 'Another branch asked for this member’s reserved money back',
};

/** The refusal as the mutator throws it (the counter shows it in the clerk's language from `reason`). */
export function offlineRefusalMessage(c: Extract<OfflineCheck, { ok: false }>): string {
  return `${refusalWords[c.reason]}${c.reason === 'over_allowance' ? ` (${c.availableFen} fen left)` : ''}: take another tender`;
}

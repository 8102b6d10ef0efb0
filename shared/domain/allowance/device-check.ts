/**
 * The tablet's side of an allowance: what it may still spend for one member with the network
 * down. `grantedFen` is what the lease held when the tablet last synced; `spentFen` what the
 * tablet has spent under it since. The expiry is checked against the tablet's own clock
 * (decision 015: a clock set back lets it keep spending the same reserved money longer, never
 * more of it).
 */
export type HeldAllowance = { leaseId: string; memberId: string; grantedFen: number; spentFen: number; expiresAt: number };

export type OfflineRefusal = 'no_allowance' | 'expired' | 'over_allowance';
export type OfflineCheck = { ok: true; leftAfterFen: number } | { ok: false; reason: OfflineRefusal; availableFen: number };

export function checkOfflineSpend(a: HeldAllowance | null | undefined, fen: number, deviceNow: number): OfflineCheck {
  if (!a || a.grantedFen <= 0) return { ok: false, reason: 'no_allowance', availableFen: 0 };
  const left = Math.max(0, a.grantedFen - a.spentFen);
  if (deviceNow >= a.expiresAt) return { ok: false, reason: 'expired', availableFen: 0 };
  if (fen > left) return { ok: false, reason: 'over_allowance', availableFen: left };
  return { ok: true, leftAfterFen: left - fen };
}

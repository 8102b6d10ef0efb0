import { DomainError } from '../../errors';
import { splitSpend, type ConsumptionOrder, type Purses } from '../account/split';

/**
 * Offline allowances (issue 6, docs/decisions/015): money of a member set aside for one registered
 * device, so that device can take stored value with the network down and its spends can never be
 * refused when they sync. Pure: the member's Durable Object will run these inside its transaction.
 *
 * Money only moves between three places — the member's spendable purses, a lease's reserved
 * purses, and spent — so `spendable + reserved + spent (+ written off) = put in` holds by
 * construction, and no purse can go below zero.
 */
export type Lease = {
  id: string;
  deviceId: string;
  /** Reserved and not yet spent, by purse. */
  principalFen: number;
  bonusFen: number;
  /** The device stops spending under the lease at this time (its own clock). */
  expiresAt: number;
  /** open: the device may spend; released: the rest went back; retired: HQ wrote the device off. */
  state: 'open' | 'released' | 'retired';
  /** Another branch asked for the money back: the device stops spending under it and acknowledges. */
  releaseRequestedAt?: number | null;
  /** What the device brought in past the lease, or after it was retired: the chain's loss, flagged. */
  writtenOffFen?: number;
  /** Moves on with every change, so a late copy never overwrites a newer one. */
  rev?: number;
};

export type Escrow = Purses & { leases: Lease[] };

export type AllowancePolicy = {
  /** Per member: the lesser of this and `shareBp` of the spendable balance. */
  perMemberCapFen: number;
  shareBp: number;
  leaseMs: number;
};

export const DEFAULT_ALLOWANCE_POLICY: AllowancePolicy = { perMemberCapFen: 20_000, shareBp: 3_000, leaseMs: 24 * 3_600_000 };

/** What a lease still holds, both purses. */
export const heldFen = (l: Pick<Lease, 'principalFen' | 'bonusFen'>) => l.principalFen + l.bonusFen;
export const reservedFen = (e: Escrow) => e.leases.reduce((n, l) => n + (l.state === 'open' ? heldFen(l) : 0), 0);
export const spendableFen = (e: Purses) => e.principalFen + e.bonusFen;

/** What the policy lends one device for one member, from what the member could spend with it back. */
export function allowanceTarget(policy: AllowancePolicy, spendablePlusLeaseFen: number): number {
  return Math.max(0, Math.min(policy.perMemberCapFen, Math.floor((spendablePlusLeaseFen * policy.shareBp) / 10_000)));
}

const leaseOf = (e: Escrow, id: string) => e.leases.find((l) => l.id === id);

/**
 * Grants or renews a device's lease up to `targetFen` (lowered when the member has less) and moves
 * its expiry. Topping up takes from the spendable purses in the chain's order; a lower target
 * gives the difference back. Returns how much moved into the lease (negative: back out).
 */
export function grant(e: Escrow, g: { leaseId: string; deviceId: string; targetFen: number; expiresAt: number }, order: ConsumptionOrder): { movedFen: number; moved: Purses } {
  let lease = leaseOf(e, g.leaseId);
  if (lease && lease.deviceId !== g.deviceId) throw new DomainError('CONFLICT', `Lease ${g.leaseId} belongs to another device`);
  if (lease && lease.state !== 'open') throw new DomainError('CONFLICT', `Lease ${g.leaseId} is ${lease.state}`);
  if (!lease) {
    lease = { id: g.leaseId, deviceId: g.deviceId, principalFen: 0, bonusFen: 0, expiresAt: g.expiresAt, state: 'open' };
    e.leases.push(lease);
  }
  lease.expiresAt = g.expiresAt;
  const held = heldFen(lease);
  const want = Math.max(0, Math.min(g.targetFen, held + spendableFen(e)));
  if (want >= held) {
    const take = splitSpend(want - held, e, order)!;
    move(e, lease, take.principalFen, take.bonusFen);
    return { movedFen: want - held, moved: take };
  }
  const back = splitSpend(held - want, lease, order)!;
  move(e, lease, -back.principalFen, -back.bonusFen);
  return { movedFen: want - held, moved: { principalFen: -back.principalFen, bonusFen: -back.bonusFen } };
}

function move(e: Escrow, lease: Lease, principal: number, bonus: number) {
  e.principalFen -= principal;
  e.bonusFen -= bonus;
  lease.principalFen += principal;
  lease.bonusFen += bonus;
}

/** The rest of a lease goes back to the member (the device released it, or synced after expiry). */
export function release(e: Escrow, leaseId: string): Purses {
  const lease = leaseOf(e, leaseId);
  if (!lease || lease.state !== 'open') return { principalFen: 0, bonusFen: 0 };
  const back = { principalFen: lease.principalFen, bonusFen: lease.bonusFen };
  move(e, lease, -back.principalFen, -back.bonusFen);
  lease.state = 'released';
  return back;
}

/** HQ retires a lost device: its leases' money goes back now; what it brings in later is written off. */
export function retire(e: Escrow, deviceId: string): Purses {
  const back = { principalFen: 0, bonusFen: 0 };
  for (const l of e.leases) {
    if (l.deviceId !== deviceId || l.state !== 'open') continue;
    const b = release(e, l.id);
    back.principalFen += b.principalFen;
    back.bonusFen += b.bonusFen;
    l.state = 'retired';
  }
  return back;
}

export type OfflineSettlement = { fromLease: Purses; fromBalance: Purses; writtenOffFen: number };

/**
 * A spend the device made under its lease, arriving at sync. Never refused: it comes out of the
 * lease; a device that spent more than its lease (a tampered tablet) is charged the excess from
 * the member's balance only as far as it reaches, and the rest — and anything a retired device
 * brings in — is written off to the chain, flagged, never below zero for the member.
 */
export function settleOffline(e: Escrow, s: { leaseId: string; fen: number }, order: ConsumptionOrder): OfflineSettlement {
  const lease = leaseOf(e, s.leaseId);
  const none = { principalFen: 0, bonusFen: 0 };
  if (!lease || lease.state === 'retired') return { fromLease: none, fromBalance: none, writtenOffFen: s.fen };
  const inLease = Math.min(s.fen, heldFen(lease));
  const fromLease = splitSpend(inLease, lease, order)!;
  lease.principalFen -= fromLease.principalFen;
  lease.bonusFen -= fromLease.bonusFen;
  const rest = s.fen - inLease;
  const fromBalance = splitSpend(Math.min(rest, spendableFen(e)), e, order)!;
  e.principalFen -= fromBalance.principalFen;
  e.bonusFen -= fromBalance.bonusFen;
  return { fromLease, fromBalance, writtenOffFen: rest - fromBalance.principalFen - fromBalance.bonusFen };
}

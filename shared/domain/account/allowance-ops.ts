import { DomainError } from '../../errors';
import type { AccountOp } from '../../schemas/account';
import { allowanceTarget, grant, heldFen as held, release, retire, settleOffline, type Lease } from '../allowance/leases';
import { splitSpend, type ConsumptionOrder, type Purses } from './split';
import { appendEntry, edit, type AccountState } from './state';
import type { Step } from './spend';

type Op<K extends AccountOp['kind']> = Extract<AccountOp, { kind: K }>;
const zero = { principal: 0, bonus: 0, points: 0, punch: 0 };

/** The lease ready to edit, its revision moved on (the read model keeps only the latest revision). */
function touch(s: AccountState, id: string): Lease | undefined {
  const l = edit(s.leases, id);
  if (l) l.rev = (l.rev ?? 0) + 1;
  return l;
}

export const openLeaseOf = (s: AccountState, deviceId: string) => s.leases.find((l) => l.deviceId === deviceId && l.state === 'open');

/**
 * Opens, tops up or renews the device's lease to what the policy lends (decision 015). A card that
 * is not active, or a lease another branch asked back, lends nothing: what it holds goes back.
 */
export function grantLease(s: AccountState, op: Op<'lease_grant'>, order: ConsumptionOrder): Step {
  const open = openLeaseOf(s, op.deviceId);
  if (open?.releaseRequestedAt) return releaseLease(s, { ...op, kind: 'lease_release', leaseId: open.id, reason: 'reclaimed' });
  const lendable = s.status === 'active';
  const target = lendable ? allowanceTarget({ ...op.policy, leaseMs: 0 }, s.principalFen + s.bonusFen + (open ? held(open) : 0)) : 0;
  if (!open && target === 0) return { entries: [], effects: null, detail: { deviceId: op.deviceId, movedFen: 0, heldFen: 0 } };
  if (open) touch(s, open.id);
  const leaseId = open?.id ?? op.newLeaseId;
  const { movedFen } = grant(s, { leaseId, deviceId: op.deviceId, targetFen: target, expiresAt: op.expiresAt }, order);
  const lease = s.leases.find((l) => l.id === leaseId)!;
  if (!open) lease.rev = 1;
  const entries = movedFen !== 0 || !open ? [appendEntry(s, op, { ...zero, reserved: movedFen })] : [];
  return { entries, effects: null, detail: { leaseId, deviceId: op.deviceId, movedFen, heldFen: held(lease), expiresAt: op.expiresAt } };
}

/** The rest of a lease goes back to the member; a lease already closed changes nothing. */
export function releaseLease(s: AccountState, op: Op<'lease_release'>): Step {
  const lease = s.leases.find((l) => l.id === op.leaseId);
  if (!lease) throw new DomainError('NOT_FOUND', `No allowance ${op.leaseId} on this account`);
  if (lease.deviceId !== op.deviceId) throw new DomainError('FORBIDDEN', 'This allowance belongs to another device');
  if (lease.state !== 'open') return { entries: [], effects: null, detail: { leaseId: lease.id, releasedFen: 0, reason: op.reason } };
  touch(s, lease.id);
  const back = release(s, lease.id);
  const fen = back.principalFen + back.bonusFen;
  return { entries: [appendEntry(s, op, { ...zero, reserved: -fen })], effects: null, detail: { leaseId: lease.id, deviceId: lease.deviceId, releasedFen: fen, reason: op.reason } };
}

/** Another branch needs the money: the devices holding these leases are asked to give them back. */
export function requestRelease(s: AccountState, op: Op<'lease_request_release'>): Step {
  const asked: string[] = [];
  for (const id of op.leaseIds) {
    const l = s.leases.find((x) => x.id === id);
    if (!l || l.state !== 'open' || l.releaseRequestedAt) continue;
    touch(s, id)!.releaseRequestedAt = op.at;
    asked.push(id);
  }
  return { entries: [], effects: null, detail: { asked } };
}

/** HQ retired a lost or broken device: its leases' money returns now. */
export function retireDevice(s: AccountState, op: Op<'device_retire'>): Step {
  const mine = s.leases.filter((l) => l.deviceId === op.deviceId && l.state === 'open');
  if (mine.length === 0) return { entries: [], effects: null, detail: { deviceId: op.deviceId, releasedFen: 0 } };
  for (const l of mine) touch(s, l.id);
  const back = retire(s, op.deviceId);
  const fen = back.principalFen + back.bonusFen;
  return { entries: [appendEntry(s, op, { ...zero, reserved: -fen })], effects: null, detail: { deviceId: op.deviceId, releasedFen: fen } };
}

export type StoredValueTake = { taken: Purses; reservedDelta: number; writtenOffFen: number; leaseId: string | null };

/**
 * The stored value of a sale. Under an allowance (`leaseId`: the device took it offline) it comes
 * out of that lease and is never refused; what a tampered device spent past the lease comes from
 * the balance as far as it reaches and the rest is written off, as is all a retired device brings
 * in. Otherwise it comes from what is spendable, then from the selling device's own lease.
 */
export function takeSaleStoredValue(s: AccountState, fen: number, op: { deviceId: string | null; leaseId: string | null }, order: ConsumptionOrder): StoredValueTake {
  if (op.leaseId) {
    const lease = s.leases.find((l) => l.id === op.leaseId);
    if (!lease || lease.deviceId !== op.deviceId) throw new DomainError('FORBIDDEN', 'The sale names an offline allowance this device does not hold');
    const mine = touch(s, lease.id)!;
    const r = settleOffline(s, { leaseId: lease.id, fen }, order);
    if (r.writtenOffFen > 0) mine.writtenOffFen = (mine.writtenOffFen ?? 0) + r.writtenOffFen;
    const fromLease = r.fromLease.principalFen + r.fromLease.bonusFen;
    return {
      taken: { principalFen: r.fromLease.principalFen + r.fromBalance.principalFen, bonusFen: r.fromLease.bonusFen + r.fromBalance.bonusFen },
      reservedDelta: -fromLease, writtenOffFen: r.writtenOffFen, leaseId: lease.id,
    };
  }
  const spendable = s.principalFen + s.bonusFen;
  const own = op.deviceId ? openLeaseOf(s, op.deviceId) : undefined;
  if (fen > spendable && own && fen <= spendable + held(own)) {
    const fromBalance = splitSpend(spendable, s, order)!;
    s.principalFen -= fromBalance.principalFen;
    s.bonusFen -= fromBalance.bonusFen;
    const lease = touch(s, own.id)!;
    const fromLease = splitSpend(fen - spendable, lease, order)!;
    lease.principalFen -= fromLease.principalFen;
    lease.bonusFen -= fromLease.bonusFen;
    return { taken: { principalFen: fromBalance.principalFen + fromLease.principalFen, bonusFen: fromBalance.bonusFen + fromLease.bonusFen }, reservedDelta: -(fen - spendable), writtenOffFen: 0, leaseId: own.id };
  }
  const split = splitSpend(fen, s, order);
  if (!split) {
    const reservations = s.leases.filter((l) => l.state === 'open' && l.deviceId !== op.deviceId && held(l) > 0).map((l) => ({ leaseId: l.id, deviceId: l.deviceId, fen: held(l) }));
    const reservedFen = reservations.reduce((n, r) => n + r.fen, 0);
    const available = spendable + (own ? held(own) : 0);
    throw new DomainError('INSUFFICIENT_FUNDS', `Stored value is short: needs ${fen} fen, has ${available}${reservedFen ? ` (${reservedFen} more reserved for offline use on other devices)` : ''}`, {
      details: { neededFen: fen, availableFen: available, reservedFen, reservations },
    });
  }
  s.principalFen -= split.principalFen;
  s.bonusFen -= split.bonusFen;
  return { taken: split, reservedDelta: 0, writtenOffFen: 0, leaseId: null };
}

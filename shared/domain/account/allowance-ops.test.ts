import { describe, expect, it } from 'vitest';
import type { AccountOp } from '../../schemas/account';
import { applyOp } from './engine';
import { verifyChain } from './ledger-hash';
import { balancesOf, emptyAccount, type AccountState, type OpRecord } from './state';

// The member's object with offline allowances (decision 015): grants, sales under a lease or
// beside it, releases, retirement; after every step the ledger verifies and sums to the balances.
const T = 1_800_000_000_000;
const policy = { perMemberCapFen: 20_000, shareBp: 3_000 };
const ctx = (opId: string) => ({ opId, storeId: 'store-1', staffId: 'staff-1', at: T });

function account() {
  let s: AccountState = emptyAccount('880000000001');
  const records = new Map<string, OpRecord>();
  const entries: OpRecord['entries'] = [];
  const run = (op: AccountOp) => {
    const r = applyOp(s, op, { consumptionOrder: 'principal_first' }, (id) => records.get(id));
    if (!r.replayed) records.set(op.opId, r.record);
    s = r.state;
    entries.push(...(r.replayed ? [] : r.record.entries));
    const v = verifyChain(entries);
    const b = balancesOf(s, T);
    expect(v).toMatchObject({ ok: true, principalFen: b.principalFen, bonusFen: b.bonusFen, reservedFen: b.reservedFen });
    return r.record;
  };
  return { run, state: () => s, balances: () => balancesOf(s, T) };
}

const recharge = (opId: string, amountFen: number, bonusFen = 0): AccountOp => ({ ...ctx(opId), kind: 'recharge', amountFen, bonusFen });
const grant = (opId: string, deviceId = 'd1', p = policy): AccountOp => ({ ...ctx(opId), kind: 'lease_grant', deviceId, newLeaseId: `lease-${opId}`, policy: p, expiresAt: T + 86_400_000 });
const sale = (opId: string, fen: number, o: { deviceId?: string | null; leaseId?: string | null } = {}): AccountOp => ({
  ...ctx(opId), kind: 'settle', storedValueFen: fen, pointsUsed: 0, punchUses: [], couponIds: [], pointsEarned: 0, pointsAvailableAt: T, pointsExpiresAt: T * 2, orderTotalFen: fen,
  deviceId: o.deviceId ?? null, leaseId: o.leaseId ?? null,
});

describe('grants', () => {
  it.each([
    ['¥400: 30 % = ¥120', 40_000, 12_000],
    ['¥1,000: capped at ¥200', 100_000, 20_000],
    ['¥0.03: nothing to lend, no lease, no entry', 3, 0],
  ])('%s', (_label, balance, held) => {
    const a = account();
    a.run(recharge('r1', balance));
    const rec = a.run(grant('g1'));
    expect(a.balances()).toMatchObject({ principalFen: balance, reservedFen: held });
    expect(rec.entries.length).toBe(held > 0 ? 1 : 0);
  });

  it('a renewal keeps the lease, tops it up to the policy after a recharge, and only moves the expiry when nothing changed', () => {
    const a = account();
    a.run(recharge('r1', 40_000));
    a.run(grant('g1'));
    expect(a.run(grant('g2')).entries).toEqual([]);
    a.run(recharge('r2', 20_000));
    const r = a.run(grant('g3'));
    expect(r.detail).toMatchObject({ leaseId: 'lease-g1', movedFen: 6_000, heldFen: 18_000 });
    expect(a.state().leases.filter((l) => l.state === 'open')).toHaveLength(1);
  });

  it('a frozen card lends nothing: the renewal gives back what the lease held', () => {
    const a = account();
    a.run(recharge('r1', 40_000));
    a.run(grant('g1'));
    a.run({ ...ctx('f1'), kind: 'freeze', reason: '挂失' });
    expect(a.run(grant('g2')).detail).toMatchObject({ movedFen: -12_000, heldFen: 0 });
  });
});

describe('sales', () => {
  it('spending elsewhere sees only what is not reserved; the selling tablet may also use its own lease', () => {
    const a = account();
    a.run(recharge('r1', 40_000));
    a.run(grant('g1', 'd1'));
    const short = a.run(sale('s1', 30_000));
    expect(short).toMatchObject({ status: 'rejected', code: 'INSUFFICIENT_FUNDS', detail: { availableFen: 28_000, reservedFen: 12_000 } });
    expect(a.run(sale('s2', 30_000, { deviceId: 'd1' })).status).toBe('applied');
    expect(a.balances()).toMatchObject({ principalFen: 10_000, reservedFen: 10_000 });
  });

  it('a sale under the lease is never refused: not after the rest was spent, not on a frozen card', () => {
    const a = account();
    a.run(recharge('r1', 40_000));
    a.run(grant('g1', 'd1'));
    a.run(sale('s1', 28_000)); // another branch spends everything spendable
    a.run({ ...ctx('f1'), kind: 'freeze', reason: '挂失' });
    const r = a.run(sale('s2', 12_000, { deviceId: 'd1', leaseId: 'lease-g1' }));
    expect(r).toMatchObject({ status: 'applied', detail: { fromLeaseFen: 12_000, writtenOffFen: 0 } });
    expect(a.balances()).toMatchObject({ principalFen: 0, reservedFen: 0 });
  });

  it('a tampered tablet spending past its lease: the balance pays what it can, the rest is written off', () => {
    const a = account();
    a.run(recharge('r1', 40_000));
    a.run(grant('g1', 'd1'));
    a.run(sale('s1', 25_000));
    const r = a.run(sale('s2', 20_000, { deviceId: 'd1', leaseId: 'lease-g1' }));
    expect(r.detail).toMatchObject({ fromLeaseFen: 12_000, writtenOffFen: 5_000 });
    expect(a.balances()).toMatchObject({ principalFen: 0, reservedFen: 0 });
  });

  it('another tablet’s lease is refused and changes nothing', () => {
    const a = account();
    a.run(recharge('r1', 40_000));
    a.run(grant('g1', 'd1'));
    expect(a.run(sale('s1', 1_000, { deviceId: 'd2', leaseId: 'lease-g1' }))).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    expect(a.balances()).toMatchObject({ principalFen: 40_000, reservedFen: 12_000 });
  });
});

describe('release and retirement', () => {
  it('a release gives the rest back once; a request marks the lease and the next renewal gives it back', () => {
    const a = account();
    a.run(recharge('r1', 40_000));
    a.run(grant('g1', 'd1'));
    a.run(grant('g2', 'd2'));
    expect(a.run({ ...ctx('q1'), kind: 'lease_request_release', leaseIds: ['lease-g2'] }).detail).toEqual({ asked: ['lease-g2'] });
    expect(a.run(grant('g3', 'd2')).detail).toMatchObject({ releasedFen: 8_400, reason: 'reclaimed' });
    expect(a.run({ ...ctx('x1'), kind: 'lease_release', deviceId: 'd1', leaseId: 'lease-g1', reason: 'device' }).detail).toMatchObject({ releasedFen: 12_000 });
    expect(a.run({ ...ctx('x2'), kind: 'lease_release', deviceId: 'd1', leaseId: 'lease-g1', reason: 'device' }).entries).toEqual([]);
    expect(a.run({ ...ctx('x3'), kind: 'lease_release', deviceId: 'd2', leaseId: 'lease-g1', reason: 'device' })).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    expect(a.balances()).toMatchObject({ principalFen: 40_000, reservedFen: 0 });
  });

  it('retiring gives the money back now; a sale the retired tablet brings in later is written off entirely', () => {
    const a = account();
    a.run(recharge('r1', 40_000));
    a.run(grant('g1', 'd1'));
    expect(a.run({ ...ctx('t1'), kind: 'device_retire', deviceId: 'd1' }).detail).toMatchObject({ releasedFen: 12_000 });
    const r = a.run(sale('s1', 5_000, { deviceId: 'd1', leaseId: 'lease-g1' }));
    expect(r).toMatchObject({ status: 'applied', detail: { fromLeaseFen: 0, writtenOffFen: 5_000 } });
    expect(a.balances()).toMatchObject({ principalFen: 40_000, reservedFen: 0 });
    expect(a.state().leases[0]).toMatchObject({ state: 'retired', writtenOffFen: 5_000 });
  });
});

import { describe, expect, it } from 'vitest';
import type { AccountOp } from '../../schemas/account';
import { applyOp } from './engine';
import { emptyAccount, type AccountState, type OpRecord } from './state';

const at = 1_800_000_000_000;
const recharge = (opId: string, amountFen: number, fingerprint?: string): AccountOp => ({ opId, storeId: 'store-1', staffId: 'staff-clerk1', at, kind: 'recharge', amountFen, bonusFen: 0, ...(fingerprint ? { fingerprint } : {}) });
const settle = (opId: string, storedValueFen: number, fingerprint: string): AccountOp => ({
  opId, storeId: 'store-1', staffId: 'staff-clerk1', at, kind: 'settle', storedValueFen, pointsUsed: 0, pointsEarned: 0, pointsAvailableAt: 0,
  pointsExpiresAt: at * 2, orderTotalFen: storedValueFen, punchUses: [], couponIds: [], deviceId: null, leaseId: null, fingerprint,
});

function run(ops: AccountOp[]) {
  let s: AccountState = emptyAccount('880000000001');
  const recs = new Map<string, OpRecord>();
  const out = ops.map((op) => {
    const r = applyOp(s, op, { consumptionOrder: 'principal_first' }, (id) => recs.get(id));
    s = r.state;
    if (!r.replayed) recs.set(op.opId, r.record);
    return r;
  });
  return { s, out, recs };
}

describe('a reused operation id', () => {
  it.each([
    ['same fingerprint: answered as the first time', [recharge('r1', 1000, 'a'), recharge('r1', 1000, 'a')], 'applied', null, 1000],
    ['another fingerprint: refused, nothing changes', [recharge('r1', 1000, 'a'), recharge('r1', 5000, 'b')], 'rejected', 'IDEMPOTENCY_MISMATCH', 1000],
    ['another kind under the id: refused', [recharge('r1', 1000, 'a'), settle('r1', 500, 'c')], 'rejected', 'IDEMPOTENCY_MISMATCH', 1000],
    ['a record made before fingerprints: answered as the first time', [recharge('r1', 1000), recharge('r1', 1000, 'b')], 'applied', null, 1000],
    ['a repeat of a refusal with another request: mismatch, not the old refusal', [settle('s1', 500, 'a'), settle('s1', 400, 'b')], 'rejected', 'IDEMPOTENCY_MISMATCH', 0],
  ] as const)('%s', (_name, ops, status, code, principal) => {
    const { s, out, recs } = run([...ops]);
    const last = out.at(-1)!;
    expect([last.replayed, last.record.status, last.record.code]).toEqual([true, status, code]);
    expect(s.principalFen).toBe(principal);
    // The first record stands, with its fingerprint.
    expect(recs.get(ops[0].opId)?.fingerprint).toBe(ops[0].fingerprint);
    expect(s.seq).toBe(ops[0].kind === 'recharge' ? 1 : 0);
  });
});

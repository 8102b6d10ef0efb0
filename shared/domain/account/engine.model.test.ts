import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountOp, LedgerEntry } from '../../schemas/account';
import { applyOp } from './engine';
import { verifyChain } from './ledger-hash';
import { share } from './refund';
import { largestRemainder } from './split';
import { emptyAccount, totalPoints, type AccountState, type OpRecord } from './state';

/**
 * Model-based test: random sequences of operations (with duplicates, refunds of refunds, partial
 * refunds and rejections) run through the engine and through a plain reference model that keeps
 * only totals. After every step the balances must match and every invariant must hold.
 */
type ModelRec = { kind: string; status: 'applied' | 'rejected'; code: string | null; pT: number; bT: number; used: number; earned: number; pAdd: number; bAdd: number; base: number; refunded: number };
type Model = { p: number; b: number; pts: number; frozen: boolean; ops: Map<string, ModelRec> };
const RATE = 100; // 100 points = ¥1

function modelApply(m: Model, op: AccountOp): ModelRec {
  const prior = m.ops.get(op.opId);
  if (prior) return prior;
  const rec: ModelRec = { kind: op.kind, status: 'applied', code: null, pT: 0, bT: 0, used: 0, earned: 0, pAdd: 0, bAdd: 0, base: 0, refunded: 0 };
  const reject = (code: string) => Object.assign(rec, { status: 'rejected' as const, code });
  switch (op.kind) {
    case 'recharge':
      m.p += op.amountFen; m.b += op.bonusFen;
      Object.assign(rec, { pAdd: op.amountFen, bAdd: op.bonusFen, base: op.amountFen });
      break;
    case 'settle': {
      const takes = op.storedValueFen > 0 || op.pointsUsed > 0;
      if (takes && m.frozen) reject('CARD_FROZEN');
      else if (op.storedValueFen > m.p + m.b) reject('INSUFFICIENT_FUNDS');
      else if (op.pointsUsed > m.pts) reject('INSUFFICIENT_POINTS');
      else {
        const pT = Math.min(m.p, op.storedValueFen), bT = op.storedValueFen - pT;
        m.p -= pT; m.b -= bT; m.pts += op.pointsEarned - op.pointsUsed;
        Object.assign(rec, { pT, bT, used: op.pointsUsed, earned: op.pointsEarned, base: op.orderTotalFen });
      }
      break;
    }
    case 'refund': {
      const o = m.ops.get(op.refundOf);
      if (!o) { reject('OPERATION_NOT_FOUND'); break; }
      if (o.kind === 'refund' || o.status !== 'applied' || !['settle', 'recharge'].includes(o.kind)) { reject('REFUND_NOT_ALLOWED'); break; }
      const before = o.refunded, after = before + op.amountFen;
      if (after > o.base) { reject('REFUND_EXCEEDS_ORIGINAL'); break; }
      const back = (t: number) => share(t, after, o.base) - share(t, before, o.base);
      if (o.kind === 'recharge') {
        const pBack = back(o.pAdd), bBack = back(o.bAdd), bTake = Math.min(bBack, m.b), short = bBack - bTake;
        if (pBack > m.p || pBack < short) { reject('INSUFFICIENT_FUNDS'); break; }
        m.p -= pBack; m.b -= bTake;
      } else {
        const sv = o.pT + o.bT;
        const [pA, bA] = largestRemainder(share(sv, after, o.base), [o.pT, o.bT]);
        const [pB, bB] = largestRemainder(share(sv, before, o.base), [o.pT, o.bT]);
        let pBack = pA! - pB!, bBack = bA! - bB!;
        m.pts += back(o.used);
        const earnedBack = back(o.earned), take = Math.min(earnedBack, m.pts), short = earnedBack - take;
        m.pts -= take;
        const deduct = Math.ceil((short * RATE) / 100), fromB = Math.min(deduct, bBack);
        bBack -= fromB; pBack -= Math.min(deduct - fromB, pBack);
        m.p += pBack; m.b += bBack;
      }
      o.refunded = after;
      break;
    }
    case 'points_adjust':
      if (op.delta < 0 && -op.delta > m.pts) reject('INSUFFICIENT_POINTS');
      else m.pts += op.delta;
      break;
    case 'freeze':
      if (m.frozen) reject('CONFLICT'); else m.frozen = true;
      break;
    case 'unfreeze':
      if (!m.frozen) reject('CONFLICT'); else m.frozen = false;
      break;
    default:
      throw new Error(`model does not cover ${op.kind}`);
  }
  m.ops.set(op.opId, rec);
  return rec;
}

const FAR = 4_000_000_000_000;
const ctx = (opId: string, at: number) => ({ opId, storeId: 'store-1', staffId: 'staff-clerk1', at });

/** Op templates; ids are drawn from a small pool so duplicates and refunds of anything happen. */
const opArb = (ids: string[]) =>
  fc.oneof(
    fc.record({ kind: fc.constant('recharge' as const), amountFen: fc.integer({ min: 1, max: 200_000 }), bonusFen: fc.integer({ min: 0, max: 40_000 }) }),
    fc.record({
      kind: fc.constant('settle' as const),
      storedValueFen: fc.integer({ min: 0, max: 150_000 }),
      pointsUsed: fc.integer({ min: 0, max: 3_000 }),
      pointsEarned: fc.integer({ min: 0, max: 2_000 }),
      extra: fc.integer({ min: 0, max: 50_000 }),
    }),
    fc.record({ kind: fc.constant('refund' as const), refundOf: fc.constantFrom(...ids), amountFen: fc.integer({ min: 1, max: 200_000 }) }),
    fc.record({ kind: fc.constant('points_adjust' as const), delta: fc.integer({ min: -2_000, max: 2_000 }).filter((n) => n !== 0) }),
    fc.constant({ kind: 'freeze' as const }),
    fc.constant({ kind: 'unfreeze' as const }),
  );

function toOp(t: any, opId: string, at: number): AccountOp {
  const c = ctx(opId, at);
  switch (t.kind) {
    case 'settle':
      return { ...c, kind: 'settle', storedValueFen: t.storedValueFen, pointsUsed: t.pointsUsed, pointsEarned: t.pointsEarned, pointsAvailableAt: at, pointsExpiresAt: FAR, orderTotalFen: t.storedValueFen + t.extra + 1, punchUses: [], couponIds: [], deviceId: null, leaseId: null };
    case 'refund':
      return { ...c, kind: 'refund', refundOf: t.refundOf, amountFen: t.amountFen, pointValueFenPer100: RATE };
    case 'points_adjust':
      return { ...c, kind: 'points_adjust', delta: t.delta, reason: 'test', expiresAt: FAR };
    case 'freeze':
      return { ...c, kind: 'freeze', reason: '' };
    default:
      return { ...c, ...t };
  }
}

describe('member account engine vs reference model', () => {
  it('keeps balances equal to the model and every invariant, over random sequences', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `op-${String(i).padStart(4, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ids), opArb(ids)), { minLength: 1, maxLength: 60 }), (steps) => {
        let s: AccountState = emptyAccount('880000000001');
        const records = new Map<string, OpRecord>();
        const m: Model = { p: 0, b: 0, pts: 0, frozen: false, ops: new Map() };
        const ledger: LedgerEntry[] = [];
        let at = 1_800_000_000_000;
        for (const [opId, t] of steps) {
          at += 1000;
          const op = toOp(t, opId, at);
          const r = applyOp(s, op, { consumptionOrder: 'principal_first' }, (id) => records.get(id));
          const mr = modelApply(m, op);
          expect([r.record.status, r.record.code]).toEqual([mr.status, mr.code]);
          if (r.replayed) {
            expect(r.state).toBe(s);
            expect(r.record).toBe(records.get(opId));
            continue;
          }
          records.set(opId, r.record);
          for (const u of r.updated) records.set(u.opId, u);
          s = r.state;
          // A later op must never edit this state's objects in place (the engine copies on write).
          for (const x of [...s.lots, ...s.punchCards, ...s.coupons]) Object.freeze(x);
          ledger.push(...r.record.entries);
          expect({ p: s.principalFen, b: s.bonusFen, pts: totalPoints(s) }).toEqual({ p: m.p, b: m.b, pts: m.pts });
          expect(s.principalFen).toBeGreaterThanOrEqual(0);
          expect(s.bonusFen).toBeGreaterThanOrEqual(0);
          for (const l of s.lots) expect(l.remaining).toBeGreaterThanOrEqual(0);
        }
        const v = verifyChain(ledger);
        expect(v).toMatchObject({ ok: true, principalFen: s.principalFen, bonusFen: s.bonusFen, points: totalPoints(s) });
        const perOp = new Map<string, number>();
        for (const e of ledger) perOp.set(e.opId, (perOp.get(e.opId) ?? 0) + 1);
        for (const n of perOp.values()) expect(n).toBe(1);
      }),
      { numRuns: 400 },
    );
  });
});

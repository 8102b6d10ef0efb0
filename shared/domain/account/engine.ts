import { DomainError, isDomainError } from '../../errors';
import { sameRequest } from '../idempotency';
import type { AccountOp } from '../../schemas/account';
import { dueToExpire, takePoints } from './points-lots';
import { refund } from './refund';
import { noEffects, sellPunchCard, settle, type Step } from './spend';
import { grantLease, releaseLease, requestRelease, retireDevice } from './allowance-ops';
import type { ConsumptionOrder } from './split';
import { appendEntry, cloneState, edit, type AccountState, type OpRecord } from './state';

export type EngineRules = { consumptionOrder: ConsumptionOrder };
export type Applied = { state: AccountState; record: OpRecord; updated: OpRecord[]; replayed: boolean };

/**
 * The member account's semantics, pure: the Durable Object runs this inside its write transaction,
 * and the property tests run it against a reference model. A repeated op id returns the first
 * record (applied or rejected) and changes nothing; a repeated op id with another request (its
 * fingerprint) is refused with IDEMPOTENCY_MISMATCH and changes nothing. A rejected op changes no balance.
 */
export function applyOp(state: AccountState, op: AccountOp, rules: EngineRules, lookup: (opId: string) => OpRecord | undefined): Applied {
  const prior = lookup(op.opId);
  if (prior && !sameRequest(prior.fingerprint, op.fingerprint)) return { state, record: mismatch(op, prior), updated: [], replayed: true };
  if (prior) return { state, record: prior, updated: [], replayed: true };
  const next = cloneState(state);
  const updated: OpRecord[] = [];
  try {
    const step = run(next, op, rules, lookup, updated);
    const record: OpRecord = { opId: op.opId, kind: op.kind, status: 'applied', code: null, message: null, detail: step.detail, entries: step.entries, effects: step.effects, at: op.at, ...fp(op) };
    return { state: next, record, updated, replayed: false };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    const record: OpRecord = {
      opId: op.opId, kind: op.kind, status: 'rejected', code: e.code, message: e.message,
      detail: (e.details as Record<string, unknown> | undefined) ?? {}, entries: [], effects: null, at: op.at, ...fp(op),
    };
    return { state, record, updated: [], replayed: false };
  }
}

const fp = (op: AccountOp) => (op.fingerprint ? { fingerprint: op.fingerprint } : {});

/** The answer to an id reused for another request: a refusal that is not recorded (the first stands). */
const mismatch = (op: AccountOp, prior: OpRecord): OpRecord => ({
  opId: op.opId, kind: op.kind, status: 'rejected', code: 'IDEMPOTENCY_MISMATCH',
  message: `Operation id ${op.opId} was already used for another request (${prior.kind}); make a new id for a new operation`,
  detail: {}, entries: [], effects: null, at: op.at,
});

const zero = { principal: 0, bonus: 0, points: 0, punch: 0 };

function run(s: AccountState, op: AccountOp, rules: EngineRules, lookup: (opId: string) => OpRecord | undefined, updated: OpRecord[]): Step {
  switch (op.kind) {
    case 'opening': {
      if (s.seq > 0) throw new DomainError('CONFLICT', 'Opening balances can only be imported into a new account');
      s.principalFen = op.principalFen;
      s.bonusFen = op.bonusFen;
      if (op.points > 0) s.lots.push({ id: op.opId, earnedAt: op.at, availableAt: op.at, expiresAt: 8_640_000_000_000_000, remaining: op.points });
      s.punchCards.push(...op.punchCards);
      const punch = op.punchCards.reduce((n, c) => n + c.usesLeft, 0);
      return { entries: [appendEntry(s, op, { principal: op.principalFen, bonus: op.bonusFen, points: op.points, punch })], effects: null, detail: {} };
    }
    case 'recharge': {
      if (s.status === 'closed') throw new DomainError('CARD_CLOSED', 'The membership is closed');
      s.principalFen += op.amountFen;
      s.bonusFen += op.bonusFen;
      const entry = appendEntry(s, op, { ...zero, principal: op.amountFen, bonus: op.bonusFen });
      return { entries: [entry], effects: { ...noEffects(op.amountFen), principalAdded: op.amountFen, bonusAdded: op.bonusFen }, detail: { bonusFen: op.bonusFen } };
    }
    case 'settle':
      return settle(s, op, rules.consumptionOrder);
    case 'punch_sale':
      return sellPunchCard(s, op, rules.consumptionOrder);
    case 'refund': {
      const r = refund(s, op, lookup(op.refundOf));
      updated.push(r.original);
      return r.step;
    }
    case 'points_adjust': {
      if (op.delta > 0) {
        s.lots.push({ id: op.opId, earnedAt: op.at, availableAt: op.at, expiresAt: op.expiresAt, remaining: op.delta });
      } else {
        const takes = takePoints(s.lots, -op.delta, op.at);
        if (!takes) throw new DomainError('INSUFFICIENT_POINTS', `Cannot take ${-op.delta} points: not that many spendable`);
        for (const t of takes) edit(s.lots, t.lotId)!.remaining -= t.points;
      }
      return { entries: [appendEntry(s, op, { ...zero, points: op.delta })], effects: null, detail: { reason: op.reason } };
    }
    case 'points_expire': {
      const due = dueToExpire(s.lots, op.at);
      const n = due.reduce((k, t) => k + t.points, 0);
      for (const t of due) edit(s.lots, t.lotId)!.remaining = 0;
      let coupons = 0, punch = 0;
      for (const c of s.coupons) if (c.status === 'issued' && c.expiresAt <= op.at) { edit(s.coupons, c.id)!.status = 'expired'; coupons++; }
      // A punch card past its date is refused at use (spend.ts); expiry forfeits its unused visits in the ledger.
      for (const c of s.punchCards) if (c.expiresAt !== null && c.expiresAt <= op.at && c.usesLeft > 0) { punch += c.usesLeft; edit(s.punchCards, c.id)!.usesLeft = 0; }
      const changed = n > 0 || coupons > 0 || punch > 0;
      return { entries: changed ? [appendEntry(s, op, { ...zero, points: -n, punch: -punch })] : [], effects: null, detail: { expired: n, coupons, punchUses: punch } };
    }
    case 'coupon_grant': {
      if (s.coupons.some((c) => c.id === op.coupon.id)) throw new DomainError('CONFLICT', `Coupon ${op.coupon.id} already granted`);
      s.coupons.push({ ...op.coupon, status: 'issued', usedByOp: null });
      return { entries: [appendEntry(s, op, zero)], effects: null, detail: { couponId: op.coupon.id } };
    }
    case 'points_redeem': {
      if (s.status !== 'active') throw new DomainError(s.status === 'frozen' ? 'CARD_FROZEN' : 'CARD_CLOSED', `The card is ${s.status}: points cannot be exchanged`);
      const takes = takePoints(s.lots, op.points, op.at);
      if (!takes) throw new DomainError('INSUFFICIENT_POINTS', `This reward needs ${op.points} points; not that many are spendable now`);
      for (const t of takes) edit(s.lots, t.lotId)!.remaining -= t.points;
      if (op.coupon) {
        if (s.coupons.some((c) => c.id === op.coupon!.id)) throw new DomainError('CONFLICT', `Coupon ${op.coupon.id} already granted`);
        s.coupons.push({ ...op.coupon, status: 'issued', usedByOp: null });
      }
      return { entries: [appendEntry(s, op, { ...zero, points: -op.points })], effects: null, detail: { rewardId: op.rewardId, points: op.points, couponId: op.coupon?.id ?? null } };
    }
    case 'freeze':
      if (s.status !== 'active') throw new DomainError('CONFLICT', `The card is ${s.status}, not active`);
      s.status = 'frozen';
      return { entries: [appendEntry(s, op, zero)], effects: null, detail: { reason: op.reason } };
    case 'unfreeze':
      if (s.status !== 'frozen') throw new DomainError('CONFLICT', `The card is ${s.status}, not frozen`);
      s.status = 'active';
      return { entries: [appendEntry(s, op, zero)], effects: null, detail: {} };
    case 'lease_grant':
      return grantLease(s, op, rules.consumptionOrder);
    case 'lease_release':
      return releaseLease(s, op);
    case 'lease_request_release':
      return requestRelease(s, op);
    case 'device_retire':
      return retireDevice(s, op);
    case 'tier_change':
      return { entries: [], effects: null, detail: { from: op.from, to: op.to, reason: op.reason } };
    case 'replace_card': {
      if (s.status === 'closed') throw new DomainError('CARD_CLOSED', 'The membership is closed');
      const old = s.cardNo;
      s.cardNo = op.newCardNo;
      return { entries: [appendEntry(s, op, zero)], effects: null, detail: { oldCardNo: old, newCardNo: op.newCardNo } };
    }
  }
}

import { DomainError } from '../../errors';
import type { AccountOp } from '../../schemas/account';
import { takePoints } from './points-lots';
import { splitSpend, type ConsumptionOrder } from './split';
import { appendEntry, edit, type AccountState, type OpEffects } from './state';
import type { LedgerEntry } from '../../schemas/account';
import { takeSaleStoredValue } from './allowance-ops';

type Settle = Extract<AccountOp, { kind: 'settle' }>;
type PunchSale = Extract<AccountOp, { kind: 'punch_sale' }>;
export type Step = { entries: LedgerEntry[]; effects: OpEffects | null; detail: Record<string, unknown> };

export const noEffects = (base = 0): OpEffects => ({
  base, principalTaken: 0, bonusTaken: 0, principalAdded: 0, bonusAdded: 0, pointsTakes: [], pointsEarned: 0,
  punchUses: [], couponIds: [], punchCardId: null, refunded: 0,
});

export function assertCanSpend(s: AccountState): void {
  if (s.status === 'frozen') throw new DomainError('CARD_FROZEN', 'The card is frozen (reported lost): spending is refused until it is unfrozen');
  if (s.status === 'closed') throw new DomainError('CARD_CLOSED', 'The membership is closed');
}

/** Takes stored value from the purses in the chain's order; all or nothing. */
function takeStoredValue(s: AccountState, fen: number, order: ConsumptionOrder) {
  const split = splitSpend(fen, s, order);
  if (!split) {
    throw new DomainError('INSUFFICIENT_FUNDS', `Stored value is short: needs ${fen} fen, has ${s.principalFen + s.bonusFen}`, {
      details: { neededFen: fen, availableFen: s.principalFen + s.bonusFen },
    });
  }
  s.principalFen -= split.principalFen;
  s.bonusFen -= split.bonusFen;
  return split;
}

/** One atomic settlement: stored value, points as payment, punch uses and coupons out; points earned in. */
export function settle(s: AccountState, op: Settle, order: ConsumptionOrder): Step {
  // Stored value taken under an offline allowance is settled whatever happened since (decision 015):
  // the device took it while the money was set aside for it.
  const svUnderLease = op.leaseId !== null && op.storedValueFen > 0;
  const takesAnything = (op.storedValueFen > 0 && !svUnderLease) || op.pointsUsed > 0 || op.punchUses.length > 0 || op.couponIds.length > 0;
  if (takesAnything) assertCanSpend(s);
  else if (s.status === 'closed' && !svUnderLease) throw new DomainError('CARD_CLOSED', 'The membership is closed');
  const svTake = takeSaleStoredValue(s, op.storedValueFen, op, order);
  const sv = svTake.taken;

  const takes = takePoints(s.lots, op.pointsUsed, op.at);
  if (!takes) throw new DomainError('INSUFFICIENT_POINTS', `Not enough points: needs ${op.pointsUsed}`, { details: { needed: op.pointsUsed } });
  for (const t of takes) edit(s.lots, t.lotId)!.remaining -= t.points;

  let punch = 0;
  for (const u of op.punchUses) {
    const card = edit(s.punchCards, u.cardId);
    if (!card) throw new DomainError('NOT_FOUND', `No punch card ${u.cardId} on this account`);
    if (card.expiresAt !== null && card.expiresAt <= op.at) throw new DomainError('PUNCH_EXPIRED', `Punch card “${card.name}” has expired`);
    if (card.storeIds && op.storeId && !card.storeIds.includes(op.storeId)) {
      throw new DomainError('PUNCH_NOT_VALID_HERE', `Punch card “${card.name}” is not valid at this store`);
    }
    if (u.productId && card.productId !== u.productId) throw new DomainError('PUNCH_NOT_VALID_HERE', `Punch card “${card.name}” is for another product or service`);
    if (card.usesLeft < u.uses) throw new DomainError('PUNCH_EXHAUSTED', `Punch card “${card.name}” has ${card.usesLeft} uses left`);
    card.usesLeft -= u.uses;
    punch += u.uses;
  }

  for (const id of op.couponIds) {
    const c = edit(s.coupons, id);
    if (!c) throw new DomainError('NOT_FOUND', `No coupon ${id} on this account`);
    if (c.status === 'used') throw new DomainError('COUPON_USED', `Coupon “${c.name}” was already used`);
    if (c.status === 'expired' || c.expiresAt <= op.at) throw new DomainError('COUPON_EXPIRED', `Coupon “${c.name}” has expired`);
    c.status = 'used';
    c.usedByOp = op.opId;
  }

  if (op.pointsEarned > 0) {
    s.lots.push({ id: op.opId, earnedAt: op.at, availableAt: op.pointsAvailableAt, expiresAt: op.pointsExpiresAt, remaining: op.pointsEarned });
  }
  const entry = appendEntry(s, op, { principal: -sv.principalFen, bonus: -sv.bonusFen, points: op.pointsEarned - op.pointsUsed, punch: -punch, reserved: svTake.reservedDelta });
  const effects: OpEffects = {
    ...noEffects(op.orderTotalFen),
    principalTaken: sv.principalFen,
    bonusTaken: sv.bonusFen,
    pointsTakes: takes,
    pointsEarned: op.pointsEarned,
    punchUses: op.punchUses,
    couponIds: op.couponIds,
  };
  const allowance = svTake.leaseId ? { leaseId: svTake.leaseId, fromLeaseFen: -svTake.reservedDelta, writtenOffFen: svTake.writtenOffFen } : {};
  return { entries: [entry], effects, detail: { principalTaken: sv.principalFen, bonusTaken: sv.bonusFen, pointsUsed: op.pointsUsed, pointsEarned: op.pointsEarned, ...allowance } };
}

/** Sells a punch card, optionally paid from stored value. */
export function sellPunchCard(s: AccountState, op: PunchSale, order: ConsumptionOrder): Step {
  assertCanSpend(s);
  if (s.punchCards.some((c) => c.id === op.card.id)) throw new DomainError('CONFLICT', `Punch card ${op.card.id} already exists`);
  const sv = takeStoredValue(s, op.storedValueFen, order);
  s.punchCards.push({ ...op.card, usesLeft: op.card.usesTotal });
  const entry = appendEntry(s, op, { principal: -sv.principalFen, bonus: -sv.bonusFen, points: 0, punch: op.card.usesTotal });
  const base = op.card.pricePerUseFen * op.card.usesTotal;
  return {
    entries: [entry],
    effects: { ...noEffects(base), principalTaken: sv.principalFen, bonusTaken: sv.bonusFen, punchCardId: op.card.id },
    detail: { cardId: op.card.id, principalTaken: sv.principalFen, bonusTaken: sv.bonusFen },
  };
}

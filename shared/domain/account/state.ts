import type { Balances, LedgerEntry, OwnedCoupon, PunchCard } from '../../schemas/account';
import { GENESIS, hashEntry } from './ledger-hash';
import { lockedPoints, type PointsLot, type PointsTake } from './points-lots';
import type { Lease } from '../allowance/leases';

/** A member account as the engine sees it: the Durable Object loads it, the engine returns the next one. */
export type AccountState = {
  status: 'active' | 'frozen' | 'closed';
  cardNo: string;
  principalFen: number;
  bonusFen: number;
  lots: PointsLot[];
  punchCards: PunchCard[];
  coupons: OwnedCoupon[];
  /**
   * Offline allowances (decision 015). `principalFen`/`bonusFen` above are what can be spent here
   * and now; open leases hold the rest of what the member owns, set aside for one device each.
   */
  leases: Lease[];
  seq: number;
  headHash: string;
};

export const emptyAccount = (cardNo: string): AccountState => ({
  status: 'active', cardNo, principalFen: 0, bonusFen: 0, lots: [], punchCards: [], coupons: [], leases: [], seq: 0, headHash: GENESIS,
});

/** What an applied operation took and gave, kept so a later refund can give back exactly that. */
export type OpEffects = {
  base: number; // order total (settle), recharge amount, punch-card price: what refund amounts are shares of
  principalTaken: number;
  bonusTaken: number;
  principalAdded: number;
  bonusAdded: number;
  pointsTakes: PointsTake[];
  pointsEarned: number;
  punchUses: { cardId: string; uses: number }[];
  couponIds: string[];
  punchCardId: string | null;
  refunded: number; // cumulative share of `base` refunded so far
};

export type OpRecord = {
  opId: string;
  kind: string;
  status: 'applied' | 'rejected';
  code: string | null;
  message: string | null;
  detail: Record<string, unknown>;
  entries: LedgerEntry[];
  effects: OpEffects | null;
  /** Refunds of this op, and the ledger position they were applied at (for the reference model). */
  at: number;
  /** The request's fingerprint (absent in records made before fingerprints were kept). */
  fingerprint?: string;
};

export const totalPoints = (s: AccountState) => s.lots.reduce((n, l) => n + l.remaining, 0);

/** What the member owns, by purse: spendable plus what open leases hold for devices. */
export function ownedPurses(s: AccountState): { principalFen: number; bonusFen: number; reservedFen: number } {
  let p = s.principalFen, b = s.bonusFen;
  for (const l of s.leases) if (l.state === 'open') { p += l.principalFen; b += l.bonusFen; }
  return { principalFen: p, bonusFen: b, reservedFen: p + b - s.principalFen - s.bonusFen };
}

/** The member's balances: owned purses (the chain's liability), of which `reservedFen` is lent to devices. */
export function balancesOf(s: AccountState, now: number): Balances {
  return { ...ownedPurses(s), points: totalPoints(s), lockedPoints: lockedPoints(s.lots, now) };
}

/** Ledger deltas of owned purses; `reserved` is money moving into (+) or out of (−) devices' leases. */
export type Deltas = { principal: number; bonus: number; points: number; punch: number; reserved?: number };

/** Appends one ledger entry for `next` (balances already moved by `d`), linking it to the chain. */
export function appendEntry(
  next: AccountState,
  op: { opId: string; kind: string; storeId: string | null; staffId: string | null; at: number },
  d: Deltas,
): LedgerEntry {
  const purses = ownedPurses(next);
  const reserved = d.reserved ?? 0;
  const fields = {
    seq: next.seq + 1,
    opId: op.opId,
    kind: op.kind,
    principalDelta: d.principal,
    bonusDelta: d.bonus,
    pointsDelta: d.points,
    punchDelta: d.punch,
    principalAfter: purses.principalFen,
    bonusAfter: purses.bonusFen,
    pointsAfter: totalPoints(next),
    storeId: op.storeId,
    staffId: op.staffId,
    at: op.at,
    prevHash: next.headHash,
    // Only accounts that have lent money to a device carry (and hash) the reserved columns.
    ...(reserved !== 0 || purses.reservedFen !== 0 ? { reservedDelta: reserved, reservedAfter: purses.reservedFen } : {}),
  };
  const entry = { ...fields, hash: hashEntry(fields) };
  next.seq = entry.seq;
  next.headHash = entry.hash;
  return entry;
}

// Copy-on-write: the next state shares every lot, card and coupon with the one before until the op
// edits it, so an op costs what it touches, not the size of the account (and the Durable Object
// writes only the objects that are new by identity).
const owned = new WeakMap<object[], WeakSet<object>>();

export const cloneState = (s: AccountState): AccountState => {
  const next = { ...s, lots: [...s.lots], punchCards: [...s.punchCards], coupons: [...s.coupons], leases: [...s.leases] };
  for (const list of [next.lots, next.punchCards, next.coupons, next.leases]) owned.set(list, new WeakSet());
  return next;
};

/** Item `id` of a state's list, ready to edit: copied first unless this state already owns it. */
export function edit<T extends { id: string }>(list: T[], id: string): T | undefined {
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) return undefined;
  const mine = owned.get(list);
  if (mine?.has(list[i]!)) return list[i];
  const copy = { ...list[i]! };
  list[i] = copy;
  mine?.add(copy);
  return copy;
}

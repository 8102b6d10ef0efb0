import { pointsWorthFen, punchWorthFen } from '../../../../../shared/domain/checkout/price-checkout';
import { checkAllowance, type AllowanceView, type OfflineRefusal } from '../../../../../shared/domain/allowance/device-check';
import type { PunchCard } from '../../../../../shared/schemas/account';
import type { Member } from '../../../../../shared/schemas/member';
import type { Tender } from '../../../../../shared/schemas/order';
import type { ChainRules } from '../../../../../shared/schemas/rules';

/**
 * Split payment at the counter: what each tender may take and why it may not. Pure, so the rules a
 * clerk meets ("储值余额不足", "积分不足") are tested, not discovered.
 */
export type ExternalKind = 'bank_card' | 'wechat' | 'alipay';
export type TenderDraft =
  | { kind: 'cash'; amountFen: number; receivedFen: number }
  /** charged: taken through a provider — it cannot be dropped from the sale at the counter. */
  | { kind: ExternalKind; amountFen: number; reference: string; charged?: boolean }
  /** leaseId: taken offline under this tablet's allowance for the member (decision 015). */
  | { kind: 'stored_value'; amountFen: number; leaseId?: string }
  | { kind: 'points'; points: number; amountFen: number }
  | { kind: 'punch_card'; cardId: string; productId: string; name: string; uses: number; amountFen: number };
export type TenderKindOption = Exclude<TenderDraft['kind'], 'punch_card'>;

export type Blocker = 'no_member' | 'card_frozen' | 'no_balance' | 'no_points' | 'points_too_few' | 'paid' | `offline_${OfflineRefusal}`;
/** This tablet's allowance for the member, as synced (and lowered by its own queued sales). */
export type OwnAllowance = AllowanceView;
/** How stored value can be taken now: offline only under the tablet's allowance, checked by its own clock. */
export type StoredValueContext = { offline: boolean; allowance: OwnAllowance | null; now: number };
export type PayContext = {
  totalFen: number;
  member: Pick<Member, 'status' | 'principalFen' | 'bonusFen' | 'points'> & { reservedFen?: number } | null;
  rules: Pick<ChainRules, 'pointValueFenPer100'>;
  storedValue?: StoredValueContext;
};

export const paidFen = (drafts: readonly TenderDraft[]) => drafts.reduce((n, d) => n + d.amountFen, 0);
export const remainingFen = (ctx: PayContext, drafts: readonly TenderDraft[]) => Math.max(0, ctx.totalFen - paidFen(drafts));
/** Money a provider has already taken: the sale must go through with it. */
export const hasCharged = (drafts: readonly TenderDraft[] | null) => (drafts ?? []).some((d) => 'charged' in d && d.charged === true);
export const changeDueFen = (drafts: readonly TenderDraft[]) => drafts.reduce((n, d) => n + (d.kind === 'cash' ? d.receivedFen - d.amountFen : 0), 0);

const usedOf = (drafts: readonly TenderDraft[], kind: TenderDraft['kind']) => drafts.filter((d) => d.kind === kind);

/** The most this tender can still take, or why it cannot take anything. */
export type Capacity = {
  maxFen: number;
  maxPoints?: number;
  /** Offline: taken under this lease. */
  leaseId?: string;
  /** Online: above this, the money is held by other tablets, which are asked to give it back. */
  askAboveFen?: number;
};

export function capacity(kind: TenderKindOption, ctx: PayContext, drafts: readonly TenderDraft[]): Capacity | { blocked: Blocker } {
  const left = remainingFen(ctx, drafts);
  if (left === 0) return { blocked: 'paid' };
  if (kind === 'cash' || kind === 'bank_card' || kind === 'wechat' || kind === 'alipay') return { maxFen: left };
  const m = ctx.member;
  if (!m) return { blocked: 'no_member' };
  if (kind === 'stored_value') return storedValueCapacity(m, ctx.storedValue, usedOf(drafts, 'stored_value').reduce((n, d) => n + d.amountFen, 0), left);
  if (m.status !== 'active') return { blocked: 'card_frozen' };
  const pointsLeft = m.points - usedOf(drafts, 'points').reduce((n, d) => n + (d.kind === 'points' ? d.points : 0), 0);
  if (pointsLeft <= 0 || ctx.rules.pointValueFenPer100 <= 0) return { blocked: 'no_points' };
  // The most points whose worth still fits in what is left to pay.
  const byAmount = Math.floor((left * 100) / ctx.rules.pointValueFenPer100);
  const maxPoints = Math.min(pointsLeft, byAmount);
  const maxFen = pointsWorthFen(maxPoints, ctx.rules);
  return maxFen <= 0 ? { blocked: 'points_too_few' } : { maxFen, maxPoints };
}

/**
 * Stored value: online, all the member has — what other tablets hold for offline use is asked back
 * when the sale goes through (decision 015); offline, only this tablet's allowance, before its
 * expiry — the reason otherwise.
 */
function storedValueCapacity(m: NonNullable<PayContext['member']>, sv: StoredValueContext | undefined, used: number, left: number): Capacity | { blocked: Blocker } {
  const a = sv?.allowance ?? null;
  if (sv?.offline) {
    const check = checkAllowance(a, 1, sv.now, used);
    if (!check.ok) return { blocked: `offline_${check.reason}` };
    return { maxFen: Math.min(check.leftAfterFen + 1, left), leaseId: a!.leaseId };
  }
  if (m.status !== 'active') return { blocked: 'card_frozen' };
  const own = a && !a.askedBack ? a.heldFen : 0;
  const balance = m.principalFen + m.bonusFen - used;
  if (balance <= 0) return { blocked: 'no_balance' };
  const maxFen = Math.min(balance, left);
  const free = Math.max(0, balance - (m.reservedFen ?? 0) + own);
  return free < maxFen ? { maxFen, askAboveFen: free } : { maxFen };
}

/**
 * Offline, stored value is taken only under the tablet's allowance: stored-value tenders added
 * while online get its lease when it covers them all, or the sale is held with the reason.
 */
export function leaseOffline(drafts: readonly TenderDraft[], sv: StoredValueContext | undefined): { drafts: TenderDraft[] } | { blocked: Blocker } {
  const unleased = drafts.filter((d) => d.kind === 'stored_value' && !d.leaseId);
  if (!sv?.offline || unleased.length === 0) return { drafts: [...drafts] };
  const a = sv.allowance;
  const total = drafts.reduce((n, d) => n + (d.kind === 'stored_value' ? d.amountFen : 0), 0);
  const check = checkAllowance(a, total, sv.now);
  if (!check.ok) return { blocked: `offline_${check.reason}` };
  return { drafts: drafts.map((d) => (d.kind === 'stored_value' ? { ...d, leaseId: a!.leaseId } : d)) };
}

/** Cash: what was handed over pays up to what is left; the rest is change. */
export function cashDraft(receivedFen: number, ctx: PayContext, drafts: readonly TenderDraft[]): TenderDraft | null {
  const left = remainingFen(ctx, drafts);
  if (receivedFen <= 0 || left === 0) return null;
  return { kind: 'cash', amountFen: Math.min(receivedFen, left), receivedFen };
}

export function pointsDraft(points: number, ctx: PayContext, drafts: readonly TenderDraft[]): TenderDraft | null {
  const cap = capacity('points', ctx, drafts);
  if ('blocked' in cap || points <= 0 || points > (cap.maxPoints ?? 0)) return null;
  const amountFen = pointsWorthFen(points, ctx.rules);
  return amountFen > 0 ? { kind: 'points', points, amountFen } : null;
}

/** The order's tenders: cash recorded as what it paid (the change went back over the counter; the receipt shows what was handed over). */
export const toTenders = (drafts: readonly TenderDraft[]): Tender[] =>
  drafts.map((d): Tender => {
    switch (d.kind) {
      case 'cash':
        return { kind: 'cash', amountFen: d.amountFen, reference: '' };
      case 'stored_value':
        return d.leaseId ? { kind: 'stored_value', amountFen: d.amountFen, leaseId: d.leaseId } : { kind: 'stored_value', amountFen: d.amountFen };
      case 'points':
        return { kind: 'points', points: d.points, amountFen: d.amountFen };
      case 'punch_card':
        return { kind: 'punch_card', cardId: d.cardId, productId: d.productId, uses: d.uses, amountFen: d.amountFen };
      default:
        return { kind: d.kind, amountFen: d.amountFen, reference: d.reference };
    }
  });

export type PunchBlocker = 'expired' | 'not_here' | 'used_up' | 'not_in_cart' | 'in_use' | 'too_much';
export type PunchOption = { card: PunchCard; draft: Extract<TenderDraft, { kind: 'punch_card' }> | null; blocked: PunchBlocker | null };

/**
 * The member's punch cards at this sale: each pays for the units of its service in the cart (up
 * to the visits left), valued at what those units cost on the order — or why it cannot.
 */
export function punchOptions(cards: readonly PunchCard[], lines: readonly { productId: string; quantity: number; totalFen: number }[], ctx: PayContext & { storeId: string; at: number }, drafts: readonly TenderDraft[]): PunchOption[] {
  const left = remainingFen(ctx, drafts);
  return cards.map((card): PunchOption => {
    const no = (blocked: PunchBlocker): PunchOption => ({ card, draft: null, blocked });
    if (card.expiresAt !== null && card.expiresAt <= ctx.at) return no('expired');
    if (card.storeIds && !card.storeIds.includes(ctx.storeId)) return no('not_here');
    if (card.usesLeft <= 0) return no('used_up');
    if (drafts.some((d) => d.kind === 'punch_card' && d.cardId === card.id)) return no('in_use');
    const inCart = lines.filter((l) => l.productId === card.productId).reduce((n, l) => n + l.quantity, 0);
    const taken = drafts.reduce((n, d) => n + (d.kind === 'punch_card' && d.productId === card.productId ? d.uses : 0), 0);
    const uses = Math.min(card.usesLeft, inCart - taken);
    if (uses <= 0) return no('not_in_cart');
    // The server wants the exact worth of these units, so it must fit in what is left to pay.
    const amountFen = punchWorthFen(lines, card.productId, taken + uses) - punchWorthFen(lines, card.productId, taken);
    if (amountFen > left) return no('too_much');
    return { card, blocked: null, draft: { kind: 'punch_card', cardId: card.id, productId: card.productId, name: card.name, uses, amountFen } };
  });
}

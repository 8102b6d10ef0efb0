import type { Rng } from '../../scripts/seed/rng';
import { allowanceView } from '../../shared/domain/allowance/device-check';
import { pointsWorthFen, priceCheckout, punchWorthFen } from '../../shared/domain/checkout/price-checkout';
import type { OrderInput } from '../../shared/schemas/order';
import { checkoutContext } from '../../shared/sync/checkout-context';
import { keys } from '../../shared/sync/keys';
import type { Tier } from '../../shared/schemas/member';
import { capacity, leaseOffline, toTenders, type PayContext, type TenderDraft } from '../../client/src/apps/clerk/counter/tenders';
import type { Book } from './book';
import { memTx } from './mem-tx';
import type { Tablet } from './tablet';

// A service (punch cards are sold for it), a beauty service, skincare, hair care and a drink.
export const SIM_PRODUCTS = ['p-001', 'p-101', 'p-301', 'p-401', 'p-501'] as const;
export const PUNCH_PRODUCT = 'p-001';

/**
 * A sale rung up as the counter does it: priced from the tablet's own rows with the shared
 * pricing (the server checks the tenders against its own pricing), paid the way the pay sheet
 * allows (client/src/apps/clerk/counter/tenders.ts: stored value offline only under this
 * tablet's allowance, points within the balance, punch visits off a card the desk read), then the
 * checkout mutator. What the pay sheet would block is paid in cash instead.
 */
export async function ringUp(t: Tablet, rng: Rng, book: Book): Promise<string> {
  // Its own store's members from the view; online, also those found by phone from other stores.
  const members = [...t.members(), ...(t.online ? [...t.found.values()].filter((f) => !t.rep.view.has(keys.member(f.id))) : [])].filter((m) => m.status === 'active');
  const member = members.length > 0 && rng.chance(0.85) ? rng.pick(members) : null;
  const now = t.now();
  // Opening a member at the counter reads their account online (punch cards, coupons), as the desk does.
  const desk = member && t.online ? await t.readDesk(member.id) : member ? t.desk.get(member.id) : undefined;
  const card = desk?.punchCards.find((c) => c.usesLeft > 0 && (c.expiresAt === null || c.expiresAt > now) && (!c.storeIds || c.storeIds.includes(t.storeId)));
  const punch = card && rng.chance(0.6) ? card : null;
  const lines = punch ? [{ productId: punch.productId, quantity: rng.int(1, 2) }] : Array.from({ length: rng.int(1, 2) }, () => ({ productId: rng.pick(SIM_PRODUCTS), quantity: rng.int(1, 2) }));
  const coupon = desk?.coupons.find((c) => c.status === 'issued' && c.expiresAt > now);
  const order: Omit<OrderInput, 'tenders'> = {
    id: book.nextId(), storeId: t.storeId, memberId: member?.id ?? null, createdAt: now, lines, note: '', manualDiscount: null,
    coupons: coupon && rng.chance(0.7) ? [{ couponId: coupon.id, templateId: coupon.templateId }] : [],
  };
  const tx = memTx(t.rep.view, '', 0);
  const ctx = await checkoutContext(tx, t.storeId, order.memberId, lines.map((l) => l.productId));
  if (!ctx) return 'sale: the view has no rules yet';
  if (member && !ctx.member) {
    // A member found by phone is priced from the row the lookup returned (the counter holds it in memory).
    ctx.member = { id: member.id, birthday: member.birthday };
    ctx.tier = ((await tx.get(keys.tier(member.tierCode))) as Tier | undefined) ?? null;
  }
  let priced = priceCheckout(order, ctx);
  // The cart drops a coupon the pricing refuses (below its minimum spend, say), as the counter shows.
  if (priced.ok && priced.refusals.length > 0 && order.coupons.length > 0) priced = priceCheckout({ ...order, coupons: [] }, ctx), (order.coupons = []);
  if (!priced.ok || priced.totalFen === 0) return 'sale: nothing to pay';

  const drafts: TenderDraft[] = [];
  if (punch) {
    const uses = Math.min(punch.usesLeft, lines[0]!.quantity);
    const amountFen = punchWorthFen(priced.lines, punch.productId, uses);
    drafts.push({ kind: 'punch_card', cardId: punch.id, productId: punch.productId, name: punch.name, uses, amountFen });
  }
  const own = member ? t.allowance(member.id) : undefined;
  const pay: PayContext = { totalFen: priced.totalFen, member, rules: ctx.rules, storedValue: { offline: !t.online, allowance: own ? allowanceView(own) : null, now } };
  const style = rng.weighted<'sv' | 'points' | 'cash'>([['sv', 6], ['points', 2], ['cash', 2]]);
  if (style === 'sv') {
    const cap = capacity('stored_value', pay, drafts);
    if (!('blocked' in cap)) drafts.push({ kind: 'stored_value', amountFen: rng.chance(0.6) ? cap.maxFen : rng.int(1, cap.maxFen), ...(cap.leaseId ? { leaseId: cap.leaseId } : {}) });
  } else if (style === 'points') {
    const cap = capacity('points', pay, drafts);
    if (!('blocked' in cap) && cap.maxPoints) {
      const points = rng.int(1, cap.maxPoints);
      if (pointsWorthFen(points, ctx.rules) > 0) drafts.push({ kind: 'points', points, amountFen: pointsWorthFen(points, ctx.rules) });
    }
  }
  // Now and then the screen is behind (another sale just used the allowance): the clerk asks for
  // more than it holds, and the checkout mutator itself must refuse on the tablet.
  if (!t.online && own && !punch && drafts.length === 0 && rng.chance(0.2)) drafts.push({ kind: 'stored_value', amountFen: Math.min(priced.totalFen, own.heldFen + rng.int(1, 500)), leaseId: own.leaseId });
  const rest = priced.totalFen - drafts.reduce((n, d) => n + d.amountFen, 0);
  if (rest > 0) drafts.push(rng.chance(0.7) ? { kind: 'cash', amountFen: rest, receivedFen: rest } : { kind: 'wechat', amountFen: rest, reference: '' });
  const leased = leaseOffline(drafts, pay.storedValue);
  if ('blocked' in leased) return `sale: the pay sheet blocks stored value (${leased.blocked})`;
  const tenders = toTenders(leased.drafts).filter((x) => x.amountFen > 0 || x.kind === 'punch_card');
  const underLease = tenders.some((x) => x.kind === 'stored_value' && !!x.leaseId);
  const r = await t.mutate('checkout', { ...order, tenders }, underLease);
  const how = tenders.map((x) => `${x.kind}${'leaseId' in x && x.leaseId ? '@lease' : ''} ${x.amountFen}`).join(' + ');
  return `sale ${order.id} ${member ? `to ${member.id}` : 'walk-in'} at ${t.spec.name}${t.online ? '' : ' (offline)'}: ${priced.totalFen} = ${how}${'refused' in r ? ` — refused on the tablet: ${String((r.refused as Error).message ?? r.refused)}` : ''}`;
}

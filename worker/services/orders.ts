import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../shared/domain/authz';
import { assertStaff, assertStoreAccess } from '../../shared/domain/authz';
import { checkCheckout, pointsEarnedOn, priceCheckout, type CheckoutContext } from '../../shared/domain/checkout/price-checkout';
import { DomainError, isDomainError } from '../../shared/errors';
import type { OrderInput, OrderResult, PricedLine } from '../../shared/schemas/order';
import type { CatalogItem, PricedOrder } from '../../shared/schemas/promotions';
import type { Db } from '../db/client';
import { auditLog, products, storePrices } from '../db/schema';
import { listTiers } from './tiers';
import { TtlCache } from './ttl-cache';
import { dailySales, orderInserts, type OrderWrite } from '../durable/account-projection';
import { saleRollupStatements } from '../reports/rollup-statements';
import { insertRow, runBatch } from '../db/statements';
import type { ChainRules } from '../../shared/schemas/rules';
import { auditRow, type AuditRow } from './audit';
import { earnedPointsTiming, findMember, forgetMember, opContext, raiseIfRejected, runSale, type MemberRow } from './accounts';
import { priorOrder } from './order-replay';
import { assertIdFreeFor } from './id-owner';
import { requestFingerprint } from '../../shared/domain/idempotency';
import { loadRules } from './rules';
import { storeExists } from './stores';
import { promotionsForStore } from './promotions';
import { brokenConstraint } from '../db/constraint';
import { checkApproval } from './approvals';
import { approvalMessages } from '../../shared/domain/manager-pin';
import type { DeviceRef } from './devices';
import { mayNeedReclaim, raiseNamingHolders, reclaimIfShort } from './allowance-reclaim';
import { saleStockStatements } from './inventory-stock';
import { assertSoldHere } from './store-availability';

const catalogCache = new TtlCache<CatalogItem | null>(5_000);

/** This store's price list for the products on the order (each product cached for a few seconds). */
async function catalogFor(db: Db, storeId: string, ids: string[]): Promise<Map<string, CatalogItem>> {
  const load = async (id: string) => {
    const row = await db
      .select({ p: products, storePrice: storePrices.priceFen })
      .from(products)
      .leftJoin(storePrices, and(eq(storePrices.productId, products.id), eq(storePrices.storeId, storeId)))
      .where(and(eq(products.id, id), eq(products.status, 'active')))
      .get();
    if (!row) return null;
    const { p, storePrice } = row;
    return { productId: p.id, name: p.name, categoryId: p.categoryId, listPriceFen: p.listPriceFen, costPriceFen: p.costPriceFen, storePriceFen: storePrice, pointsEligible: p.pointsEligible, punchEligible: p.punchEligible };
  };
  const items = await Promise.all(ids.map((id) => catalogCache.get(`${storeId}|${id}`, () => load(id))));
  return new Map(items.filter((x): x is CatalogItem => x !== null).map((x) => [x.productId, x]));
}

/**
 * Settles an order online. The server prices it (store price, tier discount) and checks that the
 * tenders cover exactly that total; member tenders and earned points go through the member's
 * Durable Object in one atomic step keyed by the order id. `source`: a sale straight to the API is
 * refused for a product its store no longer sells; a tablet's is not (store-availability.ts).
 */
export async function settleOrder(env: Env, db: Db, actor: Actor, order: OrderInput, device: DeviceRef | null = null, source: 'api' | 'tablet' = 'tablet'): Promise<OrderResult> {
  assertStaff(actor);
  assertStoreAccess(actor, order.storeId);
  // The order id keys this request: a repeat with another body is refused, never answered as the first.
  const fingerprint = await requestFingerprint('order', order);
  const input = await withApprovedDiscount(db, actor, order, fingerprint);
  if ('status' in input) return input;
  // Independent reads in parallel: each is a round trip to D1.
  const [, member, catalog, rules, allTiers, promotions] = await Promise.all([
    storeExists(db, input.storeId),
    input.memberId ? findMember(db, input.memberId) : null,
    catalogFor(db, input.storeId, [...new Set(input.lines.map((l) => l.productId))]),
    loadRules(db),
    listTiers(db),
    promotionsForStore(db, input.storeId),
    input.memberId ? assertIdFreeFor(db, input.id, input.memberId) : null,
    source === 'api' ? assertSoldHere(db, input, fingerprint) : null,
  ]);
  const prepare = (tierCode: string | null) =>
    prepareSale(db, actor, input, fingerprint, { catalog: [...catalog.values()], member, rules, tier: allTiers.find((t) => t.code === tierCode) ?? null, ...promotions, ownedCoupons: null });
  if (!member) {
    const sale = await prepare(null);
    return 'status' in sale ? sale : settleWalkIn(db, sale, fingerprint);
  }
  // Priced at the tier this isolate knows; the member's object refuses a stale one, and the sale is
  // priced once more at the tier it names.
  let pricedTier = member.tierCode;
  const sum = (k: string) => input.tenders.filter((t) => t.kind === k).reduce((n, t) => n + t.amountFen, 0);
  const leaseId = input.tenders.flatMap((t) => (t.kind === 'stored_value' && t.leaseId ? [t.leaseId] : []))[0] ?? null;
  const allowance = { deviceId: device?.id ?? null, leaseId };
  // Only when the member row says tablets hold money this sale may need: most sales ask nothing more.
  if (sum('stored_value') > 0 && !leaseId && mayNeedReclaim(member, sum('stored_value'))) await reclaimIfShort(env, db, actor, member.id, input.id, sum('stored_value'), allowance.deviceId);
  for (let attempt = 0; ; attempt++) {
    const sale = await prepare(pricedTier);
    if ('status' in sale) return sale;
    const out = await runSale(env, member, {
      ...opContext(actor, input.id, input.storeId),
      kind: 'settle',
      storedValueFen: sum('stored_value'),
      pointsUsed: input.tenders.reduce((n, t) => n + (t.kind === 'points' ? t.points : 0), 0),
      punchUses: input.tenders.flatMap((t) => (t.kind === 'punch_card' ? [{ cardId: t.cardId, uses: t.uses, productId: t.productId }] : [])),
      couponIds: sale.couponIds,
      pointsEarned: sale.write.pointsEarned,
      ...earnedPointsTiming(rules, input.createdAt),
      orderTotalFen: sale.write.totalFen,
      ...allowance,
      fingerprint,
    }, rules, { order: sale.write, audit: sale.audit, pricedTier });
    if ('staleTier' in out) {
      forgetMember(member.id);
      if (attempt > 0) throw new DomainError('CONFLICT', 'The member’s tier changed while the sale was being priced: send it again');
      pricedTier = out.staleTier;
      continue;
    }
    await raiseNamingHolders(env, db, actor, member.id, out);
    const b = out.balances;
    return { ...sale.result, pointsEarned: sale.write.pointsEarned, balances: { principalFen: b.principalFen, bonusFen: b.bonusFen, points: b.points }, replayed: out.replayed };
  }
}

/**
 * The order with its manual discount's approver checked (decision 013) and named; or, when the
 * approval no longer checks out (the manager changed the PIN since) but the order was settled
 * before under this id, the recorded answer.
 */
async function withApprovedDiscount(db: Db, actor: Actor, input: OrderInput, fingerprint: string): Promise<OrderInput | OrderResult> {
  const md = input.manualDiscount;
  if (!md) return input;
  try {
    const approvedBy = await checkApproval(db, actor, input.storeId, md, approvalMessages.manualDiscount(input.id, md), 'A manual discount');
    return { ...input, manualDiscount: { ...md, approvedBy } };
  } catch (e) {
    const prior = isDomainError(e) && e.code === 'FORBIDDEN' ? await priorOrder(db, input.id, input.storeId, fingerprint) : null;
    if (prior) return prior;
    throw e;
  }
}

type Tier = Awaited<ReturnType<typeof listTiers>>[number];
type PreparedSale = { write: OrderWrite; audit: AuditRow; couponIds: string[]; result: Omit<OrderResult, 'pointsEarned' | 'balances' | 'replayed'> };

/**
 * Prices the order at `tier` and builds what is written for it; or, when it does not validate but
 * was settled before under this id, the recorded answer (a retry after prices, tier or rules
 * changed is still a repeat).
 */
async function prepareSale(db: Db, actor: Extract<Actor, { kind: 'staff' }>, input: OrderInput, fingerprint: string, c: CheckoutContext & { member: MemberRow | null }): Promise<PreparedSale | OrderResult> {
  let priced: PricedOrder;
  try {
    priced = checkCheckout(input, c);
  } catch (e) {
    if (isDomainError(e) && e.code === 'VALIDATION_FAILED') {
      const prior = await priorOrder(db, input.id, input.storeId, fingerprint);
      if (prior) return prior;
    }
    throw e;
  }
  const earned = c.member ? pointsEarnedOn(priced, input.tenders, c.rules) : 0;
  const memberId = c.member?.id ?? null;
  const lines = resultLines(priced);
  return {
    couponIds: priced.coupons.map((x) => x.couponId),
    write: {
      id: input.id, storeId: input.storeId, staffId: actor.id, memberId,
      subtotalFen: priced.subtotalFen, discountFen: priced.discountFen, totalFen: priced.totalFen, costFen: priced.costFen,
      pointsEarned: earned, pointsCampaignId: earned > 0 ? priced.points.campaignId : null, note: input.note, createdAt: input.createdAt, lines: recordLines(priced), requestHash: fingerprint,
      payments: input.tenders.map((t) => ({ tender: t.kind, amountFen: t.amountFen, reference: 'reference' in t ? t.reference : '' })),
    },
    audit: auditRow({ id: input.id, actor, action: 'order.settle', entity: 'order', entityId: input.id, storeId: input.storeId, detail: { totalFen: priced.totalFen, memberId, discountBySource: priced.discountBySource, coupons: priced.coupons, manualDiscount: input.manualDiscount }, at: Date.now() }),
    result: { id: input.id, status: 'completed', rejectCode: null, rejectReason: null, storeId: input.storeId, memberId, lines, subtotalFen: priced.subtotalFen, discountFen: priced.discountFen, totalFen: priced.totalFen },
  };
}

/** A sale without a member: only D1, in one batch; a repeated id answers as the first time. */
async function settleWalkIn(db: Db, sale: PreparedSale, fingerprint: string): Promise<OrderResult> {
  const done = { ...sale.result, pointsEarned: 0, balances: null };
  try {
    // The goods leave the store's stock in the same batch (decision 025).
    await runBatch(db, [...orderInserts(db, sale.write, null), ...saleStockStatements(db, [sale.write.id], Date.now()), dailySales(db, sale.write), ...saleRollupStatements(db.$client, [sale.write.id]), insertRow(db, auditLog, sale.audit, { ignore: true })]);
  } catch (e) {
    if (brokenConstraint(e) !== 'orders.id') throw e;
    // The recorded answer, or IDEMPOTENCY_MISMATCH when the id was used for another order.
    return (await priorOrder(db, sale.write.id, sale.write.storeId, fingerprint)) ?? { ...done, replayed: true };
  }
  return { ...done, replayed: false };
}

/** The lines as answered: each discount as its label (the receipt's words). */
const resultLines = (priced: PricedOrder): PricedLine[] =>
  priced.lines.map((l) => ({ lineNo: l.lineNo, productId: l.productId, name: l.name, categoryId: l.categoryId, quantity: l.quantity, unitPriceFen: l.unitPriceFen, discountFen: l.discountFen, totalFen: l.totalFen, unitCostFen: l.unitCostFen, explanation: l.explanation.map((e) => e.label) }));

/** The lines as recorded: the labels, and each discount's source for reports (decision 028). */
const recordLines = (priced: PricedOrder): OrderWrite['lines'] =>
  resultLines(priced).map((l, i) => ({ ...l, discounts: priced.lines[i]!.explanation.map((e) => ({ kind: e.kind, refId: e.refId, fen: e.amountFen })) }));

/** What these lines cost at this store for the member's tier now (a punch redemption is paid at that value). */
export async function quoteTotal(db: Db, storeId: string, memberId: string | null, lines: { productId: string; quantity: number }[], at: number): Promise<number> {
  const [member, catalog, allTiers, rules, promotions] = await Promise.all([
    memberId ? findMember(db, memberId) : null,
    catalogFor(db, storeId, [...new Set(lines.map((l) => l.productId))]),
    listTiers(db),
    loadRules(db),
    promotionsForStore(db, storeId),
  ]);
  const tier = allTiers.find((t) => t.code === member?.tierCode) ?? null;
  const priced = priceCheckout({ storeId, createdAt: at, lines, coupons: [], manualDiscount: null }, { catalog: [...catalog.values()], member, tier, rules, ...promotions, ownedCoupons: null });
  if (!priced.ok) throw new DomainError('VALIDATION_FAILED', `productId: unknown or archived product ${priced.productId}`);
  return priced.totalFen;
}

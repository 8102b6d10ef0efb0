import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Actor } from '../../shared/domain/authz';
import { assertStaff, assertStoreAccess } from '../../shared/domain/authz';
import { businessDay } from '../../shared/domain/business-day';
import { pointsEarned, priceLines, type CatalogItem } from '../../shared/domain/pricing';
import { DomainError } from '../../shared/errors';
import { MONEY_TENDERS, type OrderInput, type OrderResult } from '../../shared/schemas/order';
import type { Db } from '../db/client';
import { auditLog, products, storeDailySales, storePrices } from '../db/schema';
import { listTiers } from './tiers';
import { TtlCache } from './ttl-cache';
import { orderInserts, type OrderWrite } from '../durable/account-projection';
import { auditRow } from './audit';
import { earnedPointsTiming, findMember, opContext, raiseIfRejected, runOp } from './accounts';
import { loadRules } from './rules';
import { storeExists } from './stores';

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
    return { productId: p.id, name: p.name, categoryId: p.categoryId, listPriceFen: p.listPriceFen, costPriceFen: p.costPriceFen, storePriceFen: storePrice };
  };
  const items = await Promise.all(ids.map((id) => catalogCache.get(`${storeId}|${id}`, () => load(id))));
  return new Map(items.filter((x): x is CatalogItem => x !== null).map((x) => [x.productId, x]));
}

/**
 * Settles an order online. The server prices it (store price, tier discount) and checks that the
 * tenders cover exactly that total; member tenders and earned points go through the member's
 * Durable Object in one atomic step keyed by the order id.
 */
export async function settleOrder(env: Env, db: Db, actor: Actor, input: OrderInput): Promise<OrderResult> {
  assertStaff(actor);
  assertStoreAccess(actor, input.storeId);
  // Independent reads in parallel: each is a round trip to D1.
  const [, member, catalog, rules, allTiers] = await Promise.all([
    storeExists(db, input.storeId),
    input.memberId ? findMember(db, input.memberId) : null,
    catalogFor(db, input.storeId, [...new Set(input.lines.map((l) => l.productId))]),
    loadRules(db),
    listTiers(db),
  ]);
  const tier = member ? (allTiers.find((t) => t.code === member.tierCode) ?? null) : null;
  const priced = priceLines(input.lines, catalog, tier ? { name: tier.name, discountBp: tier.discountBp } : null);
  if ('missing' in priced) throw new DomainError('VALIDATION_FAILED', `lines: unknown or archived product ${priced.missing}`);

  const paid = input.tenders.reduce((n, t) => n + t.amountFen, 0);
  if (paid !== priced.totalFen) {
    throw new DomainError('VALIDATION_FAILED', `tenders: they add up to ${paid} fen but the order total is ${priced.totalFen} fen`, { details: { totalFen: priced.totalFen, tenderedFen: paid } });
  }
  const memberTenders = input.tenders.filter((t) => !MONEY_TENDERS.includes(t.kind) || t.kind === 'stored_value');
  if (!member && memberTenders.length) throw new DomainError('VALIDATION_FAILED', 'tenders: stored value, points, punch cards and coupons need a member');
  for (const t of input.tenders) {
    if (t.kind === 'points' && t.amountFen !== Math.floor((t.points * rules.pointValueFenPer100) / 100)) {
      throw new DomainError('VALIDATION_FAILED', `tenders: ${t.points} points are worth ${Math.floor((t.points * rules.pointValueFenPer100) / 100)} fen, not ${t.amountFen}`);
    }
  }
  const moneyFen = input.tenders.filter((t) => MONEY_TENDERS.includes(t.kind)).reduce((n, t) => n + t.amountFen, 0);
  const earned = member && tier ? pointsEarned(moneyFen, rules.pointsPerYuan, tier.pointsMultiplierBp) : 0;
  const write: OrderWrite = {
    id: input.id, storeId: input.storeId, staffId: actor.id, memberId: member?.id ?? null,
    subtotalFen: priced.subtotalFen, discountFen: priced.discountFen, totalFen: priced.totalFen, costFen: priced.costFen,
    pointsEarned: earned, note: input.note, createdAt: input.createdAt, lines: priced.lines,
    payments: input.tenders.map((t) => ({ tender: t.kind, amountFen: t.amountFen, reference: 'reference' in t ? t.reference : '' })),
  };
  const base = { id: input.id, storeId: input.storeId, memberId: member?.id ?? null, lines: priced.lines, subtotalFen: priced.subtotalFen, discountFen: priced.discountFen, totalFen: priced.totalFen };
  const audit = auditRow({ id: input.id, actor, action: 'order.settle', entity: 'order', entityId: input.id, storeId: input.storeId, detail: { totalFen: priced.totalFen, memberId: member?.id ?? null }, at: Date.now() });

  if (!member) {
    try {
      const stmts: BatchItem<'sqlite'>[] = [...orderInserts(db, write, null), dailySales(db, write), db.insert(auditLog).values(audit).onConflictDoNothing()];
      await db.batch(stmts as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    } catch (e) {
      if (!/UNIQUE constraint failed: orders\.id/.test(String((e as Error).message))) throw e;
      return { ...base, status: 'completed', rejectCode: null, rejectReason: null, pointsEarned: 0, balances: null, replayed: true };
    }
    return { ...base, status: 'completed', rejectCode: null, rejectReason: null, pointsEarned: 0, balances: null, replayed: false };
  }

  const sum = (k: string) => input.tenders.filter((t) => t.kind === k).reduce((n, t) => n + t.amountFen, 0);
  const out = await runOp(env, member, {
    ...opContext(actor, input.id, input.storeId),
    kind: 'settle',
    storedValueFen: sum('stored_value'),
    pointsUsed: input.tenders.reduce((n, t) => n + (t.kind === 'points' ? t.points : 0), 0),
    punchUses: input.tenders.flatMap((t) => (t.kind === 'punch_card' ? [{ cardId: t.cardId, uses: t.uses }] : [])),
    couponIds: input.tenders.flatMap((t) => (t.kind === 'coupon' ? [t.couponId] : [])),
    pointsEarned: earned,
    ...earnedPointsTiming(rules, input.createdAt),
    orderTotalFen: priced.totalFen,
  }, rules, { order: write, audit });
  raiseIfRejected(out);
  const b = out.balances;
  return { ...base, status: 'completed', rejectCode: null, rejectReason: null, pointsEarned: earned, balances: { principalFen: b.principalFen, bonusFen: b.bonusFen, points: b.points }, replayed: out.replayed };
}

function dailySales(db: Db, w: OrderWrite) {
  return db.insert(storeDailySales).values({ storeId: w.storeId, day: businessDay(w.createdAt), orders: 1, salesFen: w.totalFen, costFen: w.costFen })
    .onConflictDoUpdate({ target: [storeDailySales.storeId, storeDailySales.day], set: { orders: sql`${storeDailySales.orders} + 1`, salesFen: sql`${storeDailySales.salesFen} + ${w.totalFen}`, costFen: sql`${storeDailySales.costFen} + ${w.costFen}` } });
}

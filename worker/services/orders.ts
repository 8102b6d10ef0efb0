import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../shared/domain/authz';
import { assertStaff, assertStoreAccess } from '../../shared/domain/authz';
import { pointsEarned, priceLines, type CatalogItem } from '../../shared/domain/pricing';
import { DomainError, isDomainError } from '../../shared/errors';
import { MONEY_TENDERS, type OrderInput, type OrderResult } from '../../shared/schemas/order';
import type { Db } from '../db/client';
import { auditLog, products, storePrices } from '../db/schema';
import { listTiers } from './tiers';
import { TtlCache } from './ttl-cache';
import { dailySales, orderInserts, type OrderWrite } from '../durable/account-projection';
import { insertRow, runBatch } from '../db/statements';
import { auditRow } from './audit';
import { earnedPointsTiming, findMember, forgetMember, opContext, raiseIfRejected, runSale } from './accounts';
import { priorOrder } from './order-replay';
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
  // Priced at the tier this isolate knows; the member's object refuses a stale one, and the sale
  // is priced once more at the tier it names.
  let tierCode = member?.tierCode ?? null;
  for (let attempt = 0; ; attempt++) {
    const tier = tierCode ? (allTiers.find((t) => t.code === tierCode) ?? null) : null;
    let priced: Priced;
    try {
      priced = checkOrder(input, catalog, tier, member !== null, rules.pointValueFenPer100);
    } catch (e) {
      // A repeat of an order settled before prices, tier or rules changed is still a repeat.
      if (isDomainError(e) && e.code === 'VALIDATION_FAILED') {
        const prior = await priorOrder(db, input.id, input.storeId);
        if (prior) return prior;
      }
      throw e;
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
        await runBatch(db, [...orderInserts(db, write, null), dailySales(db, write), insertRow(db, auditLog, audit, { ignore: true })]);
      } catch (e) {
        if (!/UNIQUE constraint failed: orders\.id/.test(String((e as Error).message))) throw e;
        return { ...base, status: 'completed', rejectCode: null, rejectReason: null, pointsEarned: 0, balances: null, replayed: true };
      }
      return { ...base, status: 'completed', rejectCode: null, rejectReason: null, pointsEarned: 0, balances: null, replayed: false };
    }

    const sum = (k: string) => input.tenders.filter((t) => t.kind === k).reduce((n, t) => n + t.amountFen, 0);
    const out = await runSale(env, member, {
      ...opContext(actor, input.id, input.storeId),
      kind: 'settle',
      storedValueFen: sum('stored_value'),
      pointsUsed: input.tenders.reduce((n, t) => n + (t.kind === 'points' ? t.points : 0), 0),
      punchUses: input.tenders.flatMap((t) => (t.kind === 'punch_card' ? [{ cardId: t.cardId, uses: t.uses }] : [])),
      couponIds: input.tenders.flatMap((t) => (t.kind === 'coupon' ? [t.couponId] : [])),
      pointsEarned: earned,
      ...earnedPointsTiming(rules, input.createdAt),
      orderTotalFen: priced.totalFen,
    }, rules, { order: write, audit, pricedTier: tierCode ?? member.tierCode });
    if ('staleTier' in out) {
      forgetMember(member.id);
      if (attempt > 0) throw new DomainError('CONFLICT', 'The member’s tier changed while the sale was being priced: send it again');
      tierCode = out.staleTier;
      continue;
    }
    raiseIfRejected(out);
    const b = out.balances;
    return { ...base, status: 'completed', rejectCode: null, rejectReason: null, pointsEarned: earned, balances: { principalFen: b.principalFen, bonusFen: b.bonusFen, points: b.points }, replayed: out.replayed };
  }
}

type Priced = Extract<ReturnType<typeof priceLines>, { totalFen: number }>;

/** Prices the lines for this store and tier and checks the tenders against that total. */
function checkOrder(input: OrderInput, catalog: Map<string, CatalogItem>, tier: { name: string; discountBp: number } | null, hasMember: boolean, pointValueFenPer100: number): Priced {
  const priced = priceLines(input.lines, catalog, tier ? { name: tier.name, discountBp: tier.discountBp } : null);
  if ('missing' in priced) throw new DomainError('VALIDATION_FAILED', `lines: unknown or archived product ${priced.missing}`);
  const paid = input.tenders.reduce((n, t) => n + t.amountFen, 0);
  if (paid !== priced.totalFen) {
    throw new DomainError('VALIDATION_FAILED', `tenders: they add up to ${paid} fen but the order total is ${priced.totalFen} fen`, { details: { totalFen: priced.totalFen, tenderedFen: paid } });
  }
  const memberTenders = input.tenders.filter((t) => !MONEY_TENDERS.includes(t.kind) || t.kind === 'stored_value');
  if (!hasMember && memberTenders.length) throw new DomainError('VALIDATION_FAILED', 'tenders: stored value, points, punch cards and coupons need a member');
  for (const t of input.tenders) {
    const worth = t.kind === 'points' ? Math.floor((t.points * pointValueFenPer100) / 100) : 0;
    if (t.kind === 'points' && t.amountFen !== worth) throw new DomainError('VALIDATION_FAILED', `tenders: ${t.points} points are worth ${worth} fen, not ${t.amountFen}`);
  }
  return priced;
}

import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { keys } from '../../shared/sync/keys';
import type { SyncedProduct } from '../../shared/sync/entities';
import type { Db } from '../db/client';
import { categories, chainRules, inventory, members, memberStoreVisits, products, storeAvailability, storePrices, stores, tiers } from '../db/schema';
import { toMember } from '../services/members';
import { parseCategoryDiscounts } from '../services/tiers';
import { toStore } from '../services/stores';
import { chainRulesSchema, DEFAULT_CHAIN_RULES } from '../../shared/schemas/rules';
import { after, row, whole, type Plan, type Source } from './source';
import { VISIT_DAYS } from './policy';

export function storeSource(db: Db, storeId: string | null): Source {
  const where = (extra?: SQL) => and(storeId ? eq(stores.id, storeId) : undefined, extra);
  return {
    name: 'stores',
    page: async (after, limit) => (await db.select().from(stores).where(where(gt(stores.id, after))).orderBy(asc(stores.id)).limit(limit)).map((s) => row(s.id, keys.store(s.id), toStore(s))),
    changed: (since) => whole(db.select().from(stores).where(where(gt(stores.updatedAt, since))), (s: typeof stores.$inferSelect) => ({ key: keys.store(s.id), value: toStore(s) })),
  };
}

export function categorySource(db: Db): Source {
  const v = (c: typeof categories.$inferSelect) => ({ id: c.id, name: c.name, nameEn: c.nameEn, sort: c.sort });
  return {
    name: 'categories',
    page: async (after, limit) => (await db.select().from(categories).where(gt(categories.id, after)).orderBy(asc(categories.id)).limit(limit)).map((c) => row(c.id, keys.category(c.id), v(c))),
    changed: (since) => whole(db.select().from(categories).where(gt(categories.updatedAt, since)), (c: typeof categories.$inferSelect) => ({ key: keys.category(c.id), value: v(c) })),
  };
}

export function tierSource(db: Db): Source {
  const v = ({ updatedAt: _u, ...t }: typeof tiers.$inferSelect) => ({ ...t, categoryDiscounts: parseCategoryDiscounts(t.categoryDiscounts) });
  return {
    name: 'tiers',
    page: async (after, limit) => (await db.select().from(tiers).where(sql`${tiers.code} > ${after}`).orderBy(asc(tiers.code)).limit(limit)).map((t) => row(t.code, keys.tier(t.code), v(t))),
    changed: (since) => whole(db.select().from(tiers).where(gt(tiers.updatedAt, since)), (t: typeof tiers.$inferSelect) => ({ key: keys.tier(t.code), value: v(t) })),
  };
}

export function rulesSource(db: Db): Source {
  const query = (since: number) => db.select().from(chainRules).where(and(eq(chainRules.key, 'rules'), gt(chainRules.updatedAt, since)));
  // HQ's saved rules, or the defaults when none are saved or they no longer parse.
  const parse = (r: typeof chainRules.$inferSelect | undefined) => {
    const parsed = r ? chainRulesSchema.safeParse(JSON.parse(r.value)) : null;
    return parsed?.success ? parsed.data : DEFAULT_CHAIN_RULES;
  };
  return {
    name: 'rules',
    page: async (after) => (after ? [] : [row('rules', keys.rules(), parse(await query(-1).get()))]),
    changed: (since) => whole(query(since), (r: typeof chainRules.$inferSelect) => ({ key: keys.rules(), value: parse(r) })),
  };
}

/** The catalog as one store sells it (its own price where it sets one, without what it does not sell); chain-wide for HQ. */
export function productSource(db: Db, storeId: string | null, showCost: boolean): Source {
  // Subqueries, not joins: drizzle's batch drops a joined table's column from the row.
  const storePrice = sql<number | null>`(SELECT ${storePrices.priceFen} FROM ${storePrices} WHERE ${storePrices.productId} = ${products.id} AND ${storePrices.storeId} = ${storeId ?? ''})`;
  const notSold = sql<number>`EXISTS (SELECT 1 FROM ${storeAvailability} WHERE ${storeAvailability.productId} = ${products.id} AND ${storeAvailability.storeId} = ${storeId ?? ''} AND ${storeAvailability.available} = 0)`;
  const select = (where: SQL | undefined) => db.select({ p: products, price: storePrice, off: notSold }).from(products).where(where);
  type R = { p: typeof products.$inferSelect; price: number | null; off: number };
  const v = ({ p, price, off }: R): SyncedProduct | null =>
    p.status !== 'active' || (storeId && off) ? null : {
      id: p.id, sku: p.sku, name: p.name, kind: p.kind, categoryId: p.categoryId, listPriceFen: p.listPriceFen,
      storePriceFen: storeId ? (price ?? p.listPriceFen) : null, costPriceFen: showCost ? p.costPriceFen : null, barcode: p.barcode, unit: p.unit,
      pointsEligible: p.pointsEligible, punchEligible: p.punchEligible,
    };
  return {
    name: 'products',
    page: async (after, limit) =>
      (await select(and(gt(products.id, after), eq(products.status, 'active'), storeId ? sql`NOT ${notSold}` : undefined)).orderBy(asc(products.id)).limit(limit)).map((r) => row(r.p.id, keys.product(r.p.id), v(r))),
    changed: (since) => {
      // A store's price or availability changed since: that product again (a product it stopped selling is a del).
      const priced = storeId ? db.select({ id: storePrices.productId }).from(storePrices).where(and(eq(storePrices.storeId, storeId), gt(storePrices.updatedAt, since))) : null;
      const sold = storeId ? db.select({ id: storeAvailability.productId }).from(storeAvailability).where(and(eq(storeAvailability.storeId, storeId), gt(storeAvailability.updatedAt, since))) : null;
      const where = priced && sold ? or(gt(products.updatedAt, since), inArray(products.id, priced), inArray(products.id, sold)) : gt(products.updatedAt, since);
      return whole(select(where), (r: R) => ({ key: keys.product(r.p.id), value: v(r) }));
    },
  };
}

export function inventorySource(db: Db, storeId: string): Source {
  const v = (i: typeof inventory.$inferSelect) => ({ productId: i.productId, quantity: i.quantity, lowStockThreshold: i.lowStockThreshold });
  const base = eq(inventory.storeId, storeId);
  return {
    name: 'inventory',
    page: async (after, limit) => (await db.select().from(inventory).where(and(base, gt(inventory.productId, after))).orderBy(asc(inventory.productId)).limit(limit)).map((i) => row(i.productId, keys.inventory(i.productId), v(i))),
    changed: (since) => whole(db.select().from(inventory).where(and(base, gt(inventory.updatedAt, since))), (i: typeof inventory.$inferSelect) => ({ key: keys.inventory(i.productId), value: v(i) })),
  };
}

/** Members a store serves offline: home store here, or served here in the last 90 days. */
export function storeMembersSource(db: Db, storeId: string): Source {
  const recent = () => Date.now() - VISIT_DAYS * 86_400_000;
  const visited = () => db.select({ id: memberStoreVisits.memberId }).from(memberStoreVisits).where(and(eq(memberStoreVisits.storeId, storeId), gt(memberStoreVisits.lastVisitAt, recent())));
  return {
    name: 'members',
    page: async (after, limit) =>
      (await db.select().from(members).where(and(gt(members.id, after), or(eq(members.homeStoreId, storeId), inArray(members.id, visited())))).orderBy(asc(members.id)).limit(limit))
        .map((m) => row(m.id, keys.member(m.id), toMember(m))),
    // Every member changed since then, chain-wide, with their visit here: one no longer served here is a del.
    changed: (since, from, limit): Plan => {
      // A subquery, not a join: drizzle's batch drops a joined table's column from the row.
      const visitedAt = sql<number | null>`(SELECT ${memberStoreVisits.lastVisitAt} FROM ${memberStoreVisits} WHERE ${memberStoreVisits.memberId} = ${members.id} AND ${memberStoreVisits.storeId} = ${storeId})`;
      const query = db.select({ m: members, at: visitedAt }).from(members)
        .where(and(gt(members.updatedAt, since), after(members.updatedAt, members.id, from)))
        .orderBy(asc(members.updatedAt), asc(members.id)).limit(limit);
      return {
        queries: [query],
        read: ([res]) => {
          const rows = res as Awaited<typeof query>;
          const recentFrom = recent();
          const changes = rows.map(({ m, at }) => ({ key: keys.member(m.id), value: m.homeStoreId === storeId || (at ?? 0) > recentFrom ? toMember(m) : null }));
          return { changes, next: rows.length === limit ? { at: rows[limit - 1]!.m.updatedAt, id: rows[limit - 1]!.m.id } : null };
        },
      };
    },
  };
}

export function oneMemberSource(db: Db, memberId: string): Source {
  return {
    name: 'member',
    page: async (after) => (after ? [] : (await db.select().from(members).where(eq(members.id, memberId))).map((m) => row(m.id, keys.member(m.id), toMember(m)))),
    changed: (since) => whole(db.select().from(members).where(and(eq(members.id, memberId), gt(members.updatedAt, since))), (m: typeof members.$inferSelect) => ({ key: keys.member(m.id), value: toMember(m) })),
  };
}

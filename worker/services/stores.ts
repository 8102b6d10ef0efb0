import { eq, gte, sql } from 'drizzle-orm';
import { assertStoreAccess, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { Store, StoreSummary } from '../../shared/schemas/store';
import type { Db } from '../db/client';
import { TtlCache } from './ttl-cache';
import { windowStartDay } from '../../shared/domain/business-day';
import { members, staff, storeDailySales, stores } from '../db/schema';

type StoreRow = typeof stores.$inferSelect;

export const toStore = (r: StoreRow): Store => ({
  id: r.id,
  code: r.code,
  name: r.name,
  address: r.address,
  phone: r.phone,
  hours: r.hours,
  status: r.status,
  createdAt: r.createdAt,
});

/** A member sees the chain's open stores (a directory); staff see the stores they may manage. */
export async function listStores(db: Db, actor: Actor): Promise<Store[]> {
  if (actor.kind === 'member') {
    return (await db.select().from(stores).where(eq(stores.status, 'open')).orderBy(stores.code)).map(toStore);
  }
  const rows =
    actor.role === 'hq_admin'
      ? await db.select().from(stores).orderBy(stores.code)
      : await db.select().from(stores).where(eq(stores.id, actor.storeId ?? ''));
  return rows.map(toStore);
}

export async function listStoreSummaries(db: Db, actor: Actor, now: number): Promise<StoreSummary[]> {
  const list = await listStores(db, actor);
  if (actor.kind === 'member' || list.length === 0) return list.map((s) => ({ ...s, memberCount: 0, staffCount: 0, sales30dFen: 0, orders30d: 0 }));
  const since = windowStartDay(now, 30);
  const [memberCounts, staffCounts, sales] = await db.batch([
    db.select({ id: members.homeStoreId, n: sql<number>`count(*)` }).from(members).groupBy(members.homeStoreId),
    db.select({ id: staff.storeId, n: sql<number>`count(*)` }).from(staff).where(eq(staff.status, 'active')).groupBy(staff.storeId),
    db
      .select({ id: storeDailySales.storeId, total: sql<number>`sum(${storeDailySales.salesFen})`, n: sql<number>`sum(${storeDailySales.orders})` })
      .from(storeDailySales)
      .where(gte(storeDailySales.day, since))
      .groupBy(storeDailySales.storeId),
  ]);
  const by = <T extends { id: string | null }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const m = by(memberCounts), st = by(staffCounts), sa = by(sales);
  return list.map((s) => ({
    ...s,
    memberCount: m.get(s.id)?.n ?? 0,
    staffCount: st.get(s.id)?.n ?? 0,
    sales30dFen: sa.get(s.id)?.total ?? 0,
    orders30d: sa.get(s.id)?.n ?? 0,
  }));
}

export async function getStore(db: Db, actor: Actor, id: string): Promise<Store> {
  assertStoreAccess(actor, id);
  const row = await db.select().from(stores).where(eq(stores.id, id)).get();
  if (!row) throw new DomainError('STORE_NOT_FOUND', `No store with id ${id}`);
  return toStore(row);
}

const storeCache = new TtlCache<boolean>(5_000);

/** Whether an open store with this id exists (cached for a few seconds). */
export async function storeExists(db: Db, id: string): Promise<void> {
  const ok = await storeCache.get(id, async () => (await db.select({ s: stores.status }).from(stores).where(eq(stores.id, id)).get())?.s === 'open');
  if (!ok) throw new DomainError('STORE_NOT_FOUND', `No open store with id ${id}`);
}

/** After HQ opened or closed a store: this isolate asks D1 again (others within the cache's seconds). */
export const forgetStore = (id: string) => storeCache.delete(id);

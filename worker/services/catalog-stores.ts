import { and, asc, eq } from 'drizzle-orm';
import { assertStoreAccess, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { ProductStores, StoreProduct, StoreProductInput } from '../../shared/schemas/catalog';
import type { Db } from '../db/client';
import { products, storeAvailability, storePrices, stores } from '../db/schema';
import { auditInsert } from './audit';
import { assertCatalogReader, type Meta } from './catalog-products';

async function productOrThrow(db: Db, id: string) {
  const p = await db.select({ id: products.id, listPriceFen: products.listPriceFen, name: products.name }).from(products).where(eq(products.id, id)).get();
  if (!p) throw new DomainError('NOT_FOUND', `No product ${id}`);
  return p;
}

/** Each store's price and availability of a product: HQ every store, a manager their own. */
export async function getProductStores(db: Db, actor: Actor, productId: string): Promise<ProductStores> {
  assertCatalogReader(actor);
  const p = await productOrThrow(db, productId);
  const mine = actor.role === 'hq_admin' ? undefined : eq(stores.id, actor.storeId ?? '');
  const [list, prices, avail] = await db.batch([
    db.select({ id: stores.id, name: stores.name }).from(stores).where(mine).orderBy(asc(stores.code)),
    db.select().from(storePrices).where(eq(storePrices.productId, productId)),
    db.select().from(storeAvailability).where(eq(storeAvailability.productId, productId)),
  ]);
  const price = new Map(prices.map((r) => [r.storeId, r.priceFen]));
  const off = new Set(avail.filter((r) => !r.available).map((r) => r.storeId));
  return { productId, listPriceFen: p.listPriceFen, stores: list.map((s) => ({ storeId: s.id, storeName: s.name, priceFen: price.get(s.id) ?? null, available: !off.has(s.id) })) };
}

/**
 * A store's own price (null: back to the list price) and whether it sells the product. HQ sets
 * any store's; a store manager their own store's (decision 024); clerks none. Availability rows
 * are kept (available = 1) rather than deleted, so tablets see the change by its updated_at.
 */
export async function setStoreProduct(db: Db, actor: Actor, productId: string, storeId: string, input: StoreProductInput, meta: Meta): Promise<StoreProduct> {
  assertCatalogReader(actor);
  assertStoreAccess(actor, storeId);
  const store = await db.select({ id: stores.id, name: stores.name }).from(stores).where(eq(stores.id, storeId)).get();
  if (!store) throw new DomainError('STORE_NOT_FOUND', `No store ${storeId}`);
  const p = await productOrThrow(db, productId);
  const [priceRow, availRow] = await db.batch([
    db.select().from(storePrices).where(and(eq(storePrices.storeId, storeId), eq(storePrices.productId, productId))),
    db.select().from(storeAvailability).where(and(eq(storeAvailability.storeId, storeId), eq(storeAvailability.productId, productId))),
  ]);
  const before: StoreProduct = { storeId, storeName: store.name, priceFen: priceRow[0]?.priceFen ?? null, available: availRow[0]?.available ?? true };
  const after: StoreProduct = { ...before, priceFen: input.priceFen === undefined ? before.priceFen : input.priceFen, available: input.available ?? before.available };
  const key = { storeId, productId };
  const writes = [];
  if (after.priceFen !== before.priceFen) {
    writes.push(after.priceFen === null
      // A deleted price leaves nothing for the tablets' change scan: touching the product does (every store re-reads one row).
      ? db.delete(storePrices).where(and(eq(storePrices.storeId, storeId), eq(storePrices.productId, productId)))
      : db.insert(storePrices).values({ ...key, priceFen: after.priceFen, updatedAt: meta.now }).onConflictDoUpdate({ target: [storePrices.storeId, storePrices.productId], set: { priceFen: after.priceFen, updatedAt: meta.now } }));
    if (after.priceFen === null) writes.push(db.update(products).set({ updatedAt: meta.now }).where(eq(products.id, productId)));
  }
  if (after.available !== before.available) {
    writes.push(db.insert(storeAvailability).values({ ...key, available: after.available, updatedAt: meta.now }).onConflictDoUpdate({ target: [storeAvailability.storeId, storeAvailability.productId], set: { available: after.available, updatedAt: meta.now } }));
  }
  if (!writes.length) return after;
  await db.batch([
    writes[0]!, ...writes.slice(1),
    auditInsert(db, { actor, action: 'store_product.update', entity: 'product', entityId: productId, storeId, ip: meta.ip, at: meta.now, detail: { product: p.name, before, after } }),
  ]);
  return after;
}

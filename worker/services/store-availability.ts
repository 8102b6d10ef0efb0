import { and, eq, inArray } from 'drizzle-orm';
import { DomainError } from '../../shared/errors';
import type { OrderInput } from '../../shared/schemas/order';
import type { Db } from '../db/client';
import { products, storeAvailability } from '../db/schema';
import { priorOrder } from './order-replay';

/**
 * A sale sent straight to the API (not pushed by a store's tablet) of a product its store no
 * longer sells is refused, naming it; a repeat of a sale settled before still answers as the first
 * time. A tablet's sale is not refused for it: the tablet sold from the catalog it held, and the
 * goods have left (decision 024). Its next sync drops the product from that tablet.
 */
export async function assertSoldHere(db: Db, order: OrderInput, fingerprint: string): Promise<void> {
  const ids = [...new Set(order.lines.map((l) => l.productId))];
  const off = await db.select({ name: products.name, id: products.id }).from(storeAvailability)
    .innerJoin(products, eq(products.id, storeAvailability.productId))
    .where(and(eq(storeAvailability.storeId, order.storeId), eq(storeAvailability.available, false), inArray(storeAvailability.productId, ids)));
  if (off.length === 0) return;
  if (await priorOrder(db, order.id, order.storeId, fingerprint)) return;
  const names = off.map((p) => `${p.name} (${p.id})`).join(', ');
  throw new DomainError('VALIDATION_FAILED', `lines: ${names} ${off.length > 1 ? 'are' : 'is'} not sold at store ${order.storeId}`, { details: { productIds: off.map((p) => p.id) } });
}

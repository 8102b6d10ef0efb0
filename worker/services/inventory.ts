import { and, eq, sql } from 'drizzle-orm';
import { assertStaff, assertStoreAccess, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { AdjustInventory, InventoryLevel } from '../../shared/schemas/inventory';
import type { Db } from '../db/client';
import { auditLog, inventory, inventoryAdjustments, products } from '../db/schema';
import { auditRow } from './audit';
import { brokenConstraint } from '../db/constraint';
import { storeExists } from './stores';
import { loadRules } from './rules';

type Adjustment = typeof inventoryAdjustments.$inferSelect;
type Level = InventoryLevel & { replayed: boolean };

const levelQuery = (db: Db, storeId: string, productId: string) =>
  db.select({ quantity: inventory.quantity, lowStockThreshold: inventory.lowStockThreshold }).from(inventory)
    .where(and(eq(inventory.storeId, storeId), eq(inventory.productId, productId)));

/** No row yet means nothing in stock. */
const toLevel = (storeId: string, productId: string, row: { quantity: number; lowStockThreshold: number } | undefined): InventoryLevel =>
  ({ storeId, productId, quantity: row?.quantity ?? 0, lowStockThreshold: row?.lowStockThreshold ?? 0 });

const readLevel = async (db: Db, storeId: string, productId: string) => toLevel(storeId, productId, await levelQuery(db, storeId, productId).get());

const adjustmentById = (db: Db, id: string) => db.select().from(inventoryAdjustments).where(eq(inventoryAdjustments.id, id));

/** An id seen before: the same adjustment answers with today's level and changes nothing; another one is refused. */
async function replay(db: Db, prior: Adjustment, input: AdjustInventory): Promise<Level> {
  if (prior.storeId !== input.storeId || prior.productId !== input.productId || prior.delta !== input.delta || prior.reason !== input.reason) {
    throw new DomainError('IDEMPOTENCY_MISMATCH', `Adjustment id ${input.id} was already used for a different adjustment`);
  }
  return { ...(await readLevel(db, input.storeId, input.productId)), replayed: true };
}

/**
 * Records a stock movement for a store (its own staff, or HQ) and moves the stock, once per id.
 *
 * D1 has no interactive transaction, so nothing is read first and written after: the whole
 * decision runs inside one batch (one SQLite transaction; D1 runs batches one at a time):
 *   1. INSERT the adjustment. Its `delta` is `CASE WHEN <stock now> + delta >= 0 THEN delta END`,
 *      so a movement that would take the stock below zero inserts NULL, the NOT NULL constraint
 *      fails, and the batch rolls back whole. A repeated id fails it too (UNIQUE on the id).
 *   2. Upsert the stock: a new row holds `delta`, an existing one adds it.
 *   3. The audit row (its id is the adjustment id).
 *   4. Read the level back, as this transaction left it.
 * The check in 1 and the write in 2 see the same stock, so two concurrent withdrawals can never
 * both pass it. After a failed batch the id is looked up first: if it exists, this was a repeat
 * (SQLite checks NOT NULL before UNIQUE, so a repeat can also surface as the NOT NULL failure).
 */
export async function adjustInventory(db: Db, actor: Actor, input: AdjustInventory, opts: { ip?: string } = {}): Promise<Level> {
  assertStaff(actor);
  assertStoreAccess(actor, input.storeId);
  const { id, storeId, productId, delta } = input;
  const [[[product], [prior]], rules] = await Promise.all([db.batch([db.select({ id: products.id }).from(products).where(eq(products.id, productId)), adjustmentById(db, id)]), loadRules(db)]);
  if (prior) return replay(db, prior, input);
  await storeExists(db, storeId);
  if (!product) throw new DomainError('VALIDATION_FAILED', `productId: no product ${productId}`);

  const now = Date.now();
  const stockNow = sql`coalesce((SELECT ${inventory.quantity} FROM ${inventory} WHERE ${inventory.storeId} = ${storeId} AND ${inventory.productId} = ${productId}), 0)`;
  try {
    const [, , , level] = await db.batch([
      db.insert(inventoryAdjustments).values({
        id, storeId, productId, // The chain may allow negative stock (rules.inventory.allowNegativeStock).
        delta: rules.inventory.allowNegativeStock ? delta : sql`CASE WHEN ${stockNow} + ${delta} >= 0 THEN ${delta} END`,
        reason: input.reason, note: input.note, staffId: actor.id, createdAt: input.createdAt, receivedAt: now,
      }),
      db.insert(inventory).values({ storeId, productId, quantity: delta, updatedAt: now })
        .onConflictDoUpdate({ target: [inventory.storeId, inventory.productId], set: { quantity: sql`${inventory.quantity} + ${delta}`, updatedAt: now } }),
      db.insert(auditLog).values(auditRow({
        id, actor, action: 'inventory.adjust', entity: 'inventory', entityId: `${storeId}/${productId}`, storeId, ip: opts.ip, at: now,
        detail: { adjustmentId: id, productId, delta, reason: input.reason, note: input.note },
      })),
      levelQuery(db, storeId, productId),
    ]);
    return { ...toLevel(storeId, productId, level[0]), replayed: false };
  } catch (e) {
    const broken = brokenConstraint(e);
    if (!broken) throw e;
    const [again] = await adjustmentById(db, id);
    if (again) return replay(db, again, input);
    if (broken !== 'inventory_adjustments.delta') throw e;
    const { quantity } = await readLevel(db, storeId, productId);
    throw new DomainError('VALIDATION_FAILED', `delta: ${delta} would take the stock of ${productId} at ${storeId} below zero (current quantity ${quantity})`, { details: { quantity } });
  }
}

/** One product's stock at a store (staff of that store, or HQ); zero if never stocked there. */
export async function getInventory(db: Db, actor: Actor, storeId: string, productId: string): Promise<InventoryLevel> {
  assertStaff(actor);
  assertStoreAccess(actor, storeId);
  const [[row], [product]] = await db.batch([levelQuery(db, storeId, productId), db.select({ id: products.id }).from(products).where(eq(products.id, productId))]);
  if (!product) throw new DomainError('NOT_FOUND', `No product with id ${productId}`);
  return toLevel(storeId, productId, row);
}

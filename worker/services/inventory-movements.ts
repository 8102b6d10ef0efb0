import { and, eq } from 'drizzle-orm';
import { assertStaff, assertStoreAccess, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { MovementResult, StockMovement } from '../../shared/schemas/inventory';
import type { Db } from '../db/client';
import { brokenConstraint } from '../db/constraint';
import { inventory, inventoryAdjustments, products, stores } from '../db/schema';
import { auditStatement } from './audit';
import { countStatements, moveStatements } from './inventory-stock';
import { loadRules } from './rules';

/** What a store and product are called in a message (the 409 names both). */
export async function namesOf(db: Db, storeId: string, productId: string) {
  const [[store], [product], [level]] = await db.batch([
    db.select({ name: stores.name, status: stores.status }).from(stores).where(eq(stores.id, storeId)),
    db.select({ name: products.name, sku: products.sku, kind: products.kind }).from(products).where(eq(products.id, productId)),
    db.select({ quantity: inventory.quantity, lowStockThreshold: inventory.lowStockThreshold }).from(inventory).where(and(eq(inventory.storeId, storeId), eq(inventory.productId, productId))),
  ]);
  return { store, product, quantity: level?.quantity ?? 0, lowStockThreshold: level?.lowStockThreshold ?? 0 };
}

export const insufficientStock = (productName: string, storeName: string, quantity: number, wanted: number) =>
  new DomainError('INSUFFICIENT_STOCK', `Not enough stock of ${productName} at ${storeName}: ${quantity} in stock, ${wanted} wanted (the chain does not allow negative stock)`, { details: { quantity, wanted } });

const deltaOf = (m: StockMovement): number | null => (m.kind === 'receive' ? m.quantity : m.kind === 'damage' ? -m.quantity : m.kind === 'other' ? m.delta : null);
const noteOf = (m: StockMovement) => (m.kind === 'receive' ? [m.supplier && `供应商 ${m.supplier}`, m.note].filter(Boolean).join(' · ') : m.note);

/**
 * A back-office movement at a store (its staff, or HQ): 进货 with its unit cost, 盘点, 报损, other.
 * One D1 batch: ledger row, stock, audit (same id). A repeated id changes nothing and answers
 * `replayed`; the same id for another movement is refused.
 */
export async function recordMovement(db: Db, actor: Actor, m: StockMovement, opts: { ip?: string } = {}): Promise<MovementResult> {
  assertStaff(actor);
  assertStoreAccess(actor, m.storeId);
  const [names, rules, prior] = await Promise.all([namesOf(db, m.storeId, m.productId), loadRules(db), priorOf(db, m.id)]);
  if (prior) return replay(db, prior, m);
  if (!names.store || names.store.status !== 'open') throw new DomainError('STORE_NOT_FOUND', `storeId: no open store ${m.storeId}`);
  if (!names.product) throw new DomainError('VALIDATION_FAILED', `productId: no product ${m.productId}`);
  if (names.product.kind !== 'goods') throw new DomainError('VALIDATION_FAILED', `productId: ${names.product.name} is a service and has no stock`);
  const now = Date.now();
  const d1 = db.$client;
  const base = { id: m.id, storeId: m.storeId, productId: m.productId, note: noteOf(m), staffId: actor.id, createdAt: now, now };
  const delta = deltaOf(m);
  const moves = m.kind === 'count'
    ? countStatements(d1, { ...base, counted: m.countedQuantity })
    : moveStatements(d1, { ...base, delta: delta!, reason: m.kind, unitCostFen: m.kind === 'receive' ? m.unitCostFen : null }, rules.inventory.allowNegativeStock);
  const detail = { movement: m, before: { quantity: names.quantity }, after: { quantity: m.kind === 'count' ? m.countedQuantity : names.quantity + delta! } };
  try {
    await d1.batch([...moves, auditStatement(d1, { id: m.id, actor, action: `inventory.${m.kind}`, entity: 'inventory', entityId: `${m.storeId}/${m.productId}`, storeId: m.storeId, ip: opts.ip, at: now, detail })]);
  } catch (e) {
    const broken = brokenConstraint(e);
    if (!broken) throw e;
    const again = await priorOf(db, m.id);
    if (again) return replay(db, again, m);
    if (broken !== 'inventory_adjustments.delta') throw e;
    const fresh = await namesOf(db, m.storeId, m.productId);
    throw insufficientStock(names.product.name, names.store.name, fresh.quantity, -delta!);
  }
  const [after, row] = await Promise.all([namesOf(db, m.storeId, m.productId), priorOf(db, m.id)]);
  return { storeId: m.storeId, productId: m.productId, quantity: after.quantity, lowStockThreshold: after.lowStockThreshold, delta: row?.delta ?? delta ?? 0, replayed: false };
}

const priorOf = (db: Db, id: string) => db.select().from(inventoryAdjustments).where(eq(inventoryAdjustments.id, id)).get();

async function replay(db: Db, prior: typeof inventoryAdjustments.$inferSelect, m: StockMovement): Promise<MovementResult> {
  const d = deltaOf(m);
  if (prior.storeId !== m.storeId || prior.productId !== m.productId || prior.reason !== m.kind || (d !== null && prior.delta !== d)) {
    throw new DomainError('IDEMPOTENCY_MISMATCH', `id: movement ${m.id} was already recorded as another movement; make a new id`);
  }
  const now = await namesOf(db, m.storeId, m.productId);
  return { storeId: m.storeId, productId: m.productId, quantity: now.quantity, lowStockThreshold: now.lowStockThreshold, delta: prior.delta, replayed: true };
}

import { assertStaff, assertStoreAccess, isHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { InventoryLevel, InventoryListQuery, StockLevel, StockLevelList, ThresholdBody } from '../../shared/schemas/inventory';
import type { Db } from '../db/client';
import { auditStatement } from './audit';
import { namesOf } from './inventory-movements';

type Staff = Extract<Actor, { kind: 'staff' }>;

/** The store a read is about: HQ any or all (null); a store's staff only their own. */
export function scopeStore(actor: Actor, storeId: string | undefined): string | null {
  assertStaff(actor);
  if (storeId) {
    assertStoreAccess(actor, storeId);
    return storeId;
  }
  if (isHq(actor)) return null;
  if (!actor.storeId) throw new DomainError('FORBIDDEN', 'You can only access your own store’s data');
  return actor.storeId;
}

/** Store managers (their own store) and HQ. */
export function assertManagerAt(actor: Actor, storeId: string, what: string): asserts actor is Staff {
  assertStaff(actor);
  if (isHq(actor) || (actor.role === 'store_manager' && actor.storeId === storeId)) return;
  throw new DomainError('FORBIDDEN', `${what} is for the store’s manager or HQ`);
}

/**
 * Every open store × goods product (archived ones only while some stock is left), with its stock,
 * threshold and last movement. Rows with no `inventory` row yet read as zero.
 */
export const LEVELS_SQL = `SELECT s.id AS storeId, s.name AS storeName, p.id AS productId, p.sku AS sku, p.name AS name, p.unit AS unit, p.cost_price_fen AS costPriceFen,
    coalesce(i.quantity, 0) AS quantity, coalesce(i.low_stock_threshold, 0) AS lowStockThreshold,
    (SELECT max(a.created_at) FROM inventory_adjustments a WHERE a.store_id = s.id AND a.product_id = p.id) AS lastMovementAt
  FROM stores s CROSS JOIN products p LEFT JOIN inventory i ON i.store_id = s.id AND i.product_id = p.id
  WHERE p.kind = 'goods' AND (p.status = 'active' OR coalesce(i.quantity, 0) != 0)
    AND (?1 IS NULL OR s.id = ?1) AND (?1 IS NOT NULL OR s.status = 'open')
    AND (?2 IS NULL OR p.name LIKE ?2 OR p.sku LIKE ?2 OR coalesce(p.barcode, '') LIKE ?2)
    AND (?3 = 0 OR (coalesce(i.low_stock_threshold, 0) > 0 AND coalesce(i.quantity, 0) <= i.low_stock_threshold))
  ORDER BY s.id, p.sku LIMIT ?4`;

type LevelRow = Omit<StockLevel, 'low'>;
const toLevel = (r: LevelRow): StockLevel => ({ ...r, low: r.lowStockThreshold > 0 && r.quantity <= r.lowStockThreshold });

export async function readLevels(db: Db, storeId: string | null, q: { q?: string; lowOnly: boolean; limit: number }): Promise<{ levels: StockLevel[]; truncated: boolean }> {
  const like = q.q ? `%${q.q.replace(/[%_]/g, '')}%` : null;
  const rows = (await db.$client.prepare(LEVELS_SQL).bind(storeId, like, q.lowOnly ? 1 : 0, q.limit + 1).all<LevelRow>()).results;
  return { levels: rows.slice(0, q.limit).map(toLevel), truncated: rows.length > q.limit };
}

/** Stock levels: HQ any store or all; a store's staff their own store. */
export async function listLevels(db: Db, actor: Actor, q: InventoryListQuery): Promise<StockLevelList> {
  return readLevels(db, scopeStore(actor, q.storeId), q);
}

/** The low-stock threshold of a product at a store (its manager, or HQ); 0 means none. Audited with before and after. */
export async function setThreshold(db: Db, actor: Actor, storeId: string, productId: string, body: ThresholdBody, opts: { ip?: string } = {}): Promise<InventoryLevel> {
  assertManagerAt(actor, storeId, 'Setting a low-stock threshold');
  const names = await namesOf(db, storeId, productId);
  if (!names.store) throw new DomainError('STORE_NOT_FOUND', `storeId: no store ${storeId}`);
  if (!names.product) throw new DomainError('NOT_FOUND', `productId: no product ${productId}`);
  if (names.product.kind !== 'goods') throw new DomainError('VALIDATION_FAILED', `productId: ${names.product.name} is a service and has no stock`);
  const now = Date.now();
  const d1 = db.$client;
  await d1.batch([
    d1.prepare(`INSERT INTO inventory (store_id, product_id, quantity, low_stock_threshold, updated_at) VALUES (?1, ?2, 0, ?3, ?4)
      ON CONFLICT (store_id, product_id) DO UPDATE SET low_stock_threshold = excluded.low_stock_threshold, updated_at = excluded.updated_at`).bind(storeId, productId, body.lowStockThreshold, now),
    auditStatement(d1, { actor, action: 'inventory.threshold', entity: 'inventory', entityId: `${storeId}/${productId}`, storeId, ip: opts.ip, at: now, detail: { productId, before: { lowStockThreshold: names.lowStockThreshold }, after: { lowStockThreshold: body.lowStockThreshold } } }),
  ]);
  return { storeId, productId, quantity: names.quantity, lowStockThreshold: body.lowStockThreshold };
}

import type { Db } from '../db/client';
import type { LedgerReason } from '../../shared/schemas/inventory';

/**
 * The statements that move stock: a ledger row (inventory_adjustments) and the change to
 * `inventory`, always together in one D1 batch (docs/decisions/025). Raw SQL so the checks run
 * inside the batch's transaction: nothing is read first and written after.
 */

const STOCK_NOW = `coalesce((SELECT quantity FROM inventory WHERE store_id = ?2 AND product_id = ?3), 0)`;

export type Move = { id: string; storeId: string; productId: string; delta: number; reason: LedgerReason; note: string; staffId: string; createdAt: number; now: number; unitCostFen?: number | null; transferId?: string | null };

/**
 * The ledger row of a movement by `delta`. Unless `allowNegative`, its delta is NULL when the
 * stock would fall below zero: the NOT NULL constraint then fails and the whole batch rolls back
 * (`inventory_adjustments.delta`). A repeated id fails it too (UNIQUE on the id).
 */
export function ledgerInsert(d1: D1Database, m: Move, allowNegative: boolean): D1PreparedStatement {
  const delta = allowNegative || m.delta >= 0 ? '?4' : `CASE WHEN ${STOCK_NOW} + ?4 >= 0 THEN ?4 END`;
  return d1.prepare(`INSERT INTO inventory_adjustments (id, store_id, product_id, delta, reason, note, unit_cost_fen, transfer_id, staff_id, created_at, received_at)
    VALUES (?1, ?2, ?3, ${delta}, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`)
    .bind(m.id, m.storeId, m.productId, m.delta, m.reason, m.note, m.unitCostFen ?? null, m.transferId ?? null, m.staffId, m.createdAt, m.now);
}

/** The stock moves by `delta` (a new row starts from zero). */
export function stockAdd(d1: D1Database, storeId: string, productId: string, delta: number, now: number): D1PreparedStatement {
  return d1.prepare(`INSERT INTO inventory (store_id, product_id, quantity, low_stock_threshold, updated_at) VALUES (?1, ?2, ?3, 0, ?4)
    ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = quantity + excluded.quantity, updated_at = excluded.updated_at`).bind(storeId, productId, delta, now);
}

/** A movement's two statements: the ledger row, then the stock. */
export const moveStatements = (d1: D1Database, m: Move, allowNegative: boolean) => [ledgerInsert(d1, m, allowNegative), stockAdd(d1, m.storeId, m.productId, m.delta, m.now)];

/**
 * A count (盘点) sets the stock to what was counted; its ledger row holds the difference from what
 * the stock said, both computed in the same transaction.
 */
export function countStatements(d1: D1Database, m: Omit<Move, 'delta' | 'reason'> & { counted: number }): D1PreparedStatement[] {
  return [
    d1.prepare(`INSERT INTO inventory_adjustments (id, store_id, product_id, delta, reason, note, staff_id, created_at, received_at)
      VALUES (?1, ?2, ?3, ?4 - ${STOCK_NOW}, 'count', ?5, ?6, ?7, ?8)`).bind(m.id, m.storeId, m.productId, m.counted, m.note, m.staffId, m.createdAt, m.now),
    d1.prepare(`INSERT INTO inventory (store_id, product_id, quantity, low_stock_threshold, updated_at) VALUES (?1, ?2, ?3, 0, ?4)
      ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = excluded.quantity, updated_at = excluded.updated_at`).bind(m.storeId, m.productId, m.counted, m.now),
  ];
}

/**
 * The goods lines of the named orders, with the ledger id each movement gets from its order and
 * line (`sale:<order>:<line>`, `refund:<order>:<line>`). Services have no stock.
 */
const orderGoods = (statuses: string) => `FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
  WHERE o.id IN (SELECT value FROM json_each(?1)) AND o.status IN (${statuses}) AND p.kind = 'goods'`;
const ledgerId = (prefix: string) => `'${prefix}:' || o.id || ':' || l.line_no`;

/**
 * Exactly-once stock moves for orders, set-based (two statements, whatever the number of orders or
 * lines): first the stock moves for the lines that have no ledger row yet, then those rows are
 * inserted OR IGNORE. Both run in the batch that writes the orders (or their refunds), after it,
 * so a replayed or re-projected order finds its rows and changes nothing.
 */
function orderStockStatements(d1: D1Database, prefix: 'sale' | 'refund', orderIds: readonly string[], now: number, staffId: string | null): D1PreparedStatement[] {
  if (orderIds.length === 0) return [];
  const ids = JSON.stringify(orderIds);
  const statuses = prefix === 'sale' ? `'completed', 'partially_refunded', 'refunded'` : `'refunded'`;
  const sign = prefix === 'sale' ? '-' : '';
  const from = orderGoods(statuses);
  return [
    d1.prepare(`INSERT INTO inventory (store_id, product_id, quantity, low_stock_threshold, updated_at) SELECT o.store_id, l.product_id, ${sign}l.quantity, 0, ?2 ${from}
      AND NOT EXISTS (SELECT 1 FROM inventory_adjustments a WHERE a.id = ${ledgerId(prefix)})
      ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = quantity + excluded.quantity, updated_at = excluded.updated_at`).bind(ids, now),
    d1.prepare(`INSERT OR IGNORE INTO inventory_adjustments (id, store_id, product_id, delta, reason, note, staff_id, created_at, received_at)
      SELECT ${ledgerId(prefix)}, o.store_id, l.product_id, ${sign}l.quantity, '${prefix}', 'order ' || o.id, coalesce(?3, o.staff_id), ${prefix === 'sale' ? 'o.created_at' : '?2'}, ?2 ${from}`).bind(ids, now, staffId),
  ];
}

/** A completed sale takes its goods out of the store's stock; it always stands, so stock may go below zero. */
export const saleStockStatements = (db: Db, orderIds: readonly string[], now: number) => orderStockStatements(db.$client, 'sale', orderIds, now, null);

/**
 * A sale refunded in full puts its goods back, once the order's status says `refunded` (checked
 * inside the batch, after the statement that moved its refunded total). A partial refund is money
 * only (docs/decisions/025).
 */
export const refundStockStatements = (db: Db, orderIds: readonly string[], now: number, staffId: string | null) => orderStockStatements(db.$client, 'refund', orderIds, now, staffId);

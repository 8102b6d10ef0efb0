import type { Actor } from '../../shared/domain/authz';
import type { StockLedgerPage, StockLedgerQuery, StockLedgerRow } from '../../shared/schemas/inventory';
import type { Db } from '../db/client';
import { scopeStore } from './inventory-levels';

const LEDGER_SQL = `SELECT a.id AS id, a.store_id AS storeId, a.product_id AS productId, coalesce(p.name, a.product_id) AS productName, a.delta AS delta, a.reason AS reason,
    a.note AS note, a.unit_cost_fen AS unitCostFen, a.transfer_id AS transferId, a.staff_id AS staffId, a.created_at AS createdAt
  FROM inventory_adjustments a LEFT JOIN products p ON p.id = a.product_id
  WHERE (?1 IS NULL OR a.store_id = ?1) AND (?2 IS NULL OR a.product_id = ?2) AND (?3 IS NULL OR a.created_at >= ?3) AND (?4 IS NULL OR a.created_at < ?4)
    AND (?5 IS NULL OR a.created_at < ?5 OR (a.created_at = ?5 AND a.id < ?6))
  ORDER BY a.created_at DESC, a.id DESC LIMIT ?7`;

/**
 * The stock ledger: every movement (staff's, transfers', the counter's sales and refunds), newest
 * first, paged by (created_at, id). HQ any store or all; a store's staff their own.
 */
export async function listLedger(db: Db, actor: Actor, q: StockLedgerQuery): Promise<StockLedgerPage> {
  const storeId = scopeStore(actor, q.storeId);
  const [at, id] = q.cursor ? [Number(q.cursor.slice(0, q.cursor.indexOf('_'))), q.cursor.slice(q.cursor.indexOf('_') + 1)] : [null, null];
  const rows = (await db.$client.prepare(LEDGER_SQL).bind(storeId, q.productId ?? null, q.from ?? null, q.to ?? null, at, id, q.limit + 1).all<StockLedgerRow>()).results;
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > q.limit && last ? `${last.createdAt}_${last.id}` : null };
}

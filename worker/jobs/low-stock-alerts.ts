import type { LowStockItem } from '../../shared/schemas/alerts';
import { alertStatement } from '../services/alerts';
import type { JobContext, JobDef } from './types';

const STORES_SQL = `SELECT id FROM stores WHERE id > ?1 AND status = 'open' ORDER BY id LIMIT ?2`;
// What is at or below its threshold (0: the store set none), of products still sold.
const LOW_SQL = `SELECT i.store_id AS storeId, i.product_id AS productId, p.name AS name, i.quantity AS quantity, i.low_stock_threshold AS threshold
  FROM inventory i JOIN products p ON p.id = i.product_id
  WHERE i.store_id IN (SELECT value FROM json_each(?1)) AND i.low_stock_threshold > 0 AND i.quantity <= i.low_stock_threshold AND p.status = 'active'
  ORDER BY i.store_id, i.product_id`;

/**
 * Daily low-stock alerts to each open store's manager (and HQ): one `staff_alerts` row per store
 * and day, `low-stock:<day>:<storeId>`, listing what is at or below its threshold as the job found
 * it; a store with nothing low gets none. Paged by store id; the insert does nothing when the row
 * is there, so a run twice (or a rerun) writes once. Counts: processed = stores, changed = alerts.
 */
export const lowStockAlerts: JobDef = {
  name: 'low-stock-alerts',
  applies: () => true,
  async page(ctx: JobContext, after: string | null, limit: number) {
    const d1 = ctx.env.DB;
    const stores = (await d1.prepare(STORES_SQL).bind(after ?? '', limit).all<{ id: string }>()).results;
    const low = stores.length ? (await d1.prepare(LOW_SQL).bind(JSON.stringify(stores.map((s) => s.id))).all<LowStockItem & { storeId: string }>()).results : [];
    const byStore = new Map<string, LowStockItem[]>();
    for (const { storeId, ...item } of low) byStore.set(storeId, [...(byStore.get(storeId) ?? []), item]);
    const stmts = [...byStore].map(([storeId, detail]) => alertStatement(d1, { kind: 'low-stock', day: ctx.period, storeId, detail, now: ctx.now }));
    const written = stmts.length ? await d1.batch(stmts) : [];
    const changed = written.reduce((n, r) => n + (r.meta.changes ?? 0), 0);
    return { processed: stores.length, changed, failed: 0, error: null, next: stores.length < limit ? null : stores.at(-1)!.id };
  },
};

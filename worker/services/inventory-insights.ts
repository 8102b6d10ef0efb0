import { assertStaff, isHq, type Actor } from '../../shared/domain/authz';
import { daysOfCover, dailyRate, suggestTransfers } from '../../shared/domain/transfer-suggestions';
import { DomainError } from '../../shared/errors';
import type { StockWarning } from '../../shared/schemas/inventory';
import type { SuggestionQuery, TransferSuggestionView } from '../../shared/schemas/stock-transfer';
import type { Db } from '../db/client';
import { readLevels, scopeStore } from './inventory-levels';

const DAY = 86_400_000;
/** How far back the warnings' rate of sale looks. */
export const VELOCITY_DAYS = 14;

// Units of each product sold per store since `since`: completed sales (a partly refunded one too).
const SOLD_SQL = `SELECT o.store_id AS storeId, l.product_id AS productId, sum(l.quantity) AS sold
  FROM orders o JOIN order_lines l ON l.order_id = o.id
  WHERE o.kind = 'sale' AND o.status IN ('completed', 'partially_refunded') AND o.created_at >= ?1 AND (?2 IS NULL OR o.store_id = ?2) AND (?3 IS NULL OR l.product_id = ?3)
  GROUP BY o.store_id, l.product_id`;

async function soldSince(db: Db, since: number, storeId: string | null, productId: string | null = null): Promise<Map<string, number>> {
  const rows = (await db.$client.prepare(SOLD_SQL).bind(since, storeId, productId).all<{ storeId: string; productId: string; sold: number }>()).results;
  return new Map(rows.map((r) => [`${r.storeId}|${r.productId}`, r.sold]));
}

/** Warnings and suggestions are the managers' and HQ's work. */
function assertManagerOrHq(actor: Actor): void {
  assertStaff(actor);
  if (!isHq(actor) && actor.role !== 'store_manager') throw new DomainError('FORBIDDEN', 'Stock warnings are read by store managers and HQ');
}

/** 预警中心: products at or below their threshold (HQ all stores or one; a manager their own), with days of cover. */
export async function listWarnings(db: Db, actor: Actor, q: { storeId?: string }, now = Date.now()): Promise<{ warnings: StockWarning[]; velocityDays: number }> {
  assertManagerOrHq(actor);
  const storeId = scopeStore(actor, q.storeId);
  const [{ levels }, sold] = await Promise.all([readLevels(db, storeId, { lowOnly: true, limit: 2000 }), soldSince(db, now - VELOCITY_DAYS * DAY, storeId)]);
  const warnings = levels.map((l) => {
    const units = sold.get(`${l.storeId}|${l.productId}`) ?? 0;
    return {
      storeId: l.storeId, storeName: l.storeName, productId: l.productId, sku: l.sku, name: l.name, unit: l.unit, quantity: l.quantity, lowStockThreshold: l.lowStockThreshold,
      dailySales: Math.round(dailyRate(units, VELOCITY_DAYS) * 100) / 100, daysOfCover: daysOfCover(l.quantity, units, VELOCITY_DAYS),
    };
  });
  // The store that runs out first at the top; those with no recent sales after.
  warnings.sort((a, b) => (a.daysOfCover ?? Infinity) - (b.daysOfCover ?? Infinity) || a.quantity - b.quantity);
  return { warnings, velocityDays: VELOCITY_DAYS };
}

/** 调拨建议 across the chain's open stores; a manager sees those to or from their store. */
export async function listSuggestions(db: Db, actor: Actor, q: SuggestionQuery, now = Date.now()) {
  assertManagerOrHq(actor);
  const [{ levels }, sold] = await Promise.all([readLevels(db, null, { lowOnly: false, limit: 20_000 }), soldSince(db, now - q.days * DAY, null, q.productId ?? null)]);
  const rows = levels.filter((l) => !q.productId || l.productId === q.productId);
  const byKey = new Map(rows.map((l) => [`${l.storeId}|${l.productId}`, l]));
  const out = suggestTransfers(
    rows.map((l) => ({ storeId: l.storeId, productId: l.productId, quantity: l.quantity, soldUnits: sold.get(`${l.storeId}|${l.productId}`) ?? 0, threshold: l.lowStockThreshold })),
    { days: q.days, targetCoverDays: q.targetCoverDays },
  );
  const mine = isHq(actor) ? out : out.filter((s) => s.fromStoreId === (actor as { storeId: string }).storeId || s.toStoreId === (actor as { storeId: string }).storeId);
  const suggestions: TransferSuggestionView[] = mine.map((s) => {
    const from = byKey.get(`${s.fromStoreId}|${s.productId}`)!;
    const to = byKey.get(`${s.toStoreId}|${s.productId}`)!;
    return { ...s, name: from.name, unit: from.unit, fromStoreName: from.storeName, toStoreName: to.storeName };
  });
  return { suggestions, velocityDays: q.days, targetCoverDays: q.targetCoverDays };
}

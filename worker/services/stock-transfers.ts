import { assertStaff, isHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { CreateTransfer, StockTransfer, TransferListQuery, TransferResult, TransferStatus } from '../../shared/schemas/stock-transfer';
import type { Db } from '../db/client';
import { brokenConstraint } from '../db/constraint';
import { auditStatement } from './audit';
import { scopeStore } from './inventory-levels';

type Staff = Extract<Actor, { kind: 'staff' }>;
export type TransferRow = { id: string; fromStoreId: string; toStoreId: string; status: TransferStatus; note: string; requestedBy: string; shippedBy: string | null; receivedBy: string | null; createdAt: number; shippedAt: number | null; receivedAt: number | null; cancelledAt: number | null; fromStoreName: string; toStoreName: string };

const HEAD_SQL = `SELECT t.id, t.from_store_id AS fromStoreId, t.to_store_id AS toStoreId, t.status, t.note, t.requested_by AS requestedBy, t.shipped_by AS shippedBy, t.received_by AS receivedBy,
    t.created_at AS createdAt, t.shipped_at AS shippedAt, t.received_at AS receivedAt, t.cancelled_at AS cancelledAt, f.name AS fromStoreName, s.name AS toStoreName
  FROM stock_transfers t JOIN stores f ON f.id = t.from_store_id JOIN stores s ON s.id = t.to_store_id`;
const LINES_SQL = `SELECT l.transfer_id AS transferId, l.product_id AS productId, p.name, p.sku, p.unit, l.requested_qty AS requestedQty, l.shipped_qty AS shippedQty, l.received_qty AS receivedQty
  FROM stock_transfer_lines l JOIN products p ON p.id = l.product_id WHERE l.transfer_id IN (SELECT value FROM json_each(?1)) ORDER BY p.sku`;

type LineRow = { transferId: string; productId: string; name: string; sku: string; unit: string; requestedQty: number; shippedQty: number; receivedQty: number };

async function withLines(db: Db, heads: TransferRow[]): Promise<StockTransfer[]> {
  if (!heads.length) return [];
  const lines = (await db.$client.prepare(LINES_SQL).bind(JSON.stringify(heads.map((h) => h.id))).all<LineRow>()).results;
  return heads.map((h) => ({
    ...h,
    lines: lines.filter((l) => l.transferId === h.id).map(({ transferId: _, ...l }) => {
      const open = Math.max(0, l.shippedQty - l.receivedQty);
      return { ...l, inTransitQty: h.status === 'shipped' ? open : 0, writtenOffQty: h.status === 'received' ? open : 0 };
    }),
  }));
}

export const canSeeTransfer = (actor: Staff, t: { fromStoreId: string; toStoreId: string }) => isHq(actor) || actor.storeId === t.fromStoreId || actor.storeId === t.toStoreId;

/** One transfer as its stores' staff and HQ see it; anyone else: not found (it reveals nothing). */
export async function loadTransfer(db: Db, actor: Actor, id: string): Promise<StockTransfer> {
  assertStaff(actor);
  const head = await db.$client.prepare(`${HEAD_SQL} WHERE t.id = ?1`).bind(id).first<TransferRow>();
  if (!head || !canSeeTransfer(actor, head)) throw new DomainError('NOT_FOUND', `No stock transfer ${id}`);
  return (await withLines(db, [head]))[0]!;
}

/** Newest first; HQ any store or all, a store's staff those from or to their store. */
export async function listTransfers(db: Db, actor: Actor, q: TransferListQuery): Promise<{ transfers: StockTransfer[] }> {
  const storeId = scopeStore(actor, q.storeId);
  const heads = (await db.$client.prepare(`${HEAD_SQL} WHERE (?1 IS NULL OR t.from_store_id = ?1 OR t.to_store_id = ?1) AND (?2 IS NULL OR t.status = ?2) ORDER BY t.created_at DESC, t.id DESC LIMIT ?3`)
    .bind(storeId, q.status ?? null, q.limit).all<TransferRow>()).results;
  return { transfers: await withLines(db, heads) };
}

/**
 * A transfer request (HQ between any stores; a store manager from or to their own store). The
 * client's id is the idempotency key: the same request again answers `replayed`, another body
 * under the same id is refused.
 */
export async function createTransfer(db: Db, actor: Actor, t: CreateTransfer, opts: { ip?: string } = {}): Promise<TransferResult> {
  assertStaff(actor);
  if (!isHq(actor) && !(actor.role === 'store_manager' && (actor.storeId === t.fromStoreId || actor.storeId === t.toStoreId))) {
    throw new DomainError('FORBIDDEN', 'A transfer is requested by a manager of one of its stores, or HQ');
  }
  const d1 = db.$client;
  const ids = JSON.stringify(t.lines.map((l) => l.productId));
  const [stores, goods] = await d1.batch<{ id: string; status?: string; kind?: string }>([
    d1.prepare(`SELECT id, status FROM stores WHERE id IN (?1, ?2)`).bind(t.fromStoreId, t.toStoreId),
    d1.prepare(`SELECT id, kind FROM products WHERE id IN (SELECT value FROM json_each(?1))`).bind(ids),
  ]);
  for (const [field, id] of [['fromStoreId', t.fromStoreId], ['toStoreId', t.toStoreId]] as const) {
    if (!stores!.results.some((s) => s.id === id && s.status === 'open')) throw new DomainError('VALIDATION_FAILED', `${field}: no open store ${id}`);
  }
  t.lines.forEach((l, i) => {
    const p = goods!.results.find((g) => g.id === l.productId);
    if (!p) throw new DomainError('VALIDATION_FAILED', `lines.${i}.productId: no product ${l.productId}`);
    if (p.kind !== 'goods') throw new DomainError('VALIDATION_FAILED', `lines.${i}.productId: ${l.productId} is a service and has no stock`);
  });
  const now = Date.now();
  try {
    await d1.batch([
      d1.prepare(`INSERT INTO stock_transfers (id, from_store_id, to_store_id, status, note, requested_by, created_at, updated_at) VALUES (?1, ?2, ?3, 'requested', ?4, ?5, ?6, ?6)`)
        .bind(t.id, t.fromStoreId, t.toStoreId, t.note, actor.id, now),
      d1.prepare(`INSERT INTO stock_transfer_lines (transfer_id, product_id, requested_qty) SELECT ?1, json_extract(value, '$.productId'), json_extract(value, '$.quantity') FROM json_each(?2)`)
        .bind(t.id, JSON.stringify(t.lines)),
      auditStatement(d1, { id: t.id, actor, action: 'stock_transfer.create', entity: 'stock_transfer', entityId: t.id, storeId: t.fromStoreId, ip: opts.ip, at: now, detail: { after: { fromStoreId: t.fromStoreId, toStoreId: t.toStoreId, lines: t.lines, note: t.note } } }),
    ]);
  } catch (e) {
    if (brokenConstraint(e) !== 'stock_transfers.id' && brokenConstraint(e) !== 'audit_log.id') throw e;
    const prior = await loadTransfer(db, actor, t.id);
    const same = prior.fromStoreId === t.fromStoreId && prior.toStoreId === t.toStoreId && prior.lines.length === t.lines.length
      && t.lines.every((l) => prior.lines.some((p) => p.productId === l.productId && p.requestedQty === l.quantity));
    if (!same) throw new DomainError('IDEMPOTENCY_MISMATCH', `id: transfer ${t.id} was already requested with other stores or lines; make a new id`);
    return { ...prior, replayed: true };
  }
  return { ...(await loadTransfer(db, actor, t.id)), replayed: false };
}

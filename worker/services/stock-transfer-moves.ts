import { isHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { ReceiveTransfer, StockTransfer, TransferResult } from '../../shared/schemas/stock-transfer';
import type { Db } from '../db/client';
import { brokenConstraint } from '../db/constraint';
import { auditRow, type AuditEntry } from './audit';
import { assertManagerAt } from './inventory-levels';
import { insufficientStock } from './inventory-movements';
import { loadRules } from './rules';
import { loadTransfer } from './stock-transfers';

/*
 * Ship, receive and cancel each run as ONE D1 batch that opens with its audit row, inserted only
 * while the transfer is in the state the step starts from: its `action` is NULL otherwise, the
 * NOT NULL constraint fails and the whole batch rolls back. The audit id is the step's key
 * (`<transfer>:ship`, the receipt id, `<transfer>:cancel`), so a retry fails on it too. Two racing
 * requests are serialized by D1: the second sees the first's state and changes nothing.
 * (docs/decisions/025)
 */

/** The guard: the step's audit row, with `action` NULL unless the transfer is in `from`. */
function guard(d1: D1Database, e: AuditEntry, transferId: string, from: string[]): D1PreparedStatement {
  const r = auditRow(e);
  return d1.prepare(`INSERT INTO audit_log (id, at, actor_kind, actor_id, store_id, action, entity, entity_id, detail, ip)
    SELECT ?1, ?2, ?3, ?4, ?5, CASE WHEN t.status IN (SELECT value FROM json_each(?11)) THEN ?6 END, ?7, ?8, ?9, ?10 FROM stock_transfers t WHERE t.id = ?12`)
    .bind(r.id, r.at, r.actorKind, r.actorId, r.storeId, r.action, r.entity, r.entityId, r.detail, r.ip, JSON.stringify(from), transferId);
}

const auditById = (d1: D1Database, id: string) => d1.prepare('SELECT action, entity_id AS entityId, detail FROM audit_log WHERE id = ?1').bind(id).first<{ action: string; entityId: string; detail: string }>();
const notIn = (t: StockTransfer, what: string) => new DomainError('CONFLICT', `Transfer ${t.id} is ${t.status}: it cannot be ${what}`, { details: { status: t.status } });

/** 发货: the source's manager (or HQ) sends every requested unit; they leave the source's stock now. */
export async function shipTransfer(db: Db, actor: Actor, id: string, opts: { ip?: string } = {}): Promise<TransferResult> {
  const t = await loadTransfer(db, actor, id);
  assertManagerAt(actor, t.fromStoreId, 'Shipping a transfer');
  if (t.status !== 'requested') {
    if (t.status === 'cancelled') throw notIn(t, 'shipped');
    return { ...t, replayed: true };
  }
  const d1 = db.$client;
  const rules = await loadRules(db);
  const now = Date.now();
  const allow = rules.inventory.allowNegativeStock ? 1 : 0;
  const lines = `FROM stock_transfer_lines l JOIN stock_transfers t ON t.id = l.transfer_id LEFT JOIN inventory i ON i.store_id = t.from_store_id AND i.product_id = l.product_id WHERE l.transfer_id = ?1`;
  try {
    await d1.batch([
      guard(d1, { id: `${id}:ship`, actor, action: 'stock_transfer.ship', entity: 'stock_transfer', entityId: id, storeId: t.fromStoreId, ip: opts.ip, at: now, detail: { before: { status: 'requested' }, after: { status: 'shipped' }, lines: t.lines.map((l) => ({ productId: l.productId, quantity: l.requestedQty })) } }, id, ['requested']),
      d1.prepare(`INSERT INTO inventory_adjustments (id, store_id, product_id, delta, reason, note, transfer_id, staff_id, created_at, received_at)
        SELECT ?1 || ':out:' || l.product_id, t.from_store_id, l.product_id, CASE WHEN ?2 = 1 OR coalesce(i.quantity, 0) >= l.requested_qty THEN -l.requested_qty END, 'transfer_out', '调拨 → ' || t.to_store_id, t.id, ?3, ?4, ?4 ${lines}`).bind(id, allow, actor.id, now),
      d1.prepare(`INSERT INTO inventory (store_id, product_id, quantity, low_stock_threshold, updated_at) SELECT t.from_store_id, l.product_id, -l.requested_qty, 0, ?2 ${lines}
        ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = quantity + excluded.quantity, updated_at = excluded.updated_at`).bind(id, now),
      d1.prepare(`UPDATE stock_transfer_lines SET shipped_qty = requested_qty WHERE transfer_id = ?1`).bind(id),
      d1.prepare(`UPDATE stock_transfers SET status = 'shipped', shipped_by = ?2, shipped_at = ?3, updated_at = ?3 WHERE id = ?1 AND status = 'requested'`).bind(id, actor.id, now),
    ]);
  } catch (e) {
    const broken = brokenConstraint(e);
    if (!broken) throw e;
    if (broken === 'inventory_adjustments.delta') throw await shortLine(db, t);
    const now2 = await loadTransfer(db, actor, id);
    if (now2.status === 'shipped' || now2.status === 'received') return { ...now2, replayed: true };
    throw notIn(now2, 'shipped');
  }
  return { ...(await loadTransfer(db, actor, id)), replayed: false };
}

/** Which line the source has too little of, named with its store. */
async function shortLine(db: Db, t: StockTransfer): Promise<DomainError> {
  const rows = (await db.$client.prepare(`SELECT product_id AS productId, quantity FROM inventory WHERE store_id = ?1`).bind(t.fromStoreId).all<{ productId: string; quantity: number }>()).results;
  for (const l of t.lines) {
    const have = rows.find((r) => r.productId === l.productId)?.quantity ?? 0;
    if (have < l.requestedQty) return insufficientStock(l.name, t.fromStoreName, have, l.requestedQty);
  }
  return new DomainError('CONFLICT', `The stock at ${t.fromStoreName} changed while shipping: try again`);
}

/**
 * 收货: the target's manager (or HQ) records what arrived; partial receipts are allowed, each
 * under its own receipt id. Received units enter the target's stock; the rest stays in transit
 * until a later receipt, or is written off by a receipt that closes the transfer.
 */
export async function receiveTransfer(db: Db, actor: Actor, id: string, r: ReceiveTransfer, opts: { ip?: string } = {}): Promise<TransferResult> {
  const t = await loadTransfer(db, actor, id);
  assertManagerAt(actor, t.toStoreId, 'Receiving a transfer');
  const d1 = db.$client;
  const seen = await auditById(d1, r.receiptId);
  if (seen) return replayReceipt(db, actor, t, r, seen);
  if (t.status !== 'shipped') throw notIn(t, 'received');
  const lines = r.lines.filter((l) => l.quantity > 0);
  r.lines.forEach((l, i) => {
    const line = t.lines.find((x) => x.productId === l.productId);
    if (!line) throw new DomainError('VALIDATION_FAILED', `lines.${i}.productId: ${l.productId} is not on transfer ${id}`);
    if (l.quantity > line.inTransitQty) throw new DomainError('VALIDATION_FAILED', `lines.${i}.quantity: only ${line.inTransitQty} of ${line.name} are in transit`, { details: { inTransitQty: line.inTransitQty } });
  });
  const now = Date.now();
  const json = JSON.stringify(lines);
  const j = `(SELECT json_extract(value, '$.productId') AS pid, json_extract(value, '$.quantity') AS qty FROM json_each(?2))`;
  const detail = { receiptId: r.receiptId, lines, close: r.close, before: { lines: t.lines.map((l) => ({ productId: l.productId, receivedQty: l.receivedQty })) } };
  try {
    await d1.batch([
      guard(d1, { id: r.receiptId, actor, action: 'stock_transfer.receive', entity: 'stock_transfer', entityId: id, storeId: t.toStoreId, ip: opts.ip, at: now, detail }, id, ['shipped']),
      d1.prepare(`INSERT INTO inventory_adjustments (id, store_id, product_id, delta, reason, note, transfer_id, staff_id, created_at, received_at)
        SELECT ?3 || ':' || j.pid, t.to_store_id, j.pid, CASE WHEN l.received_qty + j.qty <= l.shipped_qty THEN j.qty END, 'transfer_in', '调拨 ← ' || t.from_store_id, t.id, ?4, ?5, ?5
        FROM ${j} j JOIN stock_transfer_lines l ON l.transfer_id = ?1 AND l.product_id = j.pid JOIN stock_transfers t ON t.id = ?1 WHERE true`).bind(id, json, r.receiptId, actor.id, now),
      d1.prepare(`INSERT INTO inventory (store_id, product_id, quantity, low_stock_threshold, updated_at) SELECT t.to_store_id, j.pid, j.qty, 0, ?3 FROM ${j} j JOIN stock_transfers t ON t.id = ?1 WHERE true
        ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = quantity + excluded.quantity, updated_at = excluded.updated_at`).bind(id, json, now),
      d1.prepare(`UPDATE stock_transfer_lines SET received_qty = received_qty + coalesce((SELECT j.qty FROM ${j} j WHERE j.pid = product_id), 0) WHERE transfer_id = ?1`).bind(id, json),
      d1.prepare(`UPDATE stock_transfers SET status = CASE WHEN ?2 = 1 OR NOT EXISTS (SELECT 1 FROM stock_transfer_lines l WHERE l.transfer_id = ?1 AND l.received_qty < l.shipped_qty) THEN 'received' ELSE 'shipped' END,
        received_by = ?3, received_at = ?4, updated_at = ?4 WHERE id = ?1 AND status = 'shipped'`).bind(id, r.close ? 1 : 0, actor.id, now),
    ]);
  } catch (e) {
    const broken = brokenConstraint(e);
    if (!broken) throw e;
    const again = await auditById(d1, r.receiptId);
    const fresh = await loadTransfer(db, actor, id);
    if (again) return replayReceipt(db, actor, fresh, r, again);
    if (broken === 'inventory_adjustments.delta') throw new DomainError('CONFLICT', `Another receipt of transfer ${id} came first: fewer units are in transit now`, { details: { lines: fresh.lines } });
    throw notIn(fresh, 'received');
  }
  return { ...(await loadTransfer(db, actor, id)), replayed: false };
}

async function replayReceipt(db: Db, actor: Actor, t: StockTransfer, r: ReceiveTransfer, seen: { action: string; entityId: string; detail: string }): Promise<TransferResult> {
  const d = JSON.parse(seen.detail) as { lines?: unknown; close?: boolean };
  const same = seen.action === 'stock_transfer.receive' && seen.entityId === t.id && JSON.stringify(d.lines) === JSON.stringify(r.lines.filter((l) => l.quantity > 0)) && d.close === r.close;
  if (!same) throw new DomainError('IDEMPOTENCY_MISMATCH', `receiptId: ${r.receiptId} was already used for another receipt; make a new id`);
  return { ...(await loadTransfer(db, actor, t.id)), replayed: true };
}

/**
 * 取消: a requested transfer is just cancelled (its source's manager, the target's, or HQ); a
 * shipped one (the source's manager or HQ) sends what is still in transit back into the source.
 */
export async function cancelTransfer(db: Db, actor: Actor, id: string, opts: { ip?: string } = {}): Promise<TransferResult> {
  const t = await loadTransfer(db, actor, id);
  const side = t.status === 'requested' && !isHq(actor) && actor.kind === 'staff' && actor.storeId === t.toStoreId ? t.toStoreId : t.fromStoreId;
  assertManagerAt(actor, side, 'Cancelling a transfer');
  if (t.status === 'cancelled') return { ...t, replayed: true };
  if (t.status === 'received') throw notIn(t, 'cancelled');
  const d1 = db.$client;
  const now = Date.now();
  const open = `FROM stock_transfer_lines l JOIN stock_transfers t ON t.id = l.transfer_id WHERE l.transfer_id = ?1 AND t.status = 'shipped' AND l.shipped_qty > l.received_qty`;
  try {
    await d1.batch([
      guard(d1, { id: `${id}:cancel`, actor, action: 'stock_transfer.cancel', entity: 'stock_transfer', entityId: id, storeId: t.fromStoreId, ip: opts.ip, at: now, detail: { before: { status: t.status }, after: { status: 'cancelled' }, returned: t.lines.filter((l) => l.inTransitQty > 0).map((l) => ({ productId: l.productId, quantity: l.inTransitQty })) } }, id, [t.status]),
      d1.prepare(`INSERT INTO inventory_adjustments (id, store_id, product_id, delta, reason, note, transfer_id, staff_id, created_at, received_at)
        SELECT ?1 || ':return:' || l.product_id, t.from_store_id, l.product_id, l.shipped_qty - l.received_qty, 'transfer_in', '调拨取消退回', t.id, ?2, ?3, ?3 ${open}`).bind(id, actor.id, now),
      d1.prepare(`INSERT INTO inventory (store_id, product_id, quantity, low_stock_threshold, updated_at) SELECT t.from_store_id, l.product_id, l.shipped_qty - l.received_qty, 0, ?2 ${open}
        ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = quantity + excluded.quantity, updated_at = excluded.updated_at`).bind(id, now),
      d1.prepare(`UPDATE stock_transfers SET status = 'cancelled', cancelled_at = ?2, updated_at = ?2 WHERE id = ?1 AND status IN ('requested', 'shipped')`).bind(id, now),
    ]);
  } catch (e) {
    if (!brokenConstraint(e)) throw e;
    const fresh = await loadTransfer(db, actor, id);
    if (fresh.status === 'cancelled') return { ...fresh, replayed: true };
    // It moved on (shipped or received) between the read and the batch: look again.
    throw notIn(fresh, `cancelled as it was ${t.status}`);
  }
  return { ...(await loadTransfer(db, actor, id)), replayed: false };
}

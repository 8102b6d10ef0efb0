import type { Actor } from '../../shared/domain/authz';
import { CHAIN_UTC_OFFSET_MINUTES } from '../../shared/domain/business-day';
import { DomainError } from '../../shared/errors';
import type { ReportOrderDetail, ReportOrderPage, ReportOrderRow, ReportOrdersQuery } from '../../shared/schemas/reports-orders';
import { reportScope, scopeCovers } from './report-scope';
import { msRange } from './report-staff';

const COUNTED = `o.kind = 'sale' AND o.status IN ('completed', 'refunded', 'partially_refunded')`;
const OFFSET_MS = CHAIN_UTC_OFFSET_MINUTES * 60_000;
const ROW = `o.id, o.store_id AS storeId, COALESCE(s.name, o.store_id) AS storeName, o.staff_id AS staffId, COALESCE(st.name, o.staff_id) AS staffName,
  o.member_id AS memberId, m.name AS memberName, o.status, o.created_at AS createdAt, o.subtotal_fen AS subtotalFen, o.discount_fen AS discountFen,
  o.total_fen AS totalFen, o.refunded_fen AS refundedFen`;
const FROM = `FROM orders o LEFT JOIN stores s ON s.id = o.store_id LEFT JOIN staff st ON st.id = o.staff_id LEFT JOIN members m ON m.id = o.member_id`;

/**
 * The sales behind a figure, newest first, a page at a time. The range on created_at with the
 * store (or clerk, or member) first is what orders_store_created_idx / orders_staff_created_idx /
 * orders_member_created_idx serve; the other filters are EXISTS on the order's own lines and
 * payments, so a page reads about `limit` orders' rows, not the period's.
 */
export async function reportOrders(d1: D1Database, actor: Actor, q: ReportOrdersQuery): Promise<ReportOrderPage> {
  const scope = reportScope(actor, q.storeId);
  const { start, end } = msRange(q.from, q.to);
  const where: string[] = [COUNTED, 'o.created_at >= ?', 'o.created_at < ?'];
  const binds: unknown[] = [start, end];
  const add = (sql: string, ...b: unknown[]) => (where.push(sql), binds.push(...b));
  if (scope.storeIds) add(`o.store_id IN (${scope.storeIds.map(() => '?').join(', ')})`, ...scope.storeIds);
  if (q.staffId) add('o.staff_id = ?', q.staffId);
  if (q.memberId) add('o.member_id = ?', q.memberId);
  if (q.member) where.push(q.member === 'member' ? 'o.member_id IS NOT NULL' : 'o.member_id IS NULL');
  if (q.hour !== undefined) add(`((o.created_at + ${OFFSET_MS}) / 3600000) % 24 = ?`, q.hour);
  if (q.productId) add('EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.product_id = ?)', q.productId);
  if (q.categoryId) add('EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.category_id = ?)', q.categoryId);
  if (q.tender) add('EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.tender = ?)', q.tender);
  if (q.cursor) {
    const [at, id] = [Number(q.cursor.slice(0, q.cursor.indexOf(':'))), q.cursor.slice(q.cursor.indexOf(':') + 1)];
    add('(o.created_at < ? OR (o.created_at = ? AND o.id < ?))', at, at, id);
  }
  const page = (extra: string, more: unknown[]) =>
    d1.prepare(`SELECT ${ROW} ${FROM} WHERE ${[...where, ...(extra ? [extra] : [])].join(' AND ')} ORDER BY o.created_at DESC, o.id DESC LIMIT ?`).bind(...binds, ...more, q.limit + 1);
  let rows: ReportOrderRow[];
  if (scope.storeIds || q.staffId || q.memberId) rows = (await page('', []).all<ReportOrderRow>()).results;
  else {
    // All stores by time: one newest-first page per store (each an index range on orders_store_created_idx), merged here.
    const stores = (await d1.prepare('SELECT id FROM stores').all<{ id: string }>()).results;
    const pages = await d1.batch<ReportOrderRow>(stores.map((st) => page('o.store_id = ?', [st.id])));
    rows = pages.flatMap((r) => r.results).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, q.limit + 1);
  }
  const shown = rows.slice(0, q.limit);
  const last = shown[shown.length - 1];
  return { orders: shown, next: rows.length > q.limit && last ? `${last.createdAt}:${last.id}` : null };
}

type Line = { lineNo: number; productId: string; name: string; quantity: number; unitPriceFen: number; discountFen: number; totalFen: number; unitCostFen: number; explanation: string; discounts: string };

/**
 * One sale with its lines (and the discounts each got), tenders and refunds. A manager reads
 * only their store's sales: another store's is 404, as if it were not there.
 */
export async function reportOrder(d1: D1Database, actor: Actor, id: string): Promise<ReportOrderDetail> {
  const scope = reportScope(actor, undefined);
  const order = await d1.prepare(`SELECT ${ROW}, o.cost_fen AS costFen, o.points_earned AS pointsEarned, o.note ${FROM} WHERE o.id = ? AND o.kind = 'sale'`).bind(id)
    .first<ReportOrderDetail['order']>();
  if (!order || !scopeCovers(scope, order.storeId)) throw new DomainError('NOT_FOUND', `id: no sale ${id}`);
  const [lines, tenders, counter, account] = await d1.batch([
    d1.prepare(`SELECT line_no AS lineNo, product_id AS productId, name, quantity, unit_price_fen AS unitPriceFen, discount_fen AS discountFen, total_fen AS totalFen,
      unit_cost_fen AS unitCostFen, explanation, discounts FROM order_lines WHERE order_id = ? ORDER BY line_no`).bind(id),
    d1.prepare('SELECT id, tender, amount_fen AS amountFen, reference FROM payments WHERE order_id = ? ORDER BY created_at, id').bind(id),
    d1.prepare(`SELECT id, at, actor_id AS staffId, json_extract(detail, '$.amountFen') AS amountFen FROM audit_log WHERE entity = 'order' AND entity_id = ? AND action = 'order.refund' ORDER BY at`).bind(id),
    d1.prepare(`SELECT op_id AS id, at, staff_id AS staffId, json_extract(detail, '$.cumulativeFen') AS cumulativeFen FROM account_ops
      WHERE member_id = ? AND at >= ? AND kind = 'refund' AND status = 'applied' AND json_extract(detail, '$.refundOf') = ? ORDER BY at`).bind(order.memberId ?? '', order.createdAt - 86_400_000, id),
  ]);
  let before = 0;
  const viaAccount = (account!.results as { id: string; at: number; staffId: string | null; cumulativeFen: number }[]).map((r) => {
    const amountFen = Number(r.cumulativeFen) - before;
    before = Number(r.cumulativeFen);
    return { id: r.id, at: r.at, staffId: r.staffId, amountFen, via: 'account' as const };
  });
  return {
    order,
    lines: (lines!.results as Line[]).map((l) => ({ ...l, explanation: JSON.parse(l.explanation) as string[], discounts: JSON.parse(l.discounts) as ReportOrderDetail['lines'][number]['discounts'] })),
    tenders: tenders!.results as ReportOrderDetail['tenders'],
    refunds: [...(counter!.results as { id: string; at: number; staffId: string; amountFen: number }[]).map((r) => ({ ...r, amountFen: Number(r.amountFen), via: 'counter' as const })), ...viaAccount],
  };
}

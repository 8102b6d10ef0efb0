import { assertStaff, assertStoreAccess, isHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { VisitRating, VisitRatingRequest } from '../../shared/schemas/member-profile';

const WINDOW_MS = 30 * 86_400_000;
type Row = { order_id: string; member_id: string; store_id: string; staff_id: string | null; score: number; comment: string; created_at: number; member_name?: string };
const view = (r: Row): VisitRating => ({
  orderId: r.order_id, memberId: r.member_id, storeId: r.store_id, staffId: r.staff_id, score: r.score, comment: r.comment, createdAt: r.created_at,
  ...(r.member_name !== undefined ? { memberName: r.member_name } : {}),
});

/**
 * 评价: the member rates a visit of theirs once, within 30 days. The same rating sent again (a
 * retry) answers the one recorded; another score or comment for a rated visit is refused.
 */
export async function rateVisit(d1: D1Database, actor: Actor, r: VisitRatingRequest, now: number): Promise<VisitRating> {
  if (actor.kind !== 'member') throw new DomainError('FORBIDDEN', 'A visit is rated by the member who made it');
  const order = await d1.prepare(`SELECT id, store_id, staff_id, member_id, kind, status, created_at FROM orders WHERE id = ?`).bind(r.orderId)
    .first<{ id: string; store_id: string; staff_id: string; member_id: string | null; kind: string; status: string; created_at: number }>();
  // Someone else's order is "not found": its existence is not the caller's to learn.
  if (!order || order.member_id !== actor.id || order.kind !== 'sale') throw new DomainError('NOT_FOUND', `orderId: no visit ${r.orderId} of yours`);
  if (order.status === 'pending' || order.status === 'rejected') throw new DomainError('CONFLICT', 'This sale did not go through, so there is no visit to rate');
  if (now - order.created_at > WINDOW_MS) throw new DomainError('CONFLICT', 'Visits can be rated within 30 days');
  await d1.prepare(`INSERT OR IGNORE INTO visit_ratings (order_id, member_id, store_id, staff_id, score, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .bind(order.id, actor.id, order.store_id, order.staff_id, r.score, r.comment, now).run();
  const row = (await d1.prepare('SELECT * FROM visit_ratings WHERE order_id = ?').bind(order.id).first<Row>())!;
  if (row.score !== r.score || row.comment !== r.comment) throw new DomainError('CONFLICT', 'You have rated this visit already');
  return view(row);
}

/** Ratings newest first with their average: a member their own; a manager their store's; HQ any store or all. */
export async function listRatings(d1: D1Database, actor: Actor, q: { storeId?: string; maxScore?: number; limit: number }) {
  const where: string[] = [];
  const args: unknown[] = [];
  if (actor.kind === 'member') (where.push('v.member_id = ?'), args.push(actor.id));
  else {
    assertStaff(actor);
    if (!isHq(actor) && actor.role !== 'store_manager') throw new DomainError('FORBIDDEN', 'Ratings are read by the store’s manager and HQ');
    const storeId = q.storeId ?? (isHq(actor) ? undefined : actor.storeId!);
    if (storeId) (assertStoreAccess(actor, storeId), where.push('v.store_id = ?'), args.push(storeId));
  }
  if (q.maxScore) (where.push('v.score <= ?'), args.push(q.maxScore));
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [rows, agg] = await d1.batch<Row & { n?: number; avg?: number | null }>([
    d1.prepare(`SELECT v.*, m.name AS member_name FROM visit_ratings v JOIN members m ON m.id = v.member_id ${w} ORDER BY v.created_at DESC LIMIT ?`).bind(...args, q.limit),
    d1.prepare(`SELECT count(*) AS n, avg(v.score) AS avg FROM visit_ratings v ${w}`).bind(...args),
  ]);
  const a = agg!.results[0]!;
  return { ratings: rows!.results.map(view), count: a.n ?? 0, averageScore: a.avg == null ? null : Math.round(a.avg * 100) / 100 };
}

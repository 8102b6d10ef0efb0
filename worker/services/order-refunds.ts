import { walkInRefundRollups } from '../reports/rollup-statements';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/domain/authz';
import { assertStaff, assertStoreAccess } from '../../shared/domain/authz';
import { approvalMessages } from '../../shared/domain/manager-pin';
import type { RefundRequest } from '../../shared/schemas/account-api';
import type { WalkInRefund } from '../../shared/schemas/order';
import { DomainError } from '../../shared/errors';
import { requestFingerprint, sameRequest } from '../../shared/domain/idempotency';
import type { Db } from '../db/client';
import { brokenConstraint } from '../db/constraint';
import { auditLog, orders } from '../db/schema';
import { checkApproval } from './approvals';
import { refund } from './account-ops';
import { refundStockStatements } from './inventory-stock';
import type { OpOutcome } from '../../shared/schemas/account';


/**
 * Refunds (part of) a sale without a member: money only, handed back at the counter. The audit
 * entry (id = the operation id) is the refund's record; it is inserted only if the amount still
 * fits the sale, and the sale's refunded total moves only if it was, in one D1 batch — so a repeat
 * changes nothing and two refunds racing for the same sale cannot pass its total.
 */
export async function refundWalkIn(db: Db, actor: Actor, r: RefundRequest): Promise<WalkInRefund> {
  assertStaff(actor);
  assertStoreAccess(actor, r.storeId);
  const order = await db.select().from(orders).where(eq(orders.id, r.refundOf)).get();
  if (!order || order.kind !== 'sale') throw new DomainError('OPERATION_NOT_FOUND', `No sale ${r.refundOf}`);
  if (order.status === 'pending' || order.status === 'rejected') throw new DomainError('REFUND_NOT_ALLOWED', `Sale ${r.refundOf} was not completed, so there is nothing to refund`);
  if (order.memberId) throw new DomainError('REFUND_NOT_ALLOWED', 'This sale was made to a member: refund it through the member’s account');
  assertStoreAccess(actor, order.storeId);
  const approvedBy = await checkApproval(db, actor, r.storeId, r.approval, approvalMessages.refund(r), 'A refund');
  const now = Date.now();
  const fingerprint = await requestFingerprint('refund:walk-in', r);
  // `attempt` makes this try's audit row its own: the UPDATE below moves the total only for the row
  // this batch inserted. A repeat whose amount no longer fits inserts nothing and must not find the
  // first try's row and add the amount again (found by the fault simulation, seed 3722).
  const attempt = crypto.randomUUID();
  const detail = JSON.stringify({ opId: r.opId, refundOf: r.refundOf, amountFen: r.amountFen, reason: r.reason, approvedBy, fingerprint, attempt });
  const fits = and(eq(orders.id, r.refundOf), sql`${orders.status} IN ('completed', 'partially_refunded')`, sql`${orders.refundedFen} + ${r.amountFen} <= ${orders.totalFen}`);
  try {
    // Raw statements, so the stock's statements join the same batch.
    const raw = (q: { toSQL(): { sql: string; params: unknown[] } }) => { const { sql: text, params } = q.toSQL(); return db.$client.prepare(text).bind(...params); };
    const [inserted] = await db.$client.batch([
      raw(db.insert(auditLog).select(
        db.select({
          id: sql`${r.opId}`.as('id'), at: sql`${now}`.as('at'), actorKind: sql`'staff'`.as('actor_kind'), actorId: sql`${actor.id}`.as('actor_id'),
          storeId: sql`${r.storeId}`.as('store_id'), action: sql`'order.refund'`.as('action'), entity: sql`'order'`.as('entity'),
          entityId: sql`${r.refundOf}`.as('entity_id'), detail: sql`${detail}`.as('detail'), ip: sql`''`.as('ip'),
        }).from(orders).where(fits),
      )),
      // The reports' share of this refund, counted only if this try's row went in (decision 028).
      ...walkInRefundRollups(db.$client, r.refundOf, r.amountFen, r.opId, detail),
      raw(db.update(orders).set({
        refundedFen: sql`${orders.refundedFen} + ${r.amountFen}`,
        status: sql`CASE WHEN ${orders.refundedFen} + ${r.amountFen} >= ${orders.totalFen} THEN 'refunded' ELSE 'partially_refunded' END`,
        updatedAt: now,
      }).where(and(eq(orders.id, r.refundOf), sql`EXISTS (SELECT 1 FROM ${auditLog} WHERE ${auditLog.id} = ${r.opId} AND ${auditLog.detail} = ${detail})`))),
      // Refunded in full: the goods go back into stock, once (decision 025).
      ...refundStockStatements(db, [r.refundOf], now, actor.id),
    ]);
    if (inserted!.meta.changes === 0) {
      // Nothing inserted: a repeat of a refund that went through (answered from its record), or too much.
      if (await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.id, r.opId)).get()) return replayOf(db, r, fingerprint, order.totalFen);
      const left = order.totalFen - order.refundedFen;
      throw new DomainError('REFUND_EXCEEDS_ORIGINAL', `Only ${left} fen of the sale remain refundable`, { details: { refundableFen: left } });
    }
    return { opId: r.opId, refundOf: r.refundOf, amountFen: r.amountFen, refundedFen: order.refundedFen + r.amountFen, totalFen: order.totalFen, replayed: false };
  } catch (e) {
    if (brokenConstraint(e) !== 'audit_log.id') throw e;
    return replayOf(db, r, fingerprint, order.totalFen);
  }
}

/** The answer to a repeat: the first try's, if it was this same request. */
async function replayOf(db: Db, r: RefundRequest, fingerprint: string, totalFen: number): Promise<WalkInRefund> {
  await assertSameRefund(db, r.opId, fingerprint);
  const now = await db.select({ refundedFen: orders.refundedFen }).from(orders).where(eq(orders.id, r.refundOf)).get();
  return { opId: r.opId, refundOf: r.refundOf, amountFen: r.amountFen, refundedFen: now?.refundedFen ?? 0, totalFen, replayed: true };
}

/** The refund recorded under this id was this request (its audit row keeps the fingerprint). */
async function assertSameRefund(db: Db, opId: string, fingerprint: string): Promise<void> {
  const row = await db.select({ action: auditLog.action, detail: auditLog.detail }).from(auditLog).where(eq(auditLog.id, opId)).get();
  const recorded = row?.action === 'order.refund' ? (JSON.parse(row.detail ?? '{}') as { fingerprint?: string }).fingerprint : 'another action';
  if (!sameRequest(recorded, fingerprint)) {
    throw new DomainError('IDEMPOTENCY_MISMATCH', `Operation id ${opId} was already used for another request; make a new id for a new refund`, { details: { opId } });
  }
}

/** Refunds (part of) a sale, whoever it was made to: a member's through their account, else money only. */
export async function refundSale(env: Env, db: Db, actor: Actor, r: RefundRequest, ip: string): Promise<OpOutcome | WalkInRefund> {
  assertStaff(actor);
  const order = await db.select({ memberId: orders.memberId }).from(orders).where(eq(orders.id, r.refundOf)).get();
  if (!order) throw new DomainError('OPERATION_NOT_FOUND', `No sale ${r.refundOf}`);
  return order.memberId ? refund({ env, db, actor, memberId: order.memberId, ip }, r) : refundWalkIn(db, actor, r);
}

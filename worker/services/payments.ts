import { eq } from 'drizzle-orm';
import { assertStaff, assertStoreAccess, type Actor } from '../../shared/domain/authz';
import type { ChargeRequest, ChargeResult } from '../../shared/schemas/payment';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/client';
import { brokenConstraint } from '../db/constraint';
import { auditLog, paymentCharges } from '../db/schema';
import { providerFor } from '../payments/provider';
import { auditRow } from './audit';

type Row = typeof paymentCharges.$inferSelect;
const answer = (r: Pick<Row, 'paymentId' | 'status' | 'reference' | 'reason'>, replayed: boolean): ChargeResult => ({ paymentId: r.paymentId, status: r.status, reference: r.reference, reason: r.reason, replayed });

/**
 * Charges a customer's payment code through the tender's provider. A repeat of the payment id
 * answers the recorded result without calling the provider again; a repeat that names another
 * amount or order is refused. Declines are recorded too (a retry needs a new payment id).
 */
export async function charge(env: Env, db: Db, actor: Actor, req: ChargeRequest): Promise<ChargeResult> {
  assertStaff(actor);
  assertStoreAccess(actor, req.storeId);
  const prior = await db.select().from(paymentCharges).where(eq(paymentCharges.paymentId, req.paymentId)).get();
  if (prior) return sameCharge(prior, req);
  const provider = providerFor(env, req.kind);
  if (!provider) throw new DomainError('NOT_AVAILABLE', `No payment provider is set up for ${req.kind}: take it on the terminal and type its reference`);
  const out = await provider.charge(req);
  const row: Row = {
    paymentId: req.paymentId, orderId: req.orderId, storeId: req.storeId, staffId: actor.id, kind: req.kind, provider: provider.id, amountFen: req.amountFen,
    status: out.status, reference: out.status === 'paid' ? out.reference : '', reason: out.status === 'declined' ? out.reason : null, at: Date.now(),
  };
  try {
    await db.batch([
      db.insert(paymentCharges).values(row),
      db.insert(auditLog).values(auditRow({ id: `charge:${req.paymentId}`, actor, action: 'payment.charge', entity: 'order', entityId: req.orderId, storeId: req.storeId, at: row.at, detail: { paymentId: req.paymentId, kind: req.kind, amountFen: req.amountFen, status: out.status, reference: row.reference, provider: provider.id } })),
    ]);
  } catch (e) {
    // Two tablets' retries of one payment raced: the first recorded stands (the provider is idempotent on the id).
    if (brokenConstraint(e) !== 'payment_charges.payment_id') throw e;
    return sameCharge((await db.select().from(paymentCharges).where(eq(paymentCharges.paymentId, req.paymentId)).get())!, req);
  }
  return answer(row, false);
}

function sameCharge(prior: Row, req: ChargeRequest): ChargeResult {
  if (prior.orderId !== req.orderId || prior.amountFen !== req.amountFen || prior.kind !== req.kind) {
    throw new DomainError('IDEMPOTENCY_MISMATCH', `Payment ${req.paymentId} was a charge of ${prior.amountFen} fen for order ${prior.orderId}`);
  }
  return answer(prior, true);
}

import { eq } from 'drizzle-orm';
import { approvesAt, type Actor } from '../../shared/domain/authz';
import { makePinRecord, verifyApproval } from '../../shared/domain/manager-pin';
import { pinRecordSchema, type SetPin } from '../../shared/schemas/approval';
import { DomainError } from '../../shared/errors';
import { verifyPassword } from '../auth/password';
import { assertNotThrottled, clearFailures, recordFailure } from '../auth/throttle';
import type { Db } from '../db/client';
import { staff } from '../db/schema';
import { auditInsert } from './audit';

/**
 * Sets the signed-in manager's (or HQ's) approval PIN, after their password. Failed passwords count
 * towards the account's sign-in limit. The store's tablets get the new verifier on their next pull.
 */
export async function setApprovalPin(db: Db, actor: Actor, input: SetPin, ctx: { ip: string; now: number }): Promise<{ ok: true }> {
  if (actor.kind !== 'staff' || actor.role === 'clerk') throw new DomainError('FORBIDDEN', 'Only store managers and HQ approve, so only they set an approval PIN');
  const row = await db.select().from(staff).where(eq(staff.id, actor.id)).get();
  if (!row) throw new DomainError('UNAUTHENTICATED', 'Sign in again');
  await assertNotThrottled(db, 'account', row.username, ctx.now);
  if (!(await verifyPassword(input.password, row.passwordHash))) {
    await recordFailure(db, 'account', row.username, ctx.now);
    // 403, not 401: a wrong password here must not sign the manager out of the tablet.
    throw new DomainError('FORBIDDEN', 'The password is wrong');
  }
  const record = await makePinRecord(input.pin);
  await db.batch([
    db.update(staff).set({ pinHash: JSON.stringify(record), updatedAt: ctx.now }).where(eq(staff.id, actor.id)),
    clearFailures(db, 'account', row.username),
    auditInsert(db, { actor, action: 'staff.approval_pin_set', entity: 'staff', entityId: actor.id, ip: ctx.ip, at: ctx.now }),
  ]);
  return { ok: true };
}

/**
 * Checks a manager's approval of `message` at `storeId` and answers who approved. A manager or HQ
 * working the counter themself needs none; anyone else needs a proof by an approver of that store.
 */
export async function checkApproval(db: Db, actor: Actor, storeId: string, approval: { approvedBy: string | null; proof: string | null } | null, message: string, what: string): Promise<string> {
  if (approvesAt(actor, storeId) && (!approval?.approvedBy || (approval.approvedBy === actor.id && !approval.proof))) return actor.id;
  if (!approval?.approvedBy || !approval.proof) throw new DomainError('FORBIDDEN', `${what} needs a store manager’s approval`);
  const row = await db.select().from(staff).where(eq(staff.id, approval.approvedBy)).get();
  const approver: Actor | null = row && row.status === 'active' && row.role !== 'clerk' ? { kind: 'staff', id: row.id, name: row.name, role: row.role, storeId: row.storeId } : null;
  const record = row?.pinHash ? pinRecordSchema.safeParse(JSON.parse(row.pinHash)) : null;
  if (!approver || !approvesAt(approver, storeId) || !record?.success) throw new DomainError('FORBIDDEN', `${what}: the approver cannot approve at this store`);
  const now = Date.now();
  await assertNotThrottled(db, 'pin', approver.id, now);
  if (!(await verifyApproval(record.data, message, approval.proof))) {
    await recordFailure(db, 'pin', approver.id, now);
    throw new DomainError('FORBIDDEN', `${what}: the manager’s approval does not match (a wrong or changed PIN, or the amount changed after approval)`);
  }
  return approver.id;
}

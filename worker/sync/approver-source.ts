import { and, asc, eq, gt, isNotNull, or } from 'drizzle-orm';
import { approvesAt } from '../../shared/domain/authz';
import { pinRecordSchema, type Approver } from '../../shared/schemas/approval';
import { keys } from '../../shared/sync/keys';
import type { Db } from '../db/client';
import { staff } from '../db/schema';
import { row, whole, type Source } from './source';

type StaffRow = typeof staff.$inferSelect;

/**
 * Who can approve at this store's counter (decision 013): its managers and HQ, with the verifier
 * of their PIN and never the approval key. One who is disabled, moved or has no PIN any more
 * leaves the view.
 */
export function approverSource(db: Db, storeId: string): Source {
  const value = (s: StaffRow): Approver | null => {
    const canApprove = s.status === 'active' && approvesAt({ kind: 'staff', id: s.id, name: s.name, role: s.role, storeId: s.storeId }, storeId);
    const pin = s.pinHash ? pinRecordSchema.safeParse(JSON.parse(s.pinHash)) : null;
    if (!canApprove || !pin?.success || s.role === 'clerk') return null;
    return { id: s.id, name: s.name, role: s.role, salt: pin.data.salt, verifier: pin.data.verifier };
  };
  const candidates = and(isNotNull(staff.pinHash), or(eq(staff.role, 'hq_admin'), and(eq(staff.role, 'store_manager'), eq(staff.storeId, storeId))));
  return {
    name: 'approvers',
    page: async (after, limit) =>
      (await db.select().from(staff).where(and(candidates, gt(staff.id, after))).orderBy(asc(staff.id)).limit(limit)).flatMap((s) => {
        const v = value(s);
        return v ? [row(s.id, keys.approver(s.id), v)] : [];
      }),
    changed: (since) => whole(db.select().from(staff).where(gt(staff.updatedAt, since)), (s: StaffRow) => ({ key: keys.approver(s.id), value: value(s) })),
  };
}

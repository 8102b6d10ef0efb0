import { and, asc, eq, gt } from 'drizzle-orm';
import type { SyncedAllowance } from '../../shared/schemas/device';
import { keys } from '../../shared/sync/keys';
import type { Db } from '../db/client';
import { deviceAllowances } from '../db/schema';
import { after, row, type Plan, type Source } from './source';

type AllowanceRow = typeof deviceAllowances.$inferSelect;

const value = (a: AllowanceRow): SyncedAllowance | null =>
  a.state === 'open' ? { leaseId: a.leaseId, memberId: a.memberId, deviceId: a.deviceId, heldFen: a.heldFen, expiresAt: a.expiresAt, releaseRequestedAt: a.releaseRequestedAt } : null;

/**
 * The offline allowances lent to this store's tablets (decision 015), one row per device and
 * member: each tablet spends under its own, and the others tell the clerk where money is held.
 * Changes come in (updated_at, id) order, so a lease released before a newer one opened for the
 * same tablet and member never hides it.
 */
export function allowanceSource(db: Db, storeId: string): Source {
  const base = eq(deviceAllowances.storeId, storeId);
  return {
    name: 'allowances',
    page: async (afterId, limit) =>
      (await db.select().from(deviceAllowances).where(and(base, eq(deviceAllowances.state, 'open'), gt(deviceAllowances.leaseId, afterId))).orderBy(asc(deviceAllowances.leaseId)).limit(limit))
        .map((a) => row(a.leaseId, keys.allowance(a.deviceId, a.memberId), value(a))),
    changed: (since, from, limit): Plan => {
      const query = db.select().from(deviceAllowances).where(and(base, gt(deviceAllowances.updatedAt, since), after(deviceAllowances.updatedAt, deviceAllowances.leaseId, from)))
        .orderBy(asc(deviceAllowances.updatedAt), asc(deviceAllowances.leaseId)).limit(limit);
      return {
        queries: [query],
        read: ([res]) => {
          const rows = res as AllowanceRow[];
          return { changes: rows.map((a) => ({ key: keys.allowance(a.deviceId, a.memberId), value: value(a) })), next: rows.length === limit ? { at: rows[limit - 1]!.updatedAt, id: rows[limit - 1]!.leaseId } : null };
        },
      };
    },
  };
}

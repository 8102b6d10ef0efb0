import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { keys } from '../../shared/sync/keys';
import type { SyncedAccountOp } from '../../shared/sync/entities';
import type { Db } from '../db/client';
import { accountOps, ledgerEntries, members } from '../db/schema';
import type { Change, Source } from './source';

const KINDS = ['recharge', 'refund'] as const;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * A member's phone: their own recharges and refunds of the last `windowMs` (sales are orders), from
 * D1's account_ops and ledger_entries. Member view only; the member's row moves with every projected
 * operation, so (as for the account) it says when to read them again.
 */
export function memberAccountOpSource(db: Db, memberId: string, since: () => number): Source {
  const read = async (): Promise<Change[]> => {
    const from = since();
    const [ops, entries] = await db.batch([
      db.select().from(accountOps)
        .where(and(eq(accountOps.memberId, memberId), eq(accountOps.status, 'applied'), inArray(accountOps.kind, [...KINDS]), gt(accountOps.at, from)))
        .orderBy(asc(accountOps.at), asc(accountOps.opId)),
      db.select({ opId: ledgerEntries.opId, p: ledgerEntries.principalDelta, b: ledgerEntries.bonusDelta, pts: ledgerEntries.pointsDelta }).from(ledgerEntries)
        .where(and(eq(ledgerEntries.memberId, memberId), inArray(ledgerEntries.kind, [...KINDS]), gt(ledgerEntries.at, from))),
    ]);
    const moved = new Map<string, { p: number; b: number; pts: number }>();
    for (const e of entries) {
      const m = moved.get(e.opId) ?? { p: 0, b: 0, pts: 0 };
      moved.set(e.opId, { p: m.p + e.p, b: m.b + e.b, pts: m.pts + e.pts });
    }
    const refundedBefore = new Map<string, number>();
    return ops.map((o) => {
      const d = JSON.parse(o.detail) as Record<string, unknown>;
      const m = moved.get(o.opId) ?? { p: 0, b: 0, pts: 0 };
      const refundOf = typeof d.refundOf === 'string' ? d.refundOf : null;
      let amountFen = m.p;
      if (o.kind === 'refund' && refundOf) {
        const cumulative = num(d.cumulativeFen) ?? 0;
        amountFen = Math.max(0, cumulative - (refundedBefore.get(refundOf) ?? 0));
        refundedBefore.set(refundOf, Math.max(cumulative, refundedBefore.get(refundOf) ?? 0));
      }
      const value: SyncedAccountOp = {
        opId: o.opId, kind: o.kind as SyncedAccountOp['kind'], storeId: o.storeId, at: o.at,
        principalFen: m.p, bonusFen: m.b, points: m.pts, refundOf, amountFen, refundCashFen: num(d.refundCashFen),
      };
      return { key: keys.accountOp(o.opId), value };
    });
  };
  return {
    name: 'account-ops',
    page: async (after) => (after ? [] : (await read()).map((c) => ({ id: c.key, ...c }))),
    changed: (since) => ({
      queries: [db.select({ id: members.id }).from(members).where(and(eq(members.id, memberId), gt(members.updatedAt, since)))],
      read: async ([rows]) => ({ changes: (rows as unknown[]).length ? await read() : [], next: null }),
    }),
  };
}

import { sql } from 'drizzle-orm';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/client';

/**
 * A member's object keeps its own operation ids, so it cannot see that another member's object
 * (or a walk-in sale) already used one. D1 can: an id recorded there for someone else is refused
 * before this member's object applies it, or its projection would be skipped as "already in D1"
 * and D1 would differ from the ledger. A refused sale's placeholder row (worker/sync/push.ts) is no
 * owner: the member's object may still record that sale. (Two first uses racing are not caught here.)
 */
export async function assertIdFreeFor(db: Db, id: string, memberId: string): Promise<void> {
  const owners = await readOwners(db, id).catch((err: unknown) => {
    // The member's object, not D1, is the book of record: a D1 that cannot answer must not stop
    // the money moving (its projection catches up later), so the check is skipped, not failed.
    console.warn(`id-owner: D1 unreadable, check skipped for ${id}`, err);
    return null;
  });
  const other = owners?.find((m) => m !== null && m !== undefined && m !== memberId);
  if (other !== undefined) {
    throw new DomainError('IDEMPOTENCY_MISMATCH', `Id ${id} was already used for ${other === '' ? 'a sale without a member' : 'another member'}; make a new id for a new operation`, { details: { opId: id } });
  }
}

async function readOwners(db: Db, id: string): Promise<(string | null | undefined)[]> {
  const [row] = (await db.all<{ opMember: string | null; orderMember: string | null }>(sql`SELECT
    (SELECT member_id FROM account_ops WHERE op_id = ${id}) AS opMember,
    (SELECT coalesce(member_id, '') FROM orders WHERE id = ${id} AND NOT (status = 'rejected' AND member_id IS NULL)) AS orderMember`)) ?? [];
  return [row?.opMember, row?.orderMember];
}

import { and, asc, count, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { CouponBatchTarget } from '../../shared/schemas/promotions';
import type { Db } from '../db/client';
import { members, memberTags } from '../db/schema';
import type { MemberRow } from './members';

/** The members a batch target names, as a WHERE clause on members (paged by id). */
export function targetClause(t: CouponBatchTarget): SQL | undefined {
  switch (t.kind) {
    case 'member':
      return eq(members.id, t.memberId);
    case 'tag':
      return inArray(members.id, sql`(SELECT ${memberTags.memberId} FROM ${memberTags} WHERE ${memberTags.tag} = ${t.tag})`);
    case 'tier':
      return eq(members.tierCode, t.tierCode);
    case 'store':
      return eq(members.homeStoreId, t.storeId);
    case 'list':
      // json_each keeps a 5,000-entry list one bound parameter (D1 allows 100 per statement).
      return or(
        inArray(members.id, sql`(SELECT value FROM json_each(${JSON.stringify(t.memberIds)}))`),
        inArray(members.phone, sql`(SELECT value FROM json_each(${JSON.stringify(t.phones)}))`),
      );
  }
}

export async function countTarget(db: Db, t: CouponBatchTarget): Promise<number> {
  return (await db.select({ n: count() }).from(members).where(targetClause(t)).get())?.n ?? 0;
}

/** The next members after `cursor` (member id order), at most `limit`. */
export function targetPage(db: Db, t: CouponBatchTarget, cursor: string, limit: number): Promise<MemberRow[]> {
  return db.select().from(members).where(and(gt(members.id, cursor), targetClause(t))).orderBy(asc(members.id)).limit(limit);
}

/** List entries (phones, ids) that match no member: reported on the batch, never retried. */
export async function unmatchedEntries(db: Db, t: CouponBatchTarget): Promise<string[]> {
  if (t.kind !== 'list') return [];
  const found = await db.select({ id: members.id, phone: members.phone }).from(members).where(targetClause(t));
  const ids = new Set(found.map((m) => m.id)), phones = new Set(found.map((m) => m.phone));
  return [...new Set([...t.memberIds.filter((id) => !ids.has(id)), ...t.phones.filter((p) => !phones.has(p))])];
}

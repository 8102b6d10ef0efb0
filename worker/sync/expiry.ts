import { and, eq, lte, ne } from 'drizzle-orm';
import { keys } from '../../shared/sync/keys';
import type { Db } from '../db/client';
import { members, memberStoreVisits } from '../db/schema';
import { record } from './cvr-store';
import type { Retention } from './views';

/** Once a day per group is enough: the windows are days long. */
export const EXPIRY_EVERY_MS = 86_400_000;

/**
 * Takes out of the group's view what aged out of it (nothing in D1 changed, so no scan sees it):
 * orders older than the view keeps, and members no longer served here recently whose home is
 * elsewhere. Recorded as dels at `version`.
 */
export async function expireAged(db: Db, sql: SqlStorage, r: Retention, version: number): Promise<void> {
  const before = r.ordersBefore();
  const old = sql.exec<{ key: string }>(`SELECT key FROM cvr WHERE key LIKE 'order/%' AND val IS NOT NULL AND json_extract(val, '$.createdAt') < ?`, before).toArray();
  for (const { key } of old) record(sql, key, null, version);
  if (!r.visitsBefore || !r.storeId) return;
  const gone = await db.select({ id: memberStoreVisits.memberId }).from(memberStoreVisits)
    .innerJoin(members, eq(members.id, memberStoreVisits.memberId))
    .where(and(eq(memberStoreVisits.storeId, r.storeId), lte(memberStoreVisits.lastVisitAt, r.visitsBefore()), ne(members.homeStoreId, r.storeId)));
  for (const { id } of gone) record(sql, keys.member(id), null, version);
}

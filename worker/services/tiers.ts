import { asc } from 'drizzle-orm';
import type { Tier } from '../../shared/schemas/member';
import type { Db } from '../db/client';
import { tiers } from '../db/schema';

export async function listTiers(db: Db): Promise<Tier[]> {
  const rows = await db.select().from(tiers).orderBy(asc(tiers.rank));
  return rows.map(({ updatedAt: _u, ...t }) => t);
}

import { asc } from 'drizzle-orm';
import type { Tier } from '../../shared/schemas/member';
import type { Db } from '../db/client';
import { TtlCache } from './ttl-cache';
import { tiers } from '../db/schema';

const cache = new TtlCache<Tier[]>(5_000);

/** Tiers change rarely: cached for a few seconds. */
export function listTiers(db: Db): Promise<Tier[]> {
  return cache.get('tiers', () => readTiers(db));
}

async function readTiers(db: Db): Promise<Tier[]> {
  const rows = await db.select().from(tiers).orderBy(asc(tiers.rank));
  return rows.map(({ updatedAt: _u, ...t }) => t);
}

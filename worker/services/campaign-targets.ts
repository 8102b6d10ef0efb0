import { inArray } from 'drizzle-orm';
import { DomainError } from '../../shared/errors';
import type { Campaign } from '../../shared/schemas/promotions';
import type { Db } from '../db/client';
import { categories, products, stores } from '../db/schema';

/**
 * A campaign aimed at a store, category or product that does not exist would silently reach
 * nobody (or, after a typo, not the store HQ meant): refused, naming the field and the id.
 */
export async function checkCampaignTargets(db: Db, c: Campaign): Promise<void> {
  const lists: [string, readonly string[] | null | undefined, typeof stores | typeof categories | typeof products][] = [
    ['storeIds', c.storeIds, stores],
    ['categoryIds', 'categoryIds' in c ? c.categoryIds : null, categories],
    ['productIds', 'productIds' in c ? c.productIds : null, products],
  ];
  for (const [field, ids, table] of lists) {
    if (!ids?.length) continue;
    const found = new Set((await db.select({ id: table.id }).from(table).where(inArray(table.id, [...ids]))).map((r) => r.id));
    const i = ids.findIndex((id) => !found.has(id));
    if (i >= 0) throw new DomainError('VALIDATION_FAILED', `${field}.${i}: no such ${field.replace(/Ids$/, '')} ${ids[i]}`);
  }
}

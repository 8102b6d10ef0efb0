import { gt } from 'drizzle-orm';
import { keys } from '../../shared/sync/keys';
import { campaignSchema, couponTemplateSchema } from '../../shared/schemas/promotions';
import type { Db } from '../db/client';
import { campaigns, couponTemplates } from '../db/schema';
import { row, whole, type Source } from './source';

type Doc = { id: string; doc: string };
const forStore = (storeIds: string[] | null, storeId: string | null) => storeId === null || storeIds === null || storeIds.includes(storeId);

/**
 * The campaigns running (or about to) at a store, and the coupon templates usable there: small
 * tables, read whole. A campaign that ended, was switched off or does not apply here is a del.
 */
export function campaignSource(db: Db, storeId: string | null): Source {
  const value = (r: Doc) => {
    const c = campaignSchema.safeParse(JSON.parse(r.doc));
    return c.success && c.data.active && c.data.endsAt > Date.now() && forStore(c.data.storeIds, storeId) ? c.data : null;
  };
  return {
    name: 'campaigns',
    // A small table: one page; the ones not in view are left out (not paged past).
    page: async (after) => (after ? [] : (await db.select().from(campaigns)).flatMap((r) => (value(r) ? [row(r.id, keys.campaign(r.id), value(r))] : []))),
    changed: (since) => whole(db.select().from(campaigns).where(gt(campaigns.updatedAt, since)), (r: Doc) => ({ key: keys.campaign(r.id), value: value(r) })),
  };
}

export function couponTemplateSource(db: Db, storeId: string | null): Source {
  const value = (r: Doc) => {
    const c = couponTemplateSchema.safeParse(JSON.parse(r.doc));
    return c.success && c.data.active && forStore(c.data.storeIds, storeId) ? c.data : null;
  };
  return {
    name: 'couponTemplates',
    page: async (after) => (after ? [] : (await db.select().from(couponTemplates)).flatMap((r) => (value(r) ? [row(r.id, keys.couponTemplate(r.id), value(r))] : []))),
    changed: (since) => whole(db.select().from(couponTemplates).where(gt(couponTemplates.updatedAt, since)), (r: Doc) => ({ key: keys.couponTemplate(r.id), value: value(r) })),
  };
}

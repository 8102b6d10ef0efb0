import { eq } from 'drizzle-orm';
import { assertHq, assertStaff, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import { campaignSchema, couponTemplateSchema, type Campaign, type CouponTemplate } from '../../shared/schemas/promotions';
import type { Db } from '../db/client';
import { campaigns, couponTemplates } from '../db/schema';
import { auditInsert } from './audit';
import { checkCampaignTargets } from './campaign-targets';
import { TtlCache } from './ttl-cache';

const pricingCache = new TtlCache<{ campaigns: Campaign[]; couponTemplates: CouponTemplate[] }>(5_000);

const parse = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, doc: string): T[] => {
  const r = schema.safeParse(JSON.parse(doc));
  return r.success ? [r.data as T] : [];
};
const forActor = (actor: Actor, storeIds: string[] | null) => actor.kind === 'staff' && (actor.role === 'hq_admin' || storeIds === null || storeIds.includes(actor.storeId ?? ''));

/** HQ sees every campaign; a store's staff the ones that apply to their store. */
export async function listCampaigns(db: Db, actor: Actor): Promise<Campaign[]> {
  assertStaff(actor);
  const rows = await db.select().from(campaigns).orderBy(campaigns.id);
  return rows.flatMap((r) => parse<Campaign>(campaignSchema, r.doc)).filter((c) => forActor(actor, c.storeIds));
}

export async function listCouponTemplates(db: Db, actor: Actor): Promise<CouponTemplate[]> {
  assertStaff(actor);
  const rows = await db.select().from(couponTemplates).orderBy(couponTemplates.id);
  return rows.flatMap((r) => parse<CouponTemplate>(couponTemplateSchema, r.doc)).filter((c) => forActor(actor, c.storeIds));
}

/** Creates or replaces a campaign (HQ), audited with what it was before; tablets get it on their next pull. */
export async function saveCampaign(db: Db, actor: Actor, c: Campaign, ip: string): Promise<Campaign> {
  assertHq(actor);
  if (c.endsAt <= c.startsAt) throw new DomainError('VALIDATION_FAILED', 'endsAt: must be after startsAt');
  await checkCampaignTargets(db, c);
  const before = await db.select().from(campaigns).where(eq(campaigns.id, c.id)).get();
  const now = Date.now();
  const doc = JSON.stringify(c);
  pricingCache.clear();
  await db.batch([
    db.insert(campaigns).values({ id: c.id, doc, active: c.active, endsAt: c.endsAt, updatedAt: now }).onConflictDoUpdate({ target: campaigns.id, set: { doc, active: c.active, endsAt: c.endsAt, updatedAt: now } }),
    auditInsert(db, { actor, action: before ? 'campaign.update' : 'campaign.create', entity: 'campaign', entityId: c.id, ip, at: now, detail: { before: before ? JSON.parse(before.doc) : null, after: c } }),
  ]);
  return c;
}

export async function saveCouponTemplate(db: Db, actor: Actor, t: CouponTemplate, ip: string): Promise<CouponTemplate> {
  assertHq(actor);
  const before = await db.select().from(couponTemplates).where(eq(couponTemplates.id, t.id)).get();
  const now = Date.now();
  const doc = JSON.stringify(t);
  pricingCache.clear();
  await db.batch([
    db.insert(couponTemplates).values({ id: t.id, doc, active: t.active, updatedAt: now }).onConflictDoUpdate({ target: couponTemplates.id, set: { doc, active: t.active, updatedAt: now } }),
    auditInsert(db, { actor, action: before ? 'coupon_template.update' : 'coupon_template.create', entity: 'coupon_template', entityId: t.id, ip, at: now, detail: { before: before ? JSON.parse(before.doc) : null, after: t } }),
  ]);
  return t;
}

/**
 * What the pricing engine needs for a store's sale: the campaigns and coupon templates switched on
 * for it (the engine checks dates, weekdays and hours itself, against the sale's time). Cached a few
 * seconds per isolate, like the catalog; a tablet's pull brings the same rows.
 */
export function promotionsForStore(db: Db, storeId: string) {
  return pricingCache.get(storeId, async () => {
    const [c, t] = await db.batch([
      db.select({ doc: campaigns.doc }).from(campaigns).where(eq(campaigns.active, true)),
      db.select({ doc: couponTemplates.doc }).from(couponTemplates).where(eq(couponTemplates.active, true)),
    ]);
    const forStore = (ids: string[] | null) => ids === null || ids.includes(storeId);
    return {
      campaigns: c.flatMap((r) => parse<Campaign>(campaignSchema, r.doc)).filter((x) => forStore(x.storeIds)),
      couponTemplates: t.flatMap((r) => parse<CouponTemplate>(couponTemplateSchema, r.doc)).filter((x) => forStore(x.storeIds)),
    };
  });
}

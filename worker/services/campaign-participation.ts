import { eq } from 'drizzle-orm';
import { assertHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import { campaignSchema, type CampaignParticipation } from '../../shared/schemas/promotions';
import type { Db } from '../db/client';
import { campaigns } from '../db/schema';

/**
 * A campaign's participation per store, from the report rollups (decision 028): the sales its
 * discount or points multiplier applied to, by campaign id (order_lines.discounts,
 * orders.points_campaign_id), the discount it gave, those sales' revenue and the members reached.
 * Sales recorded before migration 0014 carry no campaign id and are not counted.
 */
const SQL = `
SELECT s.id AS storeId, s.name AS storeName, COALESCE(d.orders, 0) AS orders, COALESCE(d.discount, 0) AS discountFen,
  COALESCE(d.net, 0) AS revenueFen, (SELECT count(*) FROM campaign_members m WHERE m.campaign_id = ?1 AND m.store_id = s.id) AS members
FROM stores s LEFT JOIN (SELECT store_id, sum(orders) AS orders, sum(discount_fen) AS discount, sum(net_fen) AS net FROM campaign_daily WHERE campaign_id = ?1 GROUP BY store_id) d ON d.store_id = s.id
WHERE (?2 IS NULL OR s.id IN (SELECT value FROM json_each(?2))) OR d.orders > 0
ORDER BY s.id`;

type Row = CampaignParticipation['stores'][number];

export async function campaignParticipation(db: Db, d1: D1Database, actor: Actor, id: string): Promise<CampaignParticipation> {
  assertHq(actor);
  const row = await db.select({ doc: campaigns.doc }).from(campaigns).where(eq(campaigns.id, id)).get();
  const parsed = row ? campaignSchema.safeParse(JSON.parse(row.doc)) : null;
  if (!parsed?.success) throw new DomainError('NOT_FOUND', `id: no campaign ${id}`);
  const c = parsed.data;
  const stores = (await d1.prepare(SQL).bind(c.id, c.storeIds ? JSON.stringify(c.storeIds) : null).all<Row>()).results;
  const sum = (f: (r: Row) => number) => stores.reduce((n, r) => n + f(r), 0);
  return {
    campaignId: c.id,
    measurable: true,
    stores,
    totals: { orders: sum((r) => r.orders), discountFen: sum((r) => r.discountFen), revenueFen: sum((r) => r.revenueFen) },
  };
}
